"""The jobs of webtoons in the task ledger: how webtoons runs and follows its TaskTypes
(webtoon generation, panel redraw, export build, character sheet).

Registered in WebtoonsConfig.ready() (`tasks.registry`), so the ledger queues, fails and cancels a
generation or export task without knowing webtoons or panels.
"""

from __future__ import annotations

from panels.models import PanelStatus
from tasks.models import Task, TaskType
from tasks.registry import Runner, runner_register
from webtoons.generation import states
from webtoons.generation.events import publish_webtoon_update
from webtoons.models import Webtoon
from webtoons.tasks import build_export, draw_character_sheet, run_generation


def generation_queue(task_id: str, celery_task_id: str) -> None:
    """Put a generation task on the `ai` queue under its ledger's Celery id."""

    run_generation.apply_async(args=[task_id], task_id=celery_task_id, queue="ai")


def export_queue(task_id: str, celery_task_id: str) -> None:
    """Put an export build on the `images` queue (CPU and memory, like drawing) under its ledger's Celery id."""
    build_export.apply_async(args=[task_id], task_id=celery_task_id, queue="images")


def character_sheet_queue(task_id: str, celery_task_id: str) -> None:
    """Put a character sheet task on the `images` queue under its ledger's Celery id."""
    draw_character_sheet.apply_async(args=[task_id], task_id=celery_task_id, queue="images")


def generation_failed(task: Task) -> None:
    """The webtoon of a failed generation becomes failed; its finished panels are kept."""
    if task.task_type == TaskType.WEBTOON_GENERATION and task.webtoon_id:
        states.webtoon_fail(webtoon_id=task.webtoon_id)
    _publish_webtoon(task)


def generation_cancelled(task: Task) -> None:
    """Not generated to the end: the webtoon reads as failed; a retry of the task resumes where it stopped.

    Panels a worker had started go back to pending (a retry redraws them); finished panels are untouched.
    """
    if task.task_type == TaskType.WEBTOON_GENERATION and task.webtoon_id:
        states.webtoon_stop(webtoon_id=task.webtoon_id)
    if task.webtoon_id:
        states.panels_transition(
            webtoon_id=task.webtoon_id, to=PanelStatus.PENDING, only_from=[PanelStatus.DRAWING], panel_id=task.panel_id
        )
    _publish_webtoon(task)


def _publish_webtoon(task: Task) -> None:
    if task.webtoon_id:
        webtoon = Webtoon.objects.select_related("project").filter(pk=task.webtoon_id).first()
        if webtoon is not None:
            publish_webtoon_update(webtoon)


def register() -> None:
    runner = Runner(queue=generation_queue, on_failed=generation_failed, on_cancelled=generation_cancelled)
    for task_type in (TaskType.WEBTOON_GENERATION, TaskType.PANEL_GENERATION):
        runner_register(task_type, runner)
    # A failed or cancelled export leaves no rows to bring in line: the next request queues a new build.
    runner_register(TaskType.WEBTOON_EXPORT, Runner(queue=export_queue))
    # A sheet changes only its character, and only on success: nothing to bring in line on failure.
    runner_register(TaskType.CHARACTER_SHEET, Runner(queue=character_sheet_queue))
