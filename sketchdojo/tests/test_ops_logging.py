"""Structured logs: the JSON shape, secret masking, and ids carried from a request into a Celery task."""

import json
import logging
import os
import subprocess
import sys

import pytest
from celery import Celery
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.functional import SimpleLazyObject

from sketchdojo import logging as log_context
from sketchdojo.api.middleware import RequestIdMiddleware


def _record(message="hello", *args, **extra) -> logging.LogRecord:
    record = logging.LogRecord("sketchdojo.test", logging.INFO, __file__, 1, message, args, None)
    for key, value in extra.items():
        setattr(record, key, value)
    log_context.LogContextFilter().filter(record)
    log_context.SecretMaskingFilter().filter(record)
    return record


class _User:
    is_authenticated = True

    def __init__(self, pk):
        self.pk = pk


def test_json_line_has_level_logger_message_bound_ids_and_extra_fields():
    token = log_context.bind(request_id="req-1", user_id="user-7", task_id="task-9")
    try:
        line = log_context.JsonFormatter().format(_record("panel %s drawn", 3, panel_id="p-3"))
    finally:
        log_context.unbind(token)

    payload = json.loads(line)
    del payload["timestamp"]
    assert payload == {
        "level": "INFO",
        "logger": "sketchdojo.test",
        "message": "panel 3 drawn",
        "request_id": "req-1",
        "user_id": "user-7",
        "task_id": "task-9",
        "celery_task_id": None,
        "panel_id": "p-3",
    }


def test_json_line_outside_any_request_or_task_has_null_ids():
    payload = json.loads(log_context.JsonFormatter().format(_record("idle")))

    assert [payload[f] for f in ("request_id", "user_id", "task_id", "celery_task_id")] == [None, None, None, None]


def test_json_line_includes_the_exception_traceback():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, __import__("sys").exc_info())
    payload = json.loads(log_context.JsonFormatter().format(record))

    assert payload["exception"].splitlines()[-1] == "ValueError: boom"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Authorization: Bearer eyJhbGciOi.payload123.signature9", "Authorization: ***"),
        (
            "calling with headers {'Authorization': 'Bearer abcdefgh12345'}",
            "calling with headers {'Authorization': '***'}",
        ),
        ("retry with api_key=sk-live-1234567890abcdef", "retry with api_key=***"),
        ('{"password": "SecurePassword123"}', '{"password": "***"}'),
        ("token sk-proj-abcdefghijklmnop leaked", "token sk-*** leaked"),
        ("refresh with eyJhbGciOiJI.eyJ1c2VyX2lk.c2lnbmF0dXJl", "refresh with ***jwt***"),
        ("nothing secret here", "nothing secret here"),
    ],
)
def test_secrets_are_masked_in_the_message(message, expected):
    assert _record(message).getMessage() == expected


def test_secrets_in_format_arguments_are_masked_too():
    record = _record("headers: %s", {"Authorization": "Bearer abcdefgh12345678"})

    assert record.getMessage() == "headers: {'Authorization': '***'}"


def _run_through_middleware(request, view):
    chain = RequestIdMiddleware(log_context.LogContextMiddleware(view))
    return chain(request)


def test_a_request_log_line_carries_the_callers_request_id_and_the_authenticated_user():
    seen = {}

    def view(request):
        request.user = _User("u-42")  # what DRF does once it has authenticated the JWT
        seen.update(log_context.current_context())
        return HttpResponse()

    response = _run_through_middleware(RequestFactory().get("/api/v1/auth/me", HTTP_X_REQUEST_ID="req-abc"), view)

    assert response["X-Request-ID"] == "req-abc"
    assert seen == {"request_id": "req-abc", "user_id": "u-42"}
    assert log_context.current_context() == {}


def test_a_lazy_user_that_nobody_evaluated_is_not_looked_up_by_logging():
    evaluated = []

    def load_user():
        evaluated.append(True)
        return _User("u-1")

    def view(request):
        request.user = SimpleLazyObject(load_user)
        return HttpResponse(json.dumps(log_context.current_context()))

    response = _run_through_middleware(RequestFactory().get("/", HTTP_X_REQUEST_ID="req-lazy"), view)

    assert json.loads(response.content) == {"request_id": "req-lazy"}
    assert evaluated == []


def test_publishing_a_task_puts_the_request_and_user_ids_in_a_message_header():
    headers = {"id": "celery-1"}

    def view(request):
        request.user = _User("u-5")
        log_context.on_before_task_publish(headers=headers)
        return HttpResponse()

    _run_through_middleware(RequestFactory().get("/", HTTP_X_REQUEST_ID="req-pub"), view)

    assert headers == {"id": "celery-1", log_context.HEADER: {"request_id": "req-pub", "user_id": "u-5"}}


def test_publishing_outside_a_request_adds_no_header():
    headers = {"id": "celery-2"}

    log_context.on_before_task_publish(headers=headers)

    assert headers == {"id": "celery-2"}


@pytest.fixture
def worker_app():
    """A Celery app on the in-memory broker with a real worker thread consuming it."""
    app = Celery("log-context-test", broker="memory://", backend="cache+memory://", set_as_current=False)
    app.conf.task_default_queue = "log-context-test"

    @app.task(name="log_context_probe")
    def probe(task_id):
        logging.getLogger("sketchdojo.test").info("probe running")
        return log_context.current_context()

    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield probe


def test_a_worker_runs_the_task_with_the_publishing_requests_ids_and_its_own_task_ids(worker_app):
    probe = worker_app
    result = {}

    def view(request):
        request.user = _User("u-9")
        result["async"] = probe.apply_async(kwargs={"task_id": "domain-task-1"}, task_id="celery-task-1")
        return HttpResponse()

    _run_through_middleware(RequestFactory().get("/", HTTP_X_REQUEST_ID="req-worker"), view)
    context = result["async"].get(timeout=30)

    assert context == {
        "request_id": "req-worker",
        "user_id": "u-9",
        "task_id": "domain-task-1",
        "celery_task_id": "celery-task-1",
    }


def test_the_worker_forgets_the_ids_when_the_task_ends():
    class _Task:
        class request:  # mimics Celery's task.request
            sketchdojo_log_context = {"request_id": "req-x", "user_id": "u-x"}

    log_context.on_task_prerun(task_id="c-1", task=_Task, kwargs={"task_id": "t-1"})
    during = log_context.current_context()
    log_context.on_task_postrun(task_id="c-1")

    assert during == {"request_id": "req-x", "user_id": "u-x", "task_id": "t-1", "celery_task_id": "c-1"}
    assert log_context.current_context() == {}


def _log_one_line(**env) -> str:
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('sketchdojo.probe').warning('login with Authorization: Bearer abcdefgh12345678')"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LOG_", "ENVIRONMENT", "DEBUG"))}
    completed = subprocess.run(
        [sys.executable, "-c", script],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stderr.strip().splitlines()[-1]


def test_production_logs_are_json_lines_with_secrets_masked():
    line = _log_one_line(ENVIRONMENT="production", SECRET_KEY="x" * 60, ALLOWED_HOSTS="example.com")

    payload = json.loads(line)
    assert (payload["level"], payload["logger"], payload["message"]) == (
        "WARNING",
        "sketchdojo.probe",
        "login with Authorization: ***",
    )


def test_development_logs_are_text_lines_with_the_context_ids():
    line = _log_one_line(ENVIRONMENT="development")

    assert line.endswith("WARNING sketchdojo.probe [req=- user=- task=-] login with Authorization: ***")


def test_a_task_given_the_task_row_id_positionally_logs_it_as_the_task_id():
    from webtoons.tasks import draw_panel

    log_context.on_task_prerun(task_id="c-2", task=draw_panel, args=("row-7", "panel-3"), kwargs={})
    during = log_context.current_context()
    log_context.on_task_postrun(task_id="c-2")

    assert during == {"task_id": "row-7", "celery_task_id": "c-2"}


def test_every_request_writes_one_access_line_with_its_ids(caplog):
    def view(request):
        request.user = _User("u-3")
        return HttpResponse(status=201)

    with caplog.at_level(logging.INFO, logger="sketchdojo.access"):
        _run_through_middleware(RequestFactory().post("/api/v1/projects", HTTP_X_REQUEST_ID="req-acc"), view)
    (record,) = [r for r in caplog.records if r.name == "sketchdojo.access"]
    payload = json.loads(log_context.JsonFormatter().format(record))

    assert (payload["method"], payload["path"], payload["status"]) == ("POST", "/api/v1/projects", 201)
    assert (payload["request_id"], payload["user_id"]) == ("req-acc", "u-3")
    assert payload["duration_ms"] >= 0


def test_probes_and_scrapes_write_no_access_line(caplog):
    with caplog.at_level(logging.INFO, logger="sketchdojo.access"):
        for path in ("/health/liveness", "/health", "/metrics"):
            _run_through_middleware(RequestFactory().get(path), lambda request: HttpResponse())

    assert [r for r in caplog.records if r.name == "sketchdojo.access"] == []


def test_djangos_error_log_after_the_response_still_names_the_request(client, db):
    handler_records = []

    class Capture(logging.Handler):
        def emit(self, record):
            handler_records.append(record)

    capture = Capture()
    capture.addFilter(log_context.LogContextFilter())
    logging.getLogger("django.request").addHandler(capture)
    try:
        client.get("/api/v1/projects", HTTP_X_REQUEST_ID="req-401")
    finally:
        logging.getLogger("django.request").removeHandler(capture)

    (record,) = handler_records
    payload = json.loads(log_context.JsonFormatter().format(record))
    assert (payload["message"], payload["request_id"]) == ("Unauthorized: /api/v1/projects", "req-401")
    assert "request" not in payload
