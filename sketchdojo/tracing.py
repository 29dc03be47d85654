"""Optional OpenTelemetry tracing: one trace from the HTTP request through Celery to the providers.

Why it exists: a slow generation is spread over a request, a planning task, panel jobs, provider
HTTP calls and database queries in several processes. With `OTEL_EXPORTER_OTLP_ENDPOINT` set
(e.g. `http://otel-collector:4318`), `init_tracing()` instruments Django, Celery (publish and
run, with the trace context carried in the message), `requests` (the provider clients), Redis and
the database driver, and exports spans over OTLP/HTTP. Unset, nothing is imported or patched.

It is called from config/asgi.py and config/wsgi.py (before Django builds its middleware chain)
and, for workers, from Celery's `worker_process_init` (once per prefork child, as the Celery
instrumentation requires). The standard `OTEL_*` variables (`OTEL_SERVICE_NAME`,
`OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_TRACES_SAMPLER`, ...) are honoured by the SDK.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from celery import signals
from django.conf import settings

logger = logging.getLogger(__name__)

ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT"
_state: dict[str, Any] = {"provider": None}


def tracing_enabled() -> bool:
    return bool(os.environ.get(ENDPOINT_VARIABLE, "").strip())


def init_tracing(*, service_name: str | None = None, exporter=None, simple: bool = False) -> bool:
    """Sets up tracing once per process when the endpoint is configured; returns whether it is on.

    `exporter` replaces the OTLP exporter (tests pass an in-memory one); `simple` exports each span
    as it ends instead of in batches.
    """
    if not tracing_enabled():
        return False
    if _state["provider"] is not None:
        return True

    # OpenTelemetry loads only when tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT): it is heavy and unused otherwise.
    from opentelemetry import trace
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor

    if exporter is None:  # lazy: see above
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        exporter = OTLPSpanExporter()  # reads OTEL_EXPORTER_OTLP_ENDPOINT (+ /v1/traces) and headers
    name = service_name or os.environ.get("OTEL_SERVICE_NAME") or "sketchdojo"
    provider = TracerProvider(resource=Resource.create({"service.name": name}))
    provider.add_span_processor(SimpleSpanProcessor(exporter) if simple else BatchSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    _state["provider"] = provider
    _instrument_libraries()
    logger.info("OpenTelemetry tracing on (service %s)", name)
    return True


def _instrument_libraries() -> None:
    # Lazy: OpenTelemetry loads only when tracing is on (see init_tracing).
    from opentelemetry.instrumentation.celery import CeleryInstrumentor
    from opentelemetry.instrumentation.django import DjangoInstrumentor
    from opentelemetry.instrumentation.redis import RedisInstrumentor
    from opentelemetry.instrumentation.requests import RequestsInstrumentor

    DjangoInstrumentor().instrument()
    CeleryInstrumentor().instrument()
    RequestsInstrumentor().instrument()
    RedisInstrumentor().instrument()
    _instrument_database()


def _instrument_database() -> None:
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine.endswith(".mysql"):  # lazy: only when tracing is on (see init_tracing)
        from opentelemetry.instrumentation.mysqlclient import MySQLClientInstrumentor

        MySQLClientInstrumentor().instrument()
    elif engine.endswith(".sqlite3"):  # lazy: as above
        from opentelemetry.instrumentation.sqlite3 import SQLite3Instrumentor

        SQLite3Instrumentor().instrument()


def force_flush() -> None:
    """Exports pending spans now (before a short-lived process exits)."""
    if _state["provider"] is not None:
        _state["provider"].force_flush()


def on_worker_process_init(**_: Any) -> None:
    init_tracing()


def on_worker_process_shutdown(**_: Any) -> None:
    force_flush()


def connect_celery_signals() -> None:
    signals.worker_process_init.connect(on_worker_process_init, weak=False, dispatch_uid="sketchdojo-otel-init")
    signals.worker_init.connect(on_worker_process_init, weak=False, dispatch_uid="sketchdojo-otel-worker-init")
    signals.worker_process_shutdown.connect(
        on_worker_process_shutdown, weak=False, dispatch_uid="sketchdojo-otel-shutdown"
    )
