"""The embedded worker's start-up guard and the server-loop hand-off to the realtime module."""

import asyncio

import pytest

from config import embedded
from sketchdojo import realtime


def test_the_embedded_worker_never_starts_by_itself_under_pytest():
    assert embedded.start_embedded_worker() is None
    assert embedded.is_running() is False


def test_the_embedded_worker_refuses_a_real_broker(settings, monkeypatch):
    from config.celery import app

    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:6379/0")
    settings.EMBEDDED_WORKER = True

    assert embedded.start_embedded_worker(force=True) is None
    assert embedded.is_running() is False


@pytest.mark.asyncio
async def test_the_asgi_wrapper_hands_the_server_loop_to_realtime(monkeypatch):
    monkeypatch.setattr(realtime, "_server_loop", None)
    scopes = []

    async def application(scope, receive, send):
        scopes.append(scope["type"])

    wrapped = embedded.with_server_loop(application)
    await wrapped({"type": "http"}, None, None)
    await wrapped({"type": "websocket"}, None, None)

    assert scopes == ["http", "websocket"]
    assert realtime._server_loop is asyncio.get_running_loop()


class _OneRound:
    """A stop event that lets the reconciler loop run exactly one round."""

    def __init__(self):
        self.stopped = False

    def is_set(self):
        return self.stopped

    def wait(self, timeout=None):
        self.stopped = True


@pytest.mark.django_db
def test_at_start_up_the_embedded_reconciler_requeues_at_once_what_the_previous_run_left(
    monkeypatch, queued, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.db import connections
    from django.utils import timezone

    from tasks.models import Task, TaskStatus
    from webtoons.tests.factories import TaskFactory

    monkeypatch.setattr(connections, "close_all", lambda: None)  # keep the test's transaction
    started_at = timezone.now()
    before = started_at - timedelta(seconds=20)  # far less than TASK_STALE_AFTER_SECONDS
    crashed = TaskFactory(status=TaskStatus.RUNNING)
    waiting = TaskFactory(status=TaskStatus.PENDING)
    Task.objects.filter(pk=crashed.pk).update(heartbeat_at=before, updated_at=before)
    Task.objects.filter(pk=waiting.pk).update(updated_at=before)
    after = started_at + timedelta(seconds=1)
    this_run = TaskFactory(status=TaskStatus.RUNNING)
    queued_now = TaskFactory(status=TaskStatus.PENDING)
    Task.objects.filter(pk=this_run.pk).update(heartbeat_at=after, updated_at=after)
    Task.objects.filter(pk=queued_now.pk).update(updated_at=after)

    with django_capture_on_commit_callbacks(execute=True):
        embedded._reconcile_forever(_OneRound(), started_at)

    for task in (crashed, waiting, this_run, queued_now):
        task.refresh_from_db()
    assert sorted(args for args, _id, _queue in queued) == sorted([str(crashed.pk), str(waiting.pk)])
    assert (crashed.status, crashed.recovery_count) == (TaskStatus.PENDING, 1)
    assert crashed.current_step == "Re-queued after the worker stopped responding"
    assert (waiting.status, waiting.recovery_count) == (TaskStatus.PENDING, 1)
    assert (this_run.status, this_run.recovery_count) == (TaskStatus.RUNNING, 0)
    assert (queued_now.status, queued_now.recovery_count) == (TaskStatus.PENDING, 0)
