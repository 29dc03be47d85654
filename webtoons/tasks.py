"""Celery entry points of the generation pipeline: thin, id-only, safe to run twice.

`run_generation` (queue `ai`) claims and plans, then fans out one `draw_panel` job per panel on the
`images` queue; the job that finishes the last panel queues `finish_generation` (queue `ai`).
All run with acks_late and reject_on_worker_lost (a killed worker's message is delivered again),
soft/hard time limits, and retry transient provider errors with exponential backoff that honours
the provider's Retry-After. `build_export` (queue `images`) builds one export file (webtoons.exports).
`reconcile_stale_tasks` (Celery beat) re-queues tasks a worker lost.
"""

from __future__ import annotations

import logging
import random

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import DatabaseError

from sketchdojo.engine.providers import ProviderTransientError
from tasks.services import task_fail, task_release, task_running_update, tasks_reconcile
from webtoons import exports
from webtoons.generation import steps

logger = logging.getLogger("sketchdojo.tasks")

COMMON = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "ignore_result": True,
    "soft_time_limit": settings.CELERY_TASK_SOFT_TIME_LIMIT,
    "time_limit": settings.CELERY_TASK_TIME_LIMIT,
    # Celery's own counter: re-runs of a step after a transient provider error. Not the user's
    # retries (Task.retry_count) nor the reconciler's re-queues (Task.recovery_count / max_recoveries).
    "max_retries": settings.PROVIDER_MAX_RETRIES,
}


def retry_countdown(retries: int, error: ProviderTransientError) -> float:
    """Exponential backoff with jitter, never sooner than the provider's Retry-After."""
    backoff = min(settings.TASK_RETRY_BACKOFF_SECONDS * (2**retries), 300.0)
    backoff *= random.uniform(0.8, 1.2)
    return max(backoff, float(error.retry_after or 0.0))


def _queue_finish(task_id: str) -> None:
    finish_generation.apply_async(args=[task_id], queue="ai")


@shared_task(name="tasks.run_generation", queue="ai", **COMMON)
def run_generation(self, task_id: str) -> None:
    """Claim and plan a generation task, then fan out its panel jobs."""
    try:
        panel_ids = steps.generation_start(task_id=task_id)
    except ProviderTransientError as exc:
        if self.request.retries >= self.max_retries:
            task_fail(
                task_id=task_id,
                message=f"The story planner is unavailable after {self.request.retries + 1} attempts: {exc}",
            )
            return
        countdown = retry_countdown(self.request.retries, exc)
        # Give the claim back so the retried message can claim the task again (unless cancelled).
        if task_release(task_id=task_id, step=f"Planner busy; retrying in {countdown:.0f} s"):
            raise self.retry(exc=exc, countdown=countdown) from exc
        return
    except SoftTimeLimitExceeded:
        task_fail(task_id=task_id, message="Planning the story took too long; retry the task.")
        return
    except DatabaseError:
        raise  # the row cannot be written now; the reconciler re-queues the task
    except Exception as exc:
        logger.exception("Generation %s stopped by an unexpected error", task_id)
        task_fail(task_id=task_id, message=f"An internal error stopped the generation ({exc!r}); retry the task.")
        return
    if panel_ids is None:
        return
    if not panel_ids:
        _queue_finish(task_id)
        return
    for panel_id in panel_ids:
        draw_panel.apply_async(args=[task_id, panel_id], queue="images")


@shared_task(name="tasks.draw_panel", queue="images", **COMMON)
def draw_panel(self, task_id: str, panel_id: str) -> None:
    """Draw and letter one panel; the job that finishes the last panel queues finish_generation."""
    try:
        is_last = steps.panel_job(task_id=task_id, panel_id=panel_id)
    except ProviderTransientError as exc:
        attempts = self.request.retries + 1
        if self.request.retries >= self.max_retries:
            steps.panel_job_give_up(task_id=task_id, panel_id=panel_id, error=exc, attempts=attempts)
            return
        countdown = retry_countdown(self.request.retries, exc)
        logger.info("Panel %s: transient provider error (%s); retry %d in %.1f s", panel_id, exc, attempts, countdown)
        task_running_update(task_id=task_id, current_step=f"Image provider busy; retrying a panel in {countdown:.0f} s")
        raise self.retry(exc=exc, countdown=countdown) from exc
    except SoftTimeLimitExceeded:
        steps.panel_job_give_up(
            task_id=task_id,
            panel_id=panel_id,
            error=TimeoutError(f"drawing took longer than {settings.CELERY_TASK_SOFT_TIME_LIMIT} s"),
            attempts=self.request.retries + 1,
        )
        return
    except DatabaseError:
        raise  # the row cannot be written now; the reconciler re-queues the task
    except Exception as exc:
        logger.exception("Panel %s of task %s stopped by an unexpected error", panel_id, task_id)
        error = RuntimeError(f"an internal error ({exc!r}); retry the task")
        steps.panel_job_give_up(task_id=task_id, panel_id=panel_id, error=error, attempts=self.request.retries + 1)
        return
    if is_last:
        _queue_finish(task_id)


@shared_task(name="tasks.finish_generation", queue="ai", **COMMON)
def finish_generation(self, task_id: str) -> None:
    """Compose the strip and complete the task (or fail it naming the panels that failed)."""
    try:
        steps.generation_finish(task_id=task_id)
    except SoftTimeLimitExceeded:
        task_fail(task_id=task_id, message="Composing the strip took too long; retry the task.")
    except DatabaseError:
        raise  # the row cannot be written now; the reconciler re-queues the task
    except Exception as exc:
        logger.exception("Finishing task %s stopped by an unexpected error", task_id)
        task_fail(task_id=task_id, message=f"An internal error stopped the composition ({exc!r}); retry the task.")


@shared_task(name="webtoons.build_export", queue="images", **COMMON)
def build_export(self, task_id: str) -> None:
    """Build and store one export of a webtoon (the job of a `webtoon_export` task)."""
    try:
        exports.export_build(task_id=task_id)
    except SoftTimeLimitExceeded:
        task_fail(task_id=task_id, message="Building the export took too long; ask for it again.")
    except DatabaseError:
        raise  # the row cannot be written now; the reconciler re-queues the task
    except Exception as exc:
        logger.exception("Export task %s stopped by an unexpected error", task_id)
        task_fail(task_id=task_id, message=f"An internal error stopped the export ({exc!r}); ask for it again.")


@shared_task(name="tasks.reconcile_stale_tasks", queue="ai", ignore_result=True)
def reconcile_stale_tasks() -> dict[str, int]:
    """Periodic (Celery beat): re-queue tasks whose worker went silent or whose message was lost."""
    return tasks_reconcile()
