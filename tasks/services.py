"""Writes to generation tasks: queue, progress, cancel, retry, fail, and the stale-task reconciler.

Every state change is a conditional UPDATE on the Task row (the truth), so two workers, a cancel
request and the reconciler can race without one silently overwriting another: a cancelled task is
never set running, completed or failed again.
"""

from __future__ import annotations

import logging
import threading
import uuid
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from celery import current_app
from django.conf import settings
from django.db import connections, transaction
from django.db.models import Case, CharField, F, FloatField, Value, When
from django.db.models.functions import Greatest
from django.utils import timezone

from sketchdojo.errors import Conflict
from sketchdojo.metrics import TASKS
from tasks.events import publish_task_update
from tasks.idempotency import Idempotency
from tasks.models import ACTIVE_STATUSES, Task, TaskStatus, TaskType
from tasks.registry import runner_for

logger = logging.getLogger("sketchdojo.tasks")

RETRYABLE_STATUSES = (TaskStatus.FAILED, TaskStatus.CANCELLED)


def _dispatch(*, task_id, task_type: str, celery_task_id: str) -> None:
    """Ring the broker's doorbell for a pending task through its registered runner (called after commit)."""
    try:
        runner_for(task_type).queue(str(task_id), celery_task_id)
    except Exception:  # the reconciler re-queues pending tasks nobody picked up
        logger.exception("Could not queue task %s; the reconciler will re-queue it", task_id)


def task_enqueue(*, task: Task) -> None:
    """Queue a pending task once the current transaction commits (the worker must see the row)."""
    task_id, task_type, celery_task_id = task.pk, task.task_type, task.celery_task_id
    transaction.on_commit(lambda: _dispatch(task_id=task_id, task_type=task_type, celery_task_id=celery_task_id))


def new_celery_id() -> str:
    return str(uuid.uuid4())


@transaction.atomic
def task_create(
    *,
    user,
    task_type: str,
    project=None,
    webtoon=None,
    panel=None,
    input: dict[str, Any],
    total_steps: int = 0,
    idempotency: Idempotency | None = None,
    estimated_duration_seconds: int | None = None,
) -> Task:
    """Create a pending task and queue it after commit (with the request's Idempotency-Key, if any).

    The caller passes the estimate when it knows the providers' measured speed (panels.speed);
    otherwise a first guess from the ESTIMATED_* settings is stored."""
    if estimated_duration_seconds is None:
        estimated_duration_seconds = estimate_duration(task_type=task_type, panel_count=input.get("panel_count", 1))
    task = Task.objects.create(
        idempotency_key=idempotency.key if idempotency else None,
        request_fingerprint=idempotency.fingerprint if idempotency else "",
        user=user,
        project=project,
        webtoon=webtoon,
        panel=panel,
        task_type=task_type,
        input=input,
        total_steps=total_steps,
        current_step="Queued",
        celery_task_id=new_celery_id(),
        max_recoveries=settings.TASK_MAX_RECOVERIES,
        estimated_duration_seconds=estimated_duration_seconds,
    )
    TASKS.labels(task_type=task_type, status=TaskStatus.PENDING).inc()
    task_enqueue(task=task)
    return task


def estimate_duration(*, task_type: str, panel_count: int) -> int:
    """A first guess shown to the user before the task starts (planning + drawing in waves)."""
    per_panel = settings.ESTIMATED_SECONDS_PER_PANEL
    if task_type == TaskType.PANEL_GENERATION:
        return max(1, round(per_panel))
    waves = -(-max(panel_count, 1) // max(settings.IMAGE_CONCURRENCY, 1))
    return max(1, round(settings.ESTIMATED_PLAN_SECONDS + waves * per_panel))


def task_running_update(*, task_id, publish: bool = True, **fields) -> bool:
    """Write progress fields and a heartbeat on a RUNNING task, then publish it.

    `progress` never goes backwards (parallel panel jobs finish out of order), and a `current_step`
    given with a progress lower than the stored one is dropped with it. Returns False, and
    writes nothing, when the task is no longer running (cancelled, failed, finished elsewhere).
    """
    now = timezone.now()
    updates: dict[str, Any] = {"heartbeat_at": now, "updated_at": now, **fields}
    if "progress" in updates:
        progress = float(updates["progress"])
        updates["progress"] = Greatest(F("progress"), Value(progress), output_field=FloatField())
        if "current_step" in updates:
            # A parallel job that counted before another finished must not put its older label back.
            updates["current_step"] = Case(
                When(progress__lte=progress, then=Value(updates["current_step"])),
                default=F("current_step"),
                output_field=CharField(),
            )
    changed = Task.objects.filter(pk=task_id, status=TaskStatus.RUNNING).update(**updates)
    if changed and publish:
        publish_task_update(Task(pk=task_id))
    return bool(changed)


def task_is_running(*, task_id) -> bool:
    return Task.objects.filter(pk=task_id, status=TaskStatus.RUNNING).exists()


def task_heartbeat(*, task_id) -> bool:
    return bool(Task.objects.filter(pk=task_id, status=TaskStatus.RUNNING).update(heartbeat_at=timezone.now()))


@contextmanager
def heartbeat_during(*, task_id, interval: float | None = None):
    """Keep the task's heartbeat fresh while a long call (an LLM plan, one slow panel) runs."""
    interval = settings.TASK_HEARTBEAT_SECONDS if interval is None else interval
    stop = threading.Event()

    def beat():
        try:
            while not stop.wait(interval):
                task_heartbeat(task_id=task_id)
        except Exception:
            logger.warning("Heartbeat of task %s failed", task_id, exc_info=True)
        finally:
            connections.close_all()  # this thread's own connections

    thread = threading.Thread(target=beat, name=f"heartbeat-{task_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def task_fail(*, task_id, message: str, expected: dict[str, Any] | None = None) -> bool:
    """RUNNING (or the `expected` row state) → FAILED with a message fit for the user.

    The runner of the task's type brings its own rows in line (a failed generation's webtoon fails).
    """
    now = timezone.now()
    expected = {"status": TaskStatus.RUNNING} if expected is None else expected
    with transaction.atomic():
        changed = Task.objects.filter(pk=task_id, **expected).update(
            status=TaskStatus.FAILED,
            error_message=message[:2000],
            current_step="Failed",
            completed_at=now,
            updated_at=now,
        )
        if not changed:
            return False
        task = Task.objects.get(pk=task_id)
        publish_task_update(task)
        runner_for(task.task_type).on_failed(task)
    TASKS.labels(task_type=task.task_type, status=TaskStatus.FAILED).inc()
    logger.info("Task %s failed: %s", task_id, message)
    return True


def task_claim(*, task_id, step: str = "Starting") -> Task | None:
    """PENDING → RUNNING for the worker that runs the task; None when it is not pending (taken, cancelled)."""
    now = timezone.now()
    claimed = Task.objects.filter(pk=task_id, status=TaskStatus.PENDING).update(
        status=TaskStatus.RUNNING,
        started_at=now,
        heartbeat_at=now,
        completed_at=None,
        current_step=step,
        updated_at=now,
    )
    if not claimed:
        return None
    task = Task.objects.get(pk=task_id)
    publish_task_update(task)
    TASKS.labels(task_type=task.task_type, status=TaskStatus.RUNNING).inc()
    return task


def task_complete(*, task_id, result: dict[str, Any]) -> bool:
    """RUNNING → COMPLETED with its result; False, and nothing written, when it is no longer running."""
    now = timezone.now()
    changed = Task.objects.filter(pk=task_id, status=TaskStatus.RUNNING).update(
        status=TaskStatus.COMPLETED,
        progress=100.0,
        current_step="Completed",
        completed_at=now,
        heartbeat_at=now,
        result=result,
        error_message="",
        updated_at=now,
    )
    if not changed:
        return False
    task = Task.objects.get(pk=task_id)
    publish_task_update(task)
    TASKS.labels(task_type=task.task_type, status=TaskStatus.COMPLETED).inc()
    return True


def task_release(*, task_id, step: str) -> bool:
    """RUNNING → PENDING so a retried broker message can claim the task again (transient errors)."""
    now = timezone.now()
    changed = Task.objects.filter(pk=task_id, status=TaskStatus.RUNNING).update(
        status=TaskStatus.PENDING, current_step=step, heartbeat_at=now, updated_at=now
    )
    if changed:
        publish_task_update(Task(pk=task_id))
    return bool(changed)


def _revoke(celery_task_id: str) -> None:
    if not celery_task_id:
        return
    try:
        current_app.control.revoke(celery_task_id)
    except Exception:  # the worker also checks the row before every step
        logger.warning("Could not revoke Celery task %s", celery_task_id, exc_info=True)


@transaction.atomic
def task_cancel(*, task: Task) -> Task:
    """pending/running → cancelled at once; the worker stops before its next step. 409 otherwise.

    The runner of the task's type brings its own rows in line (a generation's webtoon and panels).
    """
    now = timezone.now()
    changed = Task.objects.filter(pk=task.pk, status__in=ACTIVE_STATUSES).update(
        status=TaskStatus.CANCELLED, current_step="Cancelled", completed_at=now, updated_at=now
    )
    if not changed:
        task.refresh_from_db()
        raise Conflict(f"This task is {task.status}; only pending or running tasks can be cancelled.")
    task.refresh_from_db()
    publish_task_update(task)
    runner_for(task.task_type).on_cancelled(task)
    celery_task_id = task.celery_task_id
    transaction.on_commit(lambda: _revoke(celery_task_id))
    TASKS.labels(task_type=task.task_type, status=TaskStatus.CANCELLED).inc()
    return task


@transaction.atomic
def task_retry(*, task: Task) -> Task:
    """failed/cancelled → pending and queued for real; retry_count + 1. Finished panels are kept."""
    celery_task_id = new_celery_id()
    now = timezone.now()
    changed = Task.objects.filter(pk=task.pk, status__in=RETRYABLE_STATUSES).update(
        status=TaskStatus.PENDING,
        retry_count=F("retry_count") + 1,
        recovery_count=0,
        error_message="",
        current_step="Queued for retry",
        completed_at=None,
        heartbeat_at=None,
        celery_task_id=celery_task_id,
        updated_at=now,
    )
    if not changed:
        task.refresh_from_db()
        raise Conflict(f"This task is {task.status}; only failed or cancelled tasks can be retried.")
    task.refresh_from_db()
    publish_task_update(task)
    task_enqueue(task=task)
    TASKS.labels(task_type=task.task_type, status="retried").inc()
    return task


def tasks_reconcile(*, stale_after: float | None = None, pending_after: float | None = None) -> dict[str, int]:
    """Re-queue tasks a worker lost: RUNNING with a stale heartbeat, or PENDING and never picked up.

    Each re-queue counts in `recovery_count`; past `max_recoveries` the task fails with a message
    instead. Every transition is conditional on the row still being as we read it, so the
    reconciler racing a live worker (or a second reconciler) changes nothing twice.
    """
    stale_after = settings.TASK_STALE_AFTER_SECONDS if stale_after is None else stale_after
    pending_after = settings.TASK_PENDING_REQUEUE_AFTER_SECONDS if pending_after is None else pending_after
    now = timezone.now()
    counts = {"requeued": 0, "failed": 0}

    stale = now - timedelta(seconds=stale_after)
    lost = now - timedelta(seconds=pending_after)
    stale_running = Task.objects.filter(status=TaskStatus.RUNNING, heartbeat_at__lt=stale)
    lost_pending = Task.objects.filter(status=TaskStatus.PENDING, updated_at__lt=lost)
    for task in [*stale_running, *lost_pending]:
        as_read = {"status": task.status, "updated_at": task.updated_at, "heartbeat_at": task.heartbeat_at}
        same_row = Task.objects.filter(pk=task.pk, **as_read)
        if task.recovery_count >= task.max_recoveries:
            if task.status == TaskStatus.PENDING:
                message = f"No worker picked this task up after {task.recovery_count + 1} attempts; giving up."
            else:
                message = f"The worker running this task stopped responding {task.recovery_count + 1} times; giving up."
            if task_fail(task_id=task.pk, message=message, expected=as_read):
                counts["failed"] += 1
            continue
        celery_task_id = new_celery_id()
        with transaction.atomic():
            changed = same_row.update(
                status=TaskStatus.PENDING,
                recovery_count=F("recovery_count") + 1,
                celery_task_id=celery_task_id,
                current_step="Re-queued after the worker stopped responding"
                if task.status == TaskStatus.RUNNING
                else "Queued again",
                heartbeat_at=None,
                updated_at=now,
            )
            if changed:
                publish_task_update(task)
                task_id, task_type = task.pk, task.task_type
                transaction.on_commit(
                    lambda t=task_id, k=task_type, c=celery_task_id: _dispatch(task_id=t, task_type=k, celery_task_id=c)
                )
        if changed:
            counts["requeued"] += 1
            logger.warning("Re-queued task %s (was %s, recovery %d)", task.pk, task.status, task.recovery_count + 1)
    return counts
