"""With a real `celery -A config worker` process on this machine's Redis and MariaDB.

The worker uses the test session's database (its name comes from the live connection) and a
broker key prefix of its own, so parallel test runs sharing Redis never take each other's jobs.
Covered: a generation completes; SIGKILL of the worker mid-run, then a new worker (with beat, so
the reconciler runs) finishes the task with no duplicated or missing panel; cancel stops the worker
between steps and retry finishes only what is missing.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from panels.models import Panel, PanelStatus
from projects.tests.factories import CharacterFactory, ProjectFactory
from tasks.models import Task, TaskStatus
from tasks.services import task_cancel, task_retry
from tasks.tests.fixtures import GUIDE_PROMPT
from webtoons.services import GenerationRequest, webtoon_generate

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

ROOT = Path(settings.BASE_DIR)


def _database_url() -> str:
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"mysql://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 3306}/{db['NAME']}"


@pytest.fixture
def broker_prefix(monkeypatch):
    """A private key space on the shared Redis broker: this test's messages reach only its workers.

    The test process keeps its own Celery connection pool (shared with the rest of the session), so
    the task is queued over a connection of its own with the same prefix.
    """
    from config.celery import app
    from webtoons.tasks import run_generation

    prefix = f"sdtest-{uuid.uuid4().hex[:10]}-"
    options = {**(app.conf.broker_transport_options or {}), "global_keyprefix": prefix}

    def dispatch(*, task_id, task_type, celery_task_id):
        with app.connection_for_write(transport_options=options) as conn:
            run_generation.apply_async(args=[str(task_id)], task_id=celery_task_id, queue="ai", connection=conn)

    monkeypatch.setattr("tasks.services._dispatch", dispatch)
    return prefix


class Worker:
    """One `celery -A config worker` process (threads pool) in its own process group."""

    def __init__(self, *, prefix: str, media_root: Path, log: Path, concurrency: int, beat: bool, extra_env=None):
        env = {
            **os.environ,
            "DATABASE_URL": _database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "CELERY_BROKER_KEY_PREFIX": prefix,
            "MEDIA_ROOT": str(media_root),
            "EMBEDDED_WORKER": "false",
            **(extra_env or {}),
        }
        env.pop("CELERY_BROKER_URL", None)
        command = [
            sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", "ai,images",
            "--pool", "threads", "-c", str(concurrency), "--without-mingle", "--without-gossip",
            "-n", f"test-{uuid.uuid4().hex[:8]}@%h", "-l", "INFO",
        ]  # fmt: skip
        if beat:
            command += ["-B", "-s", str(log.with_suffix(".beat"))]
        self.log = log
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True
        )

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def workers(broker_prefix, media_root, tmp_path):
    started: list[Worker] = []

    def start(*, concurrency=2, beat=False, extra_env=None) -> Worker:
        worker = Worker(
            prefix=broker_prefix,
            media_root=media_root,
            log=tmp_path / f"worker-{len(started)}.log",
            concurrency=concurrency,
            beat=beat,
            extra_env=extra_env,
        )
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def _wait_for(predicate, *, timeout: float, workers_logs=()):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    logs = "\n".join(log.read_text()[-3000:] for log in workers_logs if log.exists())
    state = list(Task.objects.values("status", "heartbeat_at", "current_step", "recovery_count"))
    panels = list(Panel.objects.order_by("sequence_number").values_list("sequence_number", "status"))
    raise AssertionError(f"Timed out after {timeout} s. Tasks {state}, panels {panels}. Worker logs:\n{logs}")


def _start_generation(user, *, panel_count: int) -> Task:
    project = ProjectFactory(user=user, title="Storm Village")
    CharacterFactory(project=project, name="Alex Thunder")
    request = GenerationRequest(story_prompt=GUIDE_PROMPT, panel_count=panel_count, style="webtoon")
    return webtoon_generate(user=user, project=project, request=request)


def _status(task) -> str:
    return Task.objects.values_list("status", flat=True).get(pk=task.pk)


def _lettered(task) -> int:
    return Panel.objects.filter(webtoon_id=task.webtoon_id, status=PanelStatus.LETTERED).count()


def _assert_complete_without_duplicates(task, panel_count):
    numbers = list(
        Panel.objects.filter(webtoon_id=task.webtoon_id)
        .order_by("sequence_number")
        .values_list("sequence_number", "status")
    )
    assert numbers == [(n, PanelStatus.LETTERED) for n in range(1, panel_count + 1)]


def test_a_real_worker_completes_a_generation(user, workers):
    worker = workers()
    task = _start_generation(user, panel_count=4)

    _wait_for(lambda: _status(task) == TaskStatus.COMPLETED, timeout=90, workers_logs=[worker.log])

    task.refresh_from_db()
    assert task.progress == 100.0
    _assert_complete_without_duplicates(task, 4)


def test_a_killed_worker_task_is_finished_by_a_new_worker(user, workers):
    timing = {
        "TASK_STALE_AFTER_SECONDS": "3",
        "TASK_HEARTBEAT_SECONDS": "1",
        "RECONCILE_INTERVAL_SECONDS": "1",
        "CELERY_VISIBILITY_TIMEOUT": "6",
    }
    first = workers(concurrency=1, extra_env=timing)
    task = _start_generation(user, panel_count=8)
    _wait_for(lambda: _lettered(task) >= 1, timeout=90, workers_logs=[first.log])

    first.kill()

    assert _status(task) == TaskStatus.RUNNING
    assert _lettered(task) < 8
    second = workers(concurrency=2, beat=True, extra_env=timing)
    _wait_for(lambda: _status(task) == TaskStatus.COMPLETED, timeout=90, workers_logs=[first.log, second.log])
    task.refresh_from_db()
    _assert_complete_without_duplicates(task, 8)


def test_cancel_stops_a_real_worker_and_retry_finishes_only_what_is_missing(user, workers):
    worker = workers(concurrency=1)
    task = _start_generation(user, panel_count=8)
    _wait_for(lambda: _lettered(task) >= 1, timeout=90, workers_logs=[worker.log])

    task_cancel(task=Task.objects.get(pk=task.pk))
    # The worker finishes at most the step it is in, then stops: no panel is being drawn any more.
    _wait_for(
        lambda: not Panel.objects.filter(webtoon_id=task.webtoon_id, status=PanelStatus.DRAWING).exists(),
        timeout=30,
        workers_logs=[worker.log],
    )
    time.sleep(1)
    kept = _lettered(task)
    assert _status(task) == TaskStatus.CANCELLED
    assert kept < 8

    task_retry(task=Task.objects.get(pk=task.pk))
    _wait_for(lambda: _status(task) == TaskStatus.COMPLETED, timeout=90, workers_logs=[worker.log])

    task.refresh_from_db()
    assert task.retry_count == 1
    _assert_complete_without_duplicates(task, 8)


def test_a_worker_answers_celery_inspect_ping(workers, broker_prefix):
    """Remote control is on for real workers: `celery -A config inspect ping` (and Flower) reach them.

    (The embedded worker cannot: its broker is the web process's memory; see the README.)
    """
    workers(concurrency=1)
    env = {**os.environ, "REDIS_URL": settings.REDIS_URL, "CELERY_BROKER_KEY_PREFIX": broker_prefix}
    env.pop("CELERY_BROKER_URL", None)
    command = [sys.executable, "-m", "celery", "-A", "config", "inspect", "ping", "--timeout", "2"]

    for _attempt in range(30):  # until the worker has started and joined the broker
        answer = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        if answer.returncode == 0:
            break

    assert answer.returncode == 0, answer.stdout + answer.stderr
    assert "pong" in answer.stdout
    assert "1 node online." in answer.stdout
