"""SketchDojo's own Prometheus metrics (`sketchdojo_*`), next to django-prometheus's HTTP/DB ones.

Every process (web and Celery workers) records here. How worker metrics reach Prometheus:

- `PROMETHEUS_MULTIPROC_DIR` set (an empty directory per host/pod, wiped at start): every process
  writes its samples there and any exporter on that host aggregates them. Web and workers sharing
  one host and directory are all visible on the web's `/metrics`.
- `WORKER_METRICS_PORT` set: the Celery worker's main process serves its (prefork children's)
  metrics on that port, for workers on other hosts. Prefork needs the multiprocess directory too,
  since the children record and the parent serves.

At scrape time (`metrics_view`) the queue depth is read from the Redis broker and the running
tasks from the Task table, so both are right whichever process does the work.
"""

import ipaddress
import logging
import os
from collections.abc import Callable
from typing import Any

from celery import signals
from django.conf import settings
from django.http import JsonResponse
from django_prometheus.exports import ExportToDjangoView
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram, multiprocess, start_http_server

from sketchdojo.api.envelope import envelope

logger = logging.getLogger(__name__)

TASKS = Counter("sketchdojo_tasks_total", "Generation tasks by type and final or new status.", ["task_type", "status"])
# Read from the Task table (the source of truth) at scrape time, so it is right whichever worker
# runs what; every web replica reports the same number (dashboards take the max).
TASKS_RUNNING = Gauge(
    "sketchdojo_tasks_running", "Generation tasks running now.", ["task_type"], multiprocess_mode="livemax"
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


def provider_call_observe(call) -> None:
    """Export one finished provider call (an engine `ProviderCall`) as the two provider metrics."""
    PROVIDER_CALLS.labels(provider=call.provider, kind=call.kind, outcome=call.outcome).inc()
    PROVIDER_CALL_SECONDS.labels(provider=call.provider, kind=call.kind).observe(call.latency_seconds)


PANELS_DRAWN = Counter("sketchdojo_panels_drawn_total", "Panels drawn, by image provider.", ["provider"])
WEBSOCKET_CONNECTIONS = Gauge(
    "sketchdojo_websocket_connections", "Open WebSocket connections.", multiprocess_mode="livesum"
)
QUEUE_DEPTH = Gauge(
    "sketchdojo_queue_depth", "Messages waiting in a Celery queue.", ["queue"], multiprocess_mode="livemostrecent"
)

# The queues the workers consume (config/celery.py routes panel drawing to `images`).
QUEUES = ("ai", "images")
# kombu's Redis transport keeps messages of priority p>0 in `<queue>\x06\x16<p>`.
_PRIORITY_SUFFIXES = ("", "\x06\x163", "\x06\x166", "\x06\x169")


def is_multiprocess() -> bool:
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


def export_registry():
    """The registry to expose: every process's samples in multiprocess mode, else this process's."""
    if not is_multiprocess():
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


def refresh_queue_depth() -> None:
    """Sets `sketchdojo_queue_depth` from the Redis broker (LLEN); nothing to read without one."""
    broker_url = settings.CELERY_BROKER_URL
    if not broker_url.startswith(("redis://", "rediss://")):
        return
    # Lazy: redis-py loads the OpenTelemetry SDK when it is installed; only a Redis setup pays for it.
    import redis

    client = redis.Redis.from_url(broker_url, socket_timeout=2)
    with client.pipeline(transaction=False) as pipe:
        for queue in QUEUES:
            for suffix in _PRIORITY_SUFFIXES:
                pipe.llen(queue + suffix)
        lengths = pipe.execute()
    per_queue = len(_PRIORITY_SUFFIXES)
    for index, queue in enumerate(QUEUES):
        QUEUE_DEPTH.labels(queue=queue).set(sum(lengths[index * per_queue : (index + 1) * per_queue]))


# Gauges read from an app's rows at scrape time. The core knows no app: each app registers its own
# refresher in its AppConfig.ready() (tasks registers `sketchdojo_tasks_running`).
_scrape_refreshers: list[Callable[[], None]] = []


def scrape_refresher_register(refresh: Callable[[], None]) -> None:
    """Adds `refresh` to what `/metrics` runs before exporting (once per function)."""
    if refresh not in _scrape_refreshers:
        _scrape_refreshers.append(refresh)


def metrics_allowed(request) -> bool:
    """A direct request (not through a proxy) from METRICS_ALLOWED_NETWORKS, or METRICS_PUBLIC."""
    if settings.METRICS_PUBLIC:
        return True
    if "HTTP_X_FORWARDED_FOR" in request.META or "HTTP_FORWARDED" in request.META:
        return False  # the proxy's own address says nothing about who is asking
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR") or "")
    except ValueError:
        return False
    address = getattr(address, "ipv4_mapped", None) or address
    return any(address in network for network in settings.METRICS_ALLOWED_NETWORKS)


def metrics_view(request):
    """`/metrics`: django-prometheus's exporter, with the queue depth and running tasks read fresh."""
    if not metrics_allowed(request):
        return JsonResponse(envelope(404, message="Not found."), status=404)
    for refresh in (refresh_queue_depth, *_scrape_refreshers):
        try:
            refresh()
        except Exception as exc:  # noqa: BLE001 - a broker or database outage must not hide the rest
            logger.warning("metric %s unavailable: %s", refresh.__name__, exc.__class__.__name__)
    return ExportToDjangoView(request)


# --- Celery worker side ---------------------------------------------------------------------------


def on_worker_init(**_: Any) -> None:
    """Main worker process: serve metrics on WORKER_METRICS_PORT when it is set."""
    port = int(os.environ.get("WORKER_METRICS_PORT") or 0)
    if port:
        start_http_server(port, registry=export_registry())
        logger.info("worker metrics on :%s (%s)", port, "multiprocess" if is_multiprocess() else "single process")


def on_worker_process_shutdown(pid: int | None = None, **_: Any) -> None:
    """A prefork child exits: its live gauges (running tasks, connections) stop counting."""
    if is_multiprocess():
        multiprocess.mark_process_dead(pid or os.getpid())


def connect_celery_signals() -> None:
    signals.worker_init.connect(on_worker_init, weak=False, dispatch_uid="sketchdojo-metrics-worker-init")
    signals.worker_process_shutdown.connect(
        on_worker_process_shutdown, weak=False, dispatch_uid="sketchdojo-metrics-process-shutdown"
    )
