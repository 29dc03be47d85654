"""SketchDojo's own Prometheus metrics (`sketchdojo_*`), next to django-prometheus's HTTP/DB ones.

Every process (web and Celery workers) records here; how they reach one scrape is decided in
settings/ops (multiprocess directory or worker exporter).
"""

from prometheus_client import Counter, Gauge, Histogram

TASKS = Counter("sketchdojo_tasks_total", "Generation tasks by type and final or new status.", ["task_type", "status"])
TASKS_RUNNING = Gauge(
    "sketchdojo_tasks_running", "Generation tasks running now.", ["task_type"], multiprocess_mode="livesum"
)
GENERATION_SECONDS = Histogram(
    "sketchdojo_generation_duration_seconds",
    "Wall time of a whole generation task.",
    ["task_type", "status"],
    buckets=(1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200),
)
STEP_SECONDS = Histogram(
    "sketchdojo_step_duration_seconds",
    "Wall time of one pipeline step (plan, draw, letter, compose).",
    ["step"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120),
)
PROVIDER_CALLS = Counter(
    "sketchdojo_provider_calls_total", "Calls to AI providers by outcome.", ["provider", "kind", "outcome"]
)
PROVIDER_CALL_SECONDS = Histogram(
    "sketchdojo_provider_call_duration_seconds",
    "Latency of AI provider calls.",
    ["provider", "kind"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 40, 80, 160),
)
PANELS_DRAWN = Counter("sketchdojo_panels_drawn_total", "Panels drawn, by image provider.", ["provider"])
WEBSOCKET_CONNECTIONS = Gauge(
    "sketchdojo_websocket_connections", "Open WebSocket connections.", multiprocess_mode="livesum"
)
QUEUE_DEPTH = Gauge("sketchdojo_queue_depth", "Messages waiting in a Celery queue.", ["queue"], multiprocess_mode="max")
