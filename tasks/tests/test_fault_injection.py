"""Fault injection with real services: a real Celery worker, MariaDB, Redis and a provider's wire format.

Each fault is injected into a running generation; afterwards no task is lost (it ends completed,
or failed with a message), no panel is duplicated or missing, and a retry completes what failed:

- the image provider (Stability AI's wire format, served locally) answers 429 + Retry-After, 500
  and too slowly: retried with backoff, the webtoon completes;
- it refuses a panel (content moderation) or answers with something that is not an image: the
  task fails naming the reason, finished panels are kept, a retry draws only what is missing;
- Redis (broker, cache, channel layer) restarts mid-generation: a private `redis-server` of
  this test, never the shared one;
- MariaDB kills the worker's connections mid-generation (`KILL <id>`), and kills a web
  request's persistent connection, which the next request replaces (CONN_HEALTH_CHECKS).

SIGKILL of the worker mid-generation is covered by tasks/tests/test_worker_integration.py, whose
worker fixtures this module reuses.
"""

from __future__ import annotations

import contextlib
import io
import socket
import subprocess
import time

import MySQLdb
import pytest
from django.db import connection

from panels.models import Panel
from sketchdojo.engine.providers.tests.samples import png_bytes
from sketchdojo.engine.providers.tests.wire import Reply, WireServer
from tasks.models import Task, TaskStatus
from tasks.services import task_retry
from tasks.tests.test_worker_integration import (  # the real-worker fixtures of the pipeline's own tests
    _assert_complete_without_duplicates,
    _lettered,
    _start_generation,
    _status,
    _wait_for,
    broker_prefix,
    workers,
)

# The real-worker fixtures of the pipeline's own integration tests, used here by name.
REUSED_FIXTURES = (broker_prefix, workers)
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

PANELS = 4
LONG_RUN_PANELS = 8  # still running when the fault strikes
FAST_RECOVERY = {
    "TASK_STALE_AFTER_SECONDS": "3",
    "TASK_HEARTBEAT_SECONDS": "1",
    "RECONCILE_INTERVAL_SECONDS": "1",
    "CELERY_VISIBILITY_TIMEOUT": "6",
    "TASK_RETRY_BACKOFF_SECONDS": "0.2",
}


def _image() -> Reply:
    return Reply(200, png_bytes(512, 512), headers={"Content-Type": "image/png", "finish-reason": "SUCCESS"})


def _stability_error(status: int, name: str, message: str, **headers) -> Reply:
    return Reply(status, {"id": "a1b2c3", "name": name, "errors": [message]}, headers=headers)


@pytest.fixture
def stability():
    """A local server speaking Stability AI's REST format; the worker draws every panel through it."""
    server = WireServer().start()
    env = {
        "IMAGE_PROVIDER": "stability",
        "STABILITY_API_BASE": server.url,
        "STABILITY_API_KEY": "sk-fault-injection",
        "STABILITY_MODEL": "core",
        "PROVIDER_TIMEOUT_SECONDS": "1",
        "PROVIDER_MAX_RETRIES": "4",
    }
    yield server, env
    server.stop()


def _finished(task) -> bool:
    return _status(task) in (TaskStatus.COMPLETED, TaskStatus.FAILED)


def _assert_ended_with_a_reason(task) -> Task:
    task = Task.objects.get(pk=task.pk)
    assert task.status in (TaskStatus.COMPLETED, TaskStatus.FAILED)
    if task.status == TaskStatus.FAILED:
        assert task.error_message.strip() != ""
    return task


def _panel_numbers(task) -> list[int]:
    return list(Panel.objects.filter(webtoon_id=task.webtoon_id).values_list("sequence_number", flat=True))


def _retry_until_complete(task, logs, *, panel_count: int = PANELS) -> None:
    if _status(task) == TaskStatus.FAILED:
        task_retry(task=Task.objects.get(pk=task.pk))
        _wait_for(lambda: _finished(task), timeout=90, workers_logs=logs)
    assert _status(task) == TaskStatus.COMPLETED, Task.objects.get(pk=task.pk).error_message
    _assert_complete_without_duplicates(task, panel_count)


def test_rate_limits_server_errors_and_timeouts_are_retried_until_the_webtoon_completes(user, workers, stability):
    server, env = stability
    server.reply(
        _stability_error(429, "rate_limit_exceeded", "You have exceeded the rate limit", **{"Retry-After": "1"}),
        _stability_error(500, "internal_error", "An unexpected server error occurred"),
        Reply(200, png_bytes(512, 512), headers={"Content-Type": "image/png"}, delay=2.5),  # past the 1 s timeout
        *[_image() for _ in range(20)],
    )
    worker = workers(concurrency=2, extra_env={**env, **FAST_RECOVERY})

    task = _start_generation(user, panel_count=PANELS)
    _wait_for(lambda: _finished(task), timeout=90, workers_logs=[worker.log])

    assert _status(task) == TaskStatus.COMPLETED, Task.objects.get(pk=task.pk).error_message
    _assert_complete_without_duplicates(task, PANELS)
    assert len(server.received) >= PANELS + 3  # every fault was answered by another attempt


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        (_stability_error(403, "content_moderation", "Your request was flagged by our moderation"), "refused"),
        (Reply(200, b"<html>gateway page</html>", headers={"Content-Type": "image/png"}), "not an image"),
    ],
    ids=["refusal", "malformed image"],
)
def test_a_refused_or_malformed_panel_fails_the_task_with_the_reason_and_retry_completes_it(
    user, workers, stability, fault, reason
):
    server, env = stability
    server.reply(fault, *[_image() for _ in range(PANELS * 3)])
    worker = workers(concurrency=1, extra_env={**env, **FAST_RECOVERY})

    task = _start_generation(user, panel_count=PANELS)
    _wait_for(lambda: _finished(task), timeout=90, workers_logs=[worker.log])

    failed = _assert_ended_with_a_reason(task)
    assert failed.status == TaskStatus.FAILED
    assert reason in failed.error_message
    assert sorted(_panel_numbers(task)) == list(range(1, PANELS + 1))
    kept, calls_before_retry = _lettered(task), len(server.received)
    assert kept < PANELS
    _retry_until_complete(task, [worker.log])
    assert len(server.received) - calls_before_retry == PANELS - kept  # the retry drew only what was missing


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    """A throwaway `redis-server` (no persistence) on a free port: restarting it loses everything."""

    def __init__(self):
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import redis

        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                redis.Redis.from_url(self.url, socket_timeout=1).ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("private redis-server did not start")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def private_redis(monkeypatch):
    """A private Redis; generation jobs are queued on it (the worker is pointed at it too)."""
    from config.celery import app
    from webtoons.tasks import run_generation

    redis_server = PrivateRedis()
    redis_server.start()

    def dispatch(*, task_id, task_type, celery_task_id):
        with app.connection_for_write(url=redis_server.url) as conn:
            run_generation.apply_async(args=[str(task_id)], task_id=celery_task_id, queue="ai", connection=conn)

    monkeypatch.setattr("tasks.services._dispatch", dispatch)
    yield redis_server
    redis_server.kill()


def test_a_redis_restart_mid_generation_loses_no_task_and_no_panel(user, workers, private_redis):
    env = {**FAST_RECOVERY, "REDIS_URL": private_redis.url, "CELERY_BROKER_KEY_PREFIX": ""}
    worker = workers(concurrency=1, beat=True, extra_env=env)
    task = _start_generation(user, panel_count=LONG_RUN_PANELS)
    _wait_for(lambda: _lettered(task) >= 1, timeout=90, workers_logs=[worker.log])

    private_redis.kill()
    assert _status(task) == TaskStatus.RUNNING
    time.sleep(1)
    private_redis.start()

    _wait_for(lambda: _finished(task), timeout=120, workers_logs=[worker.log])
    _assert_ended_with_a_reason(task)
    _retry_until_complete(task, [worker.log], panel_count=LONG_RUN_PANELS)


def _admin_connection():
    db = connection.settings_dict
    return MySQLdb.connect(
        host=db["HOST"] or "127.0.0.1", port=int(db["PORT"] or 3306), user=db["USER"], password=db["PASSWORD"]
    )


def _kill_connections_to_test_database(*, except_id: int) -> int:
    """KILL every connection to this test's database but `except_id`; returns how many."""
    admin = _admin_connection()
    try:
        cursor = admin.cursor()
        cursor.execute(
            "SELECT id FROM information_schema.processlist WHERE db = %s AND id <> %s AND id <> CONNECTION_ID()",
            [connection.settings_dict["NAME"], except_id],
        )
        ids = [row[0] for row in cursor.fetchall()]
        for connection_id in ids:
            with contextlib.suppress(MySQLdb.OperationalError):  # already gone
                cursor.execute(f"KILL {int(connection_id)}")
        return len(ids)
    finally:
        admin.close()


def _own_connection_id() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT CONNECTION_ID()")
        return cursor.fetchone()[0]


def test_the_workers_database_connections_killed_mid_generation_lose_no_task_and_no_panel(user, workers):
    worker = workers(concurrency=2, beat=True, extra_env=FAST_RECOVERY)  # beat runs the stale-task reconciler
    task = _start_generation(user, panel_count=LONG_RUN_PANELS)
    _wait_for(lambda: _lettered(task) >= 1, timeout=90, workers_logs=[worker.log])

    killed = _kill_connections_to_test_database(except_id=_own_connection_id())

    assert killed >= 1
    assert _status(task) == TaskStatus.RUNNING
    _wait_for(lambda: _finished(task), timeout=120, workers_logs=[worker.log])
    _assert_ended_with_a_reason(task)
    _retry_until_complete(task, [worker.log], panel_count=LONG_RUN_PANELS)


def _wsgi_get(path: str, token: str) -> tuple[int, bytes]:
    """A request through the production WSGI handler (with its connection housekeeping signals)."""
    from django.test import RequestFactory

    from config.wsgi import application

    environ = RequestFactory().get(path, HTTP_AUTHORIZATION=f"Bearer {token}").environ
    environ["wsgi.input"] = io.BytesIO(b"")
    status: list[str] = []
    body = b"".join(application(environ, lambda s, headers, exc_info=None: status.append(s)))
    return int(status[0].split()[0]), body


def test_a_killed_persistent_connection_is_replaced_before_the_next_request(user, monkeypatch):
    from rest_framework_simplejwt.tokens import RefreshToken

    token = str(RefreshToken.for_user(user).access_token)
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)  # persistent, as in production
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
    first_status, _ = _wsgi_get("/api/v1/projects", token)
    before = _own_connection_id()
    admin = _admin_connection()
    admin.cursor().execute(f"KILL {int(before)}")
    admin.close()

    status, body = _wsgi_get("/api/v1/projects", token)

    assert (first_status, status) == (200, 200), body
    assert _own_connection_id() != before
    connection.close()


def test_a_request_whose_connection_is_killed_mid_request_gets_the_error_envelope(user, monkeypatch):
    from rest_framework_simplejwt.tokens import RefreshToken

    from projects import selectors

    token = str(RefreshToken.for_user(user).access_token)
    real_project_list = selectors.project_list

    def project_list_after_the_connection_died(**kwargs):
        admin = _admin_connection()
        admin.cursor().execute(f"KILL {int(_own_connection_id())}")
        admin.close()
        return real_project_list(**kwargs)

    monkeypatch.setattr("projects.views.project_list", project_list_after_the_connection_died)
    status, body = _wsgi_get("/api/v1/projects", token)
    monkeypatch.undo()

    assert status == 500
    assert b'"error":"internal_error"' in body
    assert _wsgi_get("/api/v1/projects", token)[0] == 200
