"""OpenTelemetry: off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; on, spans for HTTP, DB, requests, Celery.

Tracing patches libraries process-wide, so the "on" cases run in a fresh interpreter.
"""

import json
import os
import subprocess
import sys
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.conf import settings
from django.db import connection
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

from sketchdojo import tracing


def _run(script: str, **env) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    completed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip().splitlines()[-1]


def test_without_an_endpoint_nothing_is_initialised(monkeypatch):
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_ENDPOINT", raising=False)

    assert tracing.init_tracing() is False
    assert tracing._state["provider"] is None
    assert not any("opentelemetry" in entry for entry in settings.MIDDLEWARE)


def test_without_an_endpoint_the_asgi_app_never_imports_the_sdk():
    output = _run(
        """
        import json, sys
        import config.asgi
        print(json.dumps(sorted(m for m in sys.modules if m.startswith("opentelemetry"))))
        """
    )

    assert json.loads(output) == []


_SPANS_SCRIPT = """
    import json, threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
    from sketchdojo import tracing

    exporter = InMemorySpanExporter()
    assert tracing.init_tracing(exporter=exporter, simple=True, service_name="sketchdojo-test")

    import django
    django.setup()
    import requests
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    class Provider(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200); self.end_headers(); self.wfile.write(b"ok")
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Provider)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    setup_test_environment()
    Client().get("/health/liveness")
    requests.get(f"http://127.0.0.1:{server.server_port}/v1/models", timeout=10)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")

    from config.celery import app
    @app.task(name="tracing_probe")
    def probe():
        return "done"
    app.conf.task_always_eager = True
    probe.delay()

    print(json.dumps([
        {"name": s.name, "kind": s.kind.name, "service": s.resource.attributes["service.name"],
         "attributes": {k: str(v) for k, v in s.attributes.items()}}
        for s in exporter.get_finished_spans()
    ]))
"""


def _database_url_for_a_child(tmp_path) -> str:
    """The test database when it is a server (MySQL); a scratch SQLite file otherwise."""
    if connection.vendor == "mysql":
        db = connection.settings_dict
        return f"mysql://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 3306}/{db['NAME']}"
    return f"sqlite:///{tmp_path / 'trace.sqlite3'}"


def test_with_an_endpoint_django_requests_database_and_celery_are_traced(db, tmp_path):
    spans = json.loads(
        _run(
            _SPANS_SCRIPT,
            OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:9",
            DATABASE_URL=_database_url_for_a_child(tmp_path),
        )
    )
    by_name = {span["name"]: span for span in spans}

    assert {span["service"] for span in spans} == {"sketchdojo-test"}
    assert by_name["GET health/liveness"]["kind"] == "SERVER"
    assert by_name["GET"]["kind"] == "CLIENT"  # the outgoing requests call
    assert by_name["GET"]["attributes"]["http.url"].endswith("/v1/models")
    assert by_name["SELECT"]["kind"] == "CLIENT"
    assert (by_name["SELECT"]["attributes"]["db.system"], by_name["SELECT"]["attributes"]["db.statement"]) == (
        connection.vendor,  # "sqlite" embedded, "mysql" on MariaDB/MySQL
        "SELECT 1",
    )
    assert by_name["run/tracing_probe"]["kind"] == "CONSUMER"
    assert by_name["run/tracing_probe"]["attributes"]["celery.state"] == "SUCCESS"


class _Collector(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((self.path, self.headers["Content-Type"], body))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_with_an_endpoint_spans_are_exported_over_otlp_http_to_the_collector():
    _Collector.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        _run(
            """
            from sketchdojo import tracing
            assert tracing.init_tracing()
            import django
            django.setup()
            from django.test import Client
            from django.test.utils import setup_test_environment
            setup_test_environment()
            Client().get("/health/liveness")
            tracing.force_flush()
            print("flushed")
            """,
            OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{server.server_port}",
            OTEL_SERVICE_NAME="sketchdojo-web",
        )
    finally:
        server.shutdown()

    assert [(path, kind) for path, kind, _ in _Collector.received] == [("/v1/traces", "application/x-protobuf")]
    request = ExportTraceServiceRequest.FromString(_Collector.received[0][2])
    resource = request.resource_spans[0].resource
    names = [span.name for scope in request.resource_spans[0].scope_spans for span in scope.spans]
    assert {a.key: a.value.string_value for a in resource.attributes}["service.name"] == "sketchdojo-web"
    assert "GET health/liveness" in names


_PROPAGATION_SCRIPT = """
    import json
    from opentelemetry import trace
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
    from sketchdojo import tracing

    exporter = InMemorySpanExporter()
    assert tracing.init_tracing(exporter=exporter, simple=True)
    import django
    django.setup()
    from celery import Celery
    from celery.contrib.testing.worker import start_worker

    app = Celery("propagation", broker="memory://", backend="cache+memory://", set_as_current=False)
    app.conf.task_default_queue = "propagation"

    @app.task(name="propagation_probe")
    def probe():
        return "drawn"

    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        with trace.get_tracer("test").start_as_current_span("POST webtoons/generate"):
            probe.delay().get(timeout=30)

    print(json.dumps([
        {"name": s.name, "trace": format(s.context.trace_id, "032x"),
         "parent": format(s.parent.span_id, "016x") if s.parent else None, "span": format(s.context.span_id, "016x")}
        for s in exporter.get_finished_spans()
    ]))
"""


def test_a_trace_follows_a_task_from_the_publisher_into_the_worker():
    spans = {
        span["name"]: span
        for span in json.loads(_run(_PROPAGATION_SCRIPT, OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:9"))
    }

    request, publish, run = (
        spans["POST webtoons/generate"],
        spans["apply_async/propagation_probe"],
        spans["run/propagation_probe"],
    )
    assert publish["trace"] == run["trace"] == request["trace"]
    assert publish["parent"] == request["span"]
    assert run["parent"] == publish["span"]
