"""Prometheus: the sketchdojo_* families on /metrics, the dashboard's queries, and worker metrics."""

import json
import os
import re
import socket
import subprocess
import sys
import textwrap
from ipaddress import ip_network
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from prometheus_client.parser import text_string_to_metric_families

from sketchdojo import metrics

DASHBOARD = Path(settings.BASE_DIR) / "deploy" / "grafana" / "dashboards" / "sketchdojo.json"
SKETCHDOJO_FAMILIES = {
    "sketchdojo_tasks",
    "sketchdojo_tasks_running",
    "sketchdojo_generation_duration_seconds",
    "sketchdojo_step_duration_seconds",
    "sketchdojo_provider_calls",
    "sketchdojo_provider_call_duration_seconds",
    "sketchdojo_panels_drawn",
    "sketchdojo_websocket_connections",
    "sketchdojo_queue_depth",
}


def _scrape(client) -> dict:
    response = client.get("/metrics")
    assert response.status_code == 200
    return {family.name: family for family in text_string_to_metric_families(response.content.decode())}


def _sample(families, family, name, **labels) -> float:
    for sample in families[family].samples:
        if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
            return sample.value
    raise AssertionError(f"no sample {name}{labels}")


def _record_a_generation_by_hand():
    metrics.TASKS.labels(task_type="webtoon_generation", status="completed").inc()
    metrics.GENERATION_SECONDS.labels(task_type="webtoon_generation", status="completed").observe(12.0)
    metrics.STEP_SECONDS.labels(step="draw").observe(0.3)
    metrics.PROVIDER_CALLS.labels(provider="local", kind="image", outcome="ok").inc()
    metrics.PROVIDER_CALL_SECONDS.labels(provider="local", kind="image").observe(0.2)
    metrics.PANELS_DRAWN.labels(provider="local").inc()
    metrics.TASKS_RUNNING.labels(task_type="webtoon_generation").set(0)
    metrics.QUEUE_DEPTH.labels(queue="ai").set(0)


def test_metrics_lists_every_sketchdojo_family_after_an_event(client, db):
    _record_a_generation_by_hand()

    families = _scrape(client)

    assert set(families) >= SKETCHDOJO_FAMILIES
    assert _sample(families, "sketchdojo_panels_drawn", "sketchdojo_panels_drawn_total", provider="local") >= 1


def test_metrics_has_the_http_and_database_families_the_dashboard_reads(client, db):
    client.get("/health")

    families = _scrape(client)

    assert {
        "django_http_requests_latency_seconds_by_view_method",
        "django_http_responses_total_by_status",
        "django_db_new_connections",
        "django_db_execute",
    } <= set(families)
    assert (
        _sample(
            families,
            "django_http_responses_total_by_status",
            "django_http_responses_total_by_status_total",
            status="200",
        )
        >= 1
    )


def _dashboard_metric_names() -> set[str]:
    dashboard = json.loads(DASHBOARD.read_text())
    exprs = [target["expr"] for panel in dashboard["panels"] for target in panel.get("targets", [])]
    assert exprs, "the dashboard has no queries"
    return {name for expr in exprs for name in re.findall(r"\b((?:django|sketchdojo)_[a-z0-9_]+)", expr)}


def test_every_metric_the_dashboard_queries_is_exported(client, db):
    _record_a_generation_by_hand()
    client.get("/health")
    client.get("/no-such-page-for-metrics")

    exported = {sample.name for family in _scrape(client).values() for sample in family.samples}

    assert _dashboard_metric_names() - exported == set()


def test_the_dashboard_has_the_guides_four_queries():
    names = _dashboard_metric_names()

    assert {
        "django_http_requests_latency_seconds_by_view_method_bucket",  # request duration p95
        "django_http_responses_total_by_status_total",  # 5xx rate
        "sketchdojo_tasks_running",  # running tasks
        "django_db_new_connections_total",  # database connections
    } <= names


def test_queue_depth_is_not_reported_without_a_redis_broker(client, db):
    with override_settings(CELERY_BROKER_URL="memory://"):
        metrics.refresh_queue_depth()  # nothing to read: no error, no change
    assert client.get("/metrics").status_code == 200


@pytest.mark.services
def test_queue_depth_counts_the_messages_waiting_in_each_redis_queue(client, db):
    import redis

    broker = re.sub(r"/\d+$", "", settings.REDIS_URL) + "/" + os.environ.get("OPS_TEST_REDIS_DB", "11")
    connection = redis.Redis.from_url(broker)
    connection.delete("ai", "images", "ai\x06\x166")
    connection.rpush("ai", "m1", "m2")
    connection.rpush("ai\x06\x166", "m3")  # a priority-6 message of queue `ai`
    connection.rpush("images", "m4")
    try:
        with override_settings(CELERY_BROKER_URL=broker):
            families = _scrape(client)
    finally:
        connection.delete("ai", "images", "ai\x06\x166")

    assert _sample(families, "sketchdojo_queue_depth", "sketchdojo_queue_depth", queue="ai") == 3
    assert _sample(families, "sketchdojo_queue_depth", "sketchdojo_queue_depth", queue="images") == 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(script: str, **env) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("PROMETHEUS_MULTIPROC_DIR", "WORKER_METRICS_PORT")}
    completed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


# A prefork-like worker: a forked child records task metrics and exits; the parent serves them.
_WORKER_SCRIPT = """
    import multiprocessing, urllib.request
    import django
    django.setup()
    from sketchdojo import metrics

    def child():
        metrics.TASKS.labels(task_type="webtoon_generation", status="completed").inc()
        metrics.PANELS_DRAWN.labels(provider="local").inc(6)
        metrics.TASKS_RUNNING.labels(task_type="webtoon_generation").inc()

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join()
    metrics.on_worker_init()
    print(urllib.request.urlopen("http://127.0.0.1:{port}/metrics", timeout=10).read().decode())
    metrics.on_worker_process_shutdown(pid=process.pid)
    print("AFTER-SHUTDOWN")
    print(urllib.request.urlopen("http://127.0.0.1:{port}/metrics", timeout=10).read().decode())
"""


def test_a_worker_serves_its_childrens_metrics_on_the_worker_metrics_port(tmp_path):
    port = _free_port()

    output = _run(
        _WORKER_SCRIPT.replace("{port}", str(port)),
        PROMETHEUS_MULTIPROC_DIR=str(tmp_path),
        WORKER_METRICS_PORT=str(port),
    )
    before, after = output.split("AFTER-SHUTDOWN")
    families = {f.name: f for f in text_string_to_metric_families(before)}
    families_after = {f.name: f for f in text_string_to_metric_families(after)}

    assert _sample(families, "sketchdojo_panels_drawn", "sketchdojo_panels_drawn_total", provider="local") == 6
    assert (
        _sample(families, "sketchdojo_tasks_running", "sketchdojo_tasks_running", task_type="webtoon_generation") == 1
    )
    # A finished child's counters stay, its live gauge (running tasks) goes.
    assert _sample(families_after, "sketchdojo_panels_drawn", "sketchdojo_panels_drawn_total", provider="local") == 6
    assert "sketchdojo_tasks_running" not in {s.name for f in families_after.values() for s in f.samples}


_WEB_SCRIPT = """
    import django
    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment
    setup_test_environment()
    print(Client().get("/metrics").content.decode())
"""


def test_the_web_metrics_include_worker_samples_from_the_shared_multiprocess_directory(tmp_path):
    _run(
        """
        import django
        django.setup()
        from sketchdojo import metrics
        metrics.PROVIDER_CALLS.labels(provider="openai", kind="llm", outcome="error").inc(2)
        """,
        PROMETHEUS_MULTIPROC_DIR=str(tmp_path),
    )

    output = _run(_WEB_SCRIPT, PROMETHEUS_MULTIPROC_DIR=str(tmp_path))
    families = {f.name: f for f in text_string_to_metric_families(output)}

    assert (
        _sample(
            families,
            "sketchdojo_provider_calls",
            "sketchdojo_provider_calls_total",
            provider="openai",
            kind="llm",
            outcome="error",
        )
        == 2
    )


def test_behind_the_proxy_metrics_are_hidden_from_requests_that_came_through_it(client, db, settings):
    settings.METRICS_PUBLIC = False

    proxied = client.get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.9")
    direct = client.get("/metrics")

    assert proxied.status_code == 404
    assert direct.status_code == 200


def test_metrics_can_be_made_public_behind_the_proxy(client, db, settings):
    settings.METRICS_PUBLIC = True

    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 200


def test_metrics_are_not_found_from_a_public_address(client, db):
    response = client.get("/metrics", REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 404
    assert response.json() == {"status": "error", "error": "not_found", "message": "Not found.", "details": {}}


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "::ffff:127.0.0.1", "10.42.0.7", "172.18.0.5", "fd00::5"])
def test_metrics_answer_loopback_and_cluster_addresses(client, db, address):
    assert client.get("/metrics", REMOTE_ADDR=address).status_code == 200


def test_metrics_networks_come_from_the_configuration(client, db, settings):
    settings.METRICS_ALLOWED_NETWORKS = [ip_network("172.31.250.0/24")]

    assert client.get("/metrics", REMOTE_ADDR="172.31.250.9").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404
    assert client.get("/metrics", REMOTE_ADDR="172.31.251.9").status_code == 404


def test_metrics_refuse_a_forwarded_request_even_from_an_allowed_address(client, db):
    assert client.get("/metrics", HTTP_FORWARDED="for=203.0.113.9").status_code == 404
