"""Celery entry points of the generation pipeline: thin, id-only, safe to run twice.

`run_generation` (queue `ai`) claims and plans, then fans out one `draw_panel` job per panel on the
`images` queue; the job that finishes the last panel queues `finish_generation` (queue `ai`).
All run with acks_late and reject_on_worker_lost (a killed worker's message is delivered again)
and soft/hard time limits. Transient provider errors are retried by the provider client (one retry layer,
at most PROVIDER_MAX_RETRIES + 1 attempts); a step is re-run here only for an error that did not
already spend that budget. `build_export` (queue `images`) builds one export file (webtoons.exports).
`reconcile_stale_tasks` (Celery beat) re-queues tasks a worker lost.
"""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import DatabaseError

from sketchdojo.engine.providers import ProviderTransientError
from sketchdojo.engine.providers.http import RetryPolicy
from tasks.services import task_fail, task_release, task_running_update, tasks_reconcile
from webtoons import exports
from webtoons.generation import sheets, steps

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


def retry_countdown(retries: int, error: ProviderTransientError) -> float | None:
    """Seconds before Celery runs a step again after a transient error, or None: do not retry.

    The provider client is the one retry layer (`call_with_retries`: PROVIDER_MAX_RETRIES + 1 attempts,
    its backoff, Retry-After). An error that spent that budget is never retried again here. Only an
    error that did not go through it (one attempt) is, with the same formula, so a step makes at most
    PROVIDER_MAX_RETRIES + 1 provider attempts in all.
    """
    if error.retries_exhausted:
        return None
    return RetryPolicy.from_settings().delay(retries, error.retry_after)


def _attempts(retries: int, error: ProviderTransientError) -> int:
    """Provider attempts made for this step so far (Celery runs before this one made one each)."""
    return retries + max(error.attempts, 1)


def _queue_finish(task_id: str) -> None:
    finish_generation.apply_async(args=[task_id], queue="ai")


@shared_task(name="tasks.run_generation", queue="ai", **COMMON)
def run_generation(self, task_id: str) -> None:
    """Claim and plan a generation task, then fan out its panel jobs."""
    try:
        panel_ids = steps.generation_start(task_id=task_id)
    except ProviderTransientError as exc:
        countdown = retry_countdown(self.request.retries, exc)
        if countdown is None or self.request.retries >= self.max_retries:
            attempts = _attempts(self.request.retries, exc)
            task_fail(
                task_id=task_id,
                message=f"The story planner is unavailable after {attempts} attempts: {exc}",
            )
            return
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
        attempts = _attempts(self.request.retries, exc)
        countdown = retry_countdown(self.request.retries, exc)
        if countdown is None or self.request.retries >= self.max_retries:
            steps.panel_job_give_up(task_id=task_id, panel_id=panel_id, error=exc, attempts=attempts)
            return
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


def _run_or_fail(run, task_id: str, *, too_long: str, stopped: str, again: str) -> None:
    """Run one job's step; a time-out or an unexpected error fails its task with a message that says
    what stopped and what to do, and a database error propagates (the reconciler re-queues the task)."""
    try:
        run(task_id=task_id)
    except SoftTimeLimitExceeded:
        task_fail(task_id=task_id, message=f"{too_long} took too long; {again}.")
    except DatabaseError:
        raise  # the row cannot be written now; the reconciler re-queues the task
    except Exception as exc:
        logger.exception("Task %s (%s) stopped by an unexpected error", task_id, stopped)
        task_fail(task_id=task_id, message=f"An internal error stopped {stopped} ({exc!r}); {again}.")


@shared_task(name="tasks.finish_generation", queue="ai", **COMMON)
def finish_generation(self, task_id: str) -> None:
    """Compose the strip and complete the task (or fail it naming the panels that failed)."""
    _run_or_fail(
        steps.generation_finish,
        task_id,
        too_long="Composing the strip",
        stopped="the composition",
        again="retry the task",
    )


@shared_task(name="webtoons.build_export", queue="images", **COMMON)
def build_export(self, task_id: str) -> None:
    """Build and store one export of a webtoon (the job of a `webtoon_export` task)."""
    _run_or_fail(
        exports.export_build, task_id, too_long="Building the export", stopped="the export", again="ask for it again"
    )


@shared_task(name="tasks.draw_character_sheet", queue="images", **COMMON)
def draw_character_sheet(self, task_id: str) -> None:
    """Draw a character's reference sheet and store it on the character (one provider call budget)."""
    _run_or_fail(
        sheets.character_sheet_draw,
        task_id,
        too_long="Drawing the character sheet",
        stopped="the character sheet",
        again="retry the task",
    )


@shared_task(name="tasks.reconcile_stale_tasks", queue="ai", ignore_result=True)
def reconcile_stale_tasks() -> dict[str, int]:
    """Periodic (Celery beat): re-queue tasks whose worker went silent or whose message was lost."""
    return tasks_reconcile()
