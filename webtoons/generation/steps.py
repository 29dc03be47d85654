"""The generation pipeline: plan → draw and letter each panel (parallel jobs) → compose the strip.

The Celery entry points in `webtoons.tasks` are thin; the steps live here as plain functions on ids:

- `generation_start` claims a pending task (one conditional UPDATE), plans the story when the
  webtoon has no panels yet, and returns the ids of the panels still to draw (finished panels of
  an earlier attempt are kept). The caller fans them out as `draw_panel` jobs on the `images` queue.
- `panel_job` draws one panel, letters it right away, saves both files, publishes `panel_ready`
  and progress, and says whether it was the last one (then the caller queues `finish`).
- `generation_finish` composes the strip and thumbnail and completes the task, or fails it when a
  panel could not be drawn.

Every step checks that the task is still running before it starts and heartbeats, and every final
write is conditional on `status=running`, so a cancelled task stays cancelled. Everything is safe
to run twice: claims are conditional, panels are claimed one by one (pending → drawing), planning
happens only for a webtoon without panels (under a row lock).

Failure policy (a failure is never reported as completed):
- a transient provider error propagates; the provider client already retried it (the one retry
  layer, PROVIDER_MAX_RETRIES + 1 attempts), so the Celery task fails the panel unless the error
  did not go through that budget;
- the provider refusing one panel's content fails only that panel; the other panels are still
  drawn, then the task ends **failed** with a message naming the refused panels (their finished
  siblings are kept, and a retry redraws only the failed ones);
- any other provider error (bad key, malformed answer, retries exhausted) fails the task at once
  with a clear message.
"""

from __future__ import annotations

import logging
import time

from django.db import transaction
from django.utils import timezone

from characters.selectors import character_list_for_project
from panels.looks import panel_row_seed, panel_seed_of, script_with_project_looks
from panels.models import Panel, PanelStatus
from panels.scripting import script_cast
from panels.services import panel_draw, panel_letter
from panels.speed import PLAN, speed_record
from sketchdojo.engine.providers import (
    CharacterBrief,
    PlanRequest,
    ProviderContentRefused,
    ProviderError,
    ProviderTransientError,
    get_llm_provider,
)
from sketchdojo.engine.providers.calls import collect_calls
from sketchdojo.engine.script import Script
from sketchdojo.engine.series import keep_series_looks
from sketchdojo.links import file_url
from sketchdojo.metrics import GENERATION_SECONDS, STEP_SECONDS, TASKS
from tasks.events import publish_task_update
from tasks.models import Task, TaskStatus, TaskType
from tasks.services import heartbeat_during, task_fail, task_is_running, task_running_update
from webtoons.generation import states
from webtoons.generation.compose import webtoon_compose
from webtoons.generation.events import publish_webtoon_update
from webtoons.generation.memory import episode_remember, series_context
from webtoons.models import Webtoon

logger = logging.getLogger("sketchdojo.pipeline")

PLAN_SHARE = 10.0
DRAW_SHARE = 85.0
MAX_STORED_CALLS = 500
_FINAL_PANEL_STATUSES = (PanelStatus.LETTERED, PanelStatus.FAILED)


def _task_panels(task: Task):
    if task.task_type == TaskType.PANEL_GENERATION:
        return Panel.objects.filter(pk=task.panel_id)
    return Panel.objects.filter(webtoon_id=task.webtoon_id)


def record_task_calls(task_id, calls) -> None:
    """Append provider call records to the task (row-locked: parallel panel jobs append at once)."""
    if not calls:
        return
    with transaction.atomic():
        stored = Task.objects.select_for_update().values_list("provider_calls", flat=True).get(pk=task_id)
        merged = [*(stored or []), *(call.as_dict() for call in calls)][-MAX_STORED_CALLS:]
        Task.objects.filter(pk=task_id).update(provider_calls=merged)


def _progress(task: Task) -> tuple[int, int, float]:
    panels = _task_panels(task)
    total = panels.count()
    done = panels.filter(status__in=_FINAL_PANEL_STATUSES).count()
    return done, total, PLAN_SHARE + DRAW_SHARE * (done / total if total else 1.0)


def task_seed(task: Task) -> int:
    return task.pk.int % 2**32


# --- start: claim, plan ---------------------------------------------------------------------------


def generation_start(*, task_id) -> list[str] | None:
    """Claim the task and plan it. Returns the panel ids to draw ([] → finish now), or None when
    there is nothing to do (someone else has the task, it was cancelled, planning failed)."""
    now = timezone.now()
    claimed = Task.objects.filter(pk=task_id, status=TaskStatus.PENDING).update(
        status=TaskStatus.RUNNING,
        started_at=now,
        heartbeat_at=now,
        completed_at=None,
        finish_queued_at=None,
        current_step="Starting",
        updated_at=now,
    )
    if not claimed:
        logger.info("Task %s is not pending; nothing to do", task_id)
        return None
    task = Task.objects.select_related("webtoon", "project", "panel").get(pk=task_id)
    publish_task_update(task)
    TASKS.labels(task_type=task.task_type, status=TaskStatus.RUNNING).inc()
    if task.webtoon is None:
        task_fail(task_id=task_id, message="The webtoon of this task was deleted.")
        return None
    if task.task_type == TaskType.PANEL_GENERATION:
        return _panel_redraw_start(task)
    return _webtoon_generation_start(task)


def _panel_redraw_start(task: Task) -> list[str] | None:
    if task.panel is None:
        task_fail(task_id=task.pk, message="The panel of this task was deleted.")
        return None
    states.panel_transition(
        panel_id=task.panel_id, to=PanelStatus.PENDING, seed=int(task.input["seed"]), error_message=""
    )
    task_running_update(
        task_id=task.pk, progress=PLAN_SHARE, current_step=f"Redrawing panel {task.panel.sequence_number}"
    )
    return [str(task.panel_id)]


def _webtoon_generation_start(task: Task) -> list[str] | None:
    webtoon = task.webtoon
    # Only while the task is still ours: a cancel that lands first has already marked the webtoon.
    still_running = Task.objects.filter(pk=task.pk, status=TaskStatus.RUNNING)
    marked = states.webtoon_generating(webtoon_id=webtoon.pk, while_running=still_running)
    if not marked and not still_running.exists():
        return None
    webtoon.refresh_from_db()
    publish_webtoon_update(webtoon)

    if not webtoon.panels.exists():
        if not task_running_update(task_id=task.pk, current_step="Planning the story"):
            return None
        try:
            script = _plan(task)
        except ProviderTransientError:
            raise
        except ProviderError as exc:
            task_fail(task_id=task.pk, message=f"The story could not be planned: {exc}")
            return None
        if not _store_plan(task, script):
            return None

    total = webtoon.panels.count()
    if not task.input.get("auto_generate_panels", True):
        # Planned only (the creator draws panels one by one): the webtoon stays in planning.
        states.webtoon_planned_only(webtoon_id=webtoon.pk)
        _complete(task, result={"webtoon_id": str(webtoon.pk), "panel_count": total, "panels_drawn": 0})
        return None

    # Panels an earlier attempt left half-done (a killed worker, a failure) are drawn again;
    # lettered panels are kept, and drawn-but-unlettered ones are only lettered.
    states.panels_transition(
        webtoon_id=webtoon.pk,
        to=PanelStatus.PENDING,
        only_from=(PanelStatus.DRAWING, PanelStatus.FAILED),
        error_message="",
    )
    to_draw = [
        str(pk)
        for pk in webtoon.panels.exclude(status=PanelStatus.LETTERED)
        .order_by("sequence_number")
        .values_list("pk", flat=True)
    ]
    done = total - len(to_draw)
    task_running_update(
        task_id=task.pk,
        total_steps=total + 2,
        progress=PLAN_SHARE + DRAW_SHARE * done / max(total, 1),
        current_step=drawing_label(done=done, total=total) if to_draw else "All panels drawn",
    )
    return to_draw


def _plan(task: Task) -> Script:
    data = task.input
    characters = tuple(
        CharacterBrief(
            name=c.name, role=c.role, description=c.description, appearance=c.appearance, personality=c.personality
        )
        for c in character_list_for_project(project=task.project)
    )
    series = series_context(webtoon=task.webtoon)
    request = PlanRequest(
        prompt=data["story_prompt"],
        panel_count=int(data["panel_count"]),
        art_style=data.get("style") or task.project.art_style,
        characters=characters,
        character_descriptions=tuple(data.get("character_descriptions") or ()),
        project_title=task.project.title,
        story_outline=task.project.story_outline,
        color_scheme=data.get("color_scheme") or "",
        seed=task_seed(task),
        series=series,
    )
    planner = get_llm_provider()
    started = time.monotonic()
    with STEP_SECONDS.labels(step="plan").time(), collect_calls() as calls, heartbeat_during(task_id=task.pk):
        try:
            script = planner.plan(request)
        finally:
            record_task_calls(task.pk, calls)
    speed_record(kind=PLAN, provider=planner.name, seconds=time.monotonic() - started)
    # The providers validate; re-validating here keeps a buggy provider from writing a bad plan.
    # Recurring characters keep the look the series gave them, whatever the planner re-described.
    return keep_series_looks(Script.model_validate(script.model_dump()), series.cast)


def _speech_bubbles(panel_script, character_ids: dict[str, str]) -> list[dict]:
    bubbles = []
    if panel_script.caption:
        bubbles.append(
            {
                "speaker": None,
                "character_id": None,
                "text": panel_script.caption,
                "style": "narration",
                "position": None,
                "tail_direction": None,
            }
        )
    for line in panel_script.dialogue:
        narration = line.style.value == "narration"
        bubbles.append(
            {
                "speaker": None if narration else line.speaker,
                "character_id": None if narration else character_ids.get(line.speaker),
                "text": line.text,
                "style": line.style.value,
                "position": None,
                "tail_direction": None,
            }
        )
    return bubbles


def _store_plan(task: Task, script: Script) -> bool:
    """Write the script and one Panel row per planned panel; False when the task stopped meanwhile."""
    character_ids = {c.name: str(c.pk) for c in character_list_for_project(project=task.project)}
    # The project's characters keep their stored look and seed whatever the planner wrote; the looks of
    # characters the planner invented are stored with the webtoon here, once.
    script = script_with_project_looks(script, project=task.project)
    seeds = {c.name: c.seed for c in script.characters}
    seed = task_seed(task)
    with transaction.atomic():
        webtoon = Webtoon.objects.select_for_update().get(pk=task.webtoon_id)
        if not task_is_running(task_id=task.pk):
            return False
        if webtoon.panels.exists():
            return True  # a twin run planned it first
        webtoon.script = script.model_dump(mode="json")
        webtoon.title = script.title
        webtoon.summary = script.synopsis
        webtoon.style = script.style.value
        webtoon.language = script.language
        webtoon.save(update_fields=["script", "title", "summary", "style", "language", "updated_at"])
        rows = []
        for p in script.panels:
            scene = script.scene_of(p)
            rows.append(
                Panel(
                    webtoon=webtoon,
                    sequence_number=p.sequence,
                    scene_index=p.scene,
                    location=scene.location,
                    time_of_day=scene.time_of_day.value,
                    weather=scene.weather.value,
                    mood=scene.mood,
                    shot=p.shot.value,
                    visual_description=p.description,
                    characters_present=[c.model_dump(mode="json") for c in p.characters],
                    speech_bubbles=_speech_bubbles(p, character_ids),
                    visual_elements=[
                        *({"element_type": "sfx", "text": s, "position": None} for s in p.sfx),
                        *({"element_type": "prop", "text": prop, "position": None} for prop in p.props),
                    ],
                    seed=panel_seed_of(names=[c.name for c in p.characters], seeds=seeds, number=p.sequence, base=seed),
                )  # a new panel starts pending (the field's default; panels.states moves it on)
            )
        Panel.objects.bulk_create(rows)
    task_running_update(
        task_id=task.pk,
        progress=PLAN_SHARE,
        total_steps=len(rows) + 2,
        current_step=f"Planned {len(rows)} panels",
    )
    publish_webtoon_update(webtoon)
    return True


# --- one panel ------------------------------------------------------------------------------------


def _all_done(task_id) -> bool:
    """True for exactly one caller once every panel of the running task is finished.

    Several panel jobs may finish at the same moment and all see "done"; the conditional update of
    `finish_queued_at` lets only one of them queue the (expensive) finish step.
    """
    task = Task.objects.filter(pk=task_id, status=TaskStatus.RUNNING).first()
    if task is None or _task_panels(task).exclude(status__in=_FINAL_PANEL_STATUSES).exists():
        return False
    return bool(
        Task.objects.filter(pk=task_id, status=TaskStatus.RUNNING, finish_queued_at__isnull=True).update(
            finish_queued_at=timezone.now()
        )
    )


def panel_job(*, task_id, panel_id) -> bool:
    """Draw (unless already drawn) and letter one panel of a running task.

    Returns True when every panel of the task is now finished (the caller queues `finish`).
    Raises ProviderTransientError for the caller to retry (the panel is pending again).
    """
    task = Task.objects.filter(pk=task_id).first()
    if task is None or task.status != TaskStatus.RUNNING:
        return False
    letter_only = states.panel_transition(panel_id=panel_id, to=PanelStatus.DRAWING, only_from=[PanelStatus.DRAWN])
    if not letter_only and not states.panel_transition(
        panel_id=panel_id, to=PanelStatus.DRAWING, only_from=[PanelStatus.PENDING]
    ):
        # Already finished (a redelivered message), being drawn by a twin job, or deleted.
        return _all_done(task_id)
    panel = Panel.objects.select_related("webtoon", "webtoon__project").get(pk=panel_id)
    total = _task_panels(task).count()  # one: a redraw, which says so (a webtoon's jobs count finished panels)
    if not letter_only:
        if total == 1:
            task_running_update(task_id=task_id, current_step="Drawing the panel")
        try:
            with collect_calls() as calls, heartbeat_during(task_id=task_id):
                try:
                    seed = panel.seed
                    if seed is None:  # a panel added by hand: from its characters and its number
                        seed = panel_row_seed(panel, cast=script_cast(panel.webtoon), base=task_seed(task))
                    panel_draw(panel=panel, seed=seed)
                finally:
                    record_task_calls(task_id, calls)
        except ProviderTransientError:
            states.panel_transition(panel_id=panel_id, to=PanelStatus.PENDING)
            raise
        except ProviderContentRefused as exc:
            states.panel_transition(
                panel_id=panel_id,
                to=PanelStatus.FAILED,
                error_message=f"The image provider refused this panel: {exc}",
            )
            _publish_progress(task)
            return _all_done(task_id)
        except ProviderError as exc:
            states.panel_transition(panel_id=panel_id, to=PanelStatus.PENDING, error_message=str(exc))
            task_fail(task_id=task_id, message=f"Panel {panel.sequence_number} could not be drawn: {exc}")
            return False
    if not task_is_running(task_id=task_id):
        # Cancelled while drawing: the art is kept (drawn); a retry only letters it.
        states.panel_transition(panel_id=panel_id, to=PanelStatus.DRAWN, only_from=[PanelStatus.DRAWING])
        return False
    panel.refresh_from_db()
    panel_letter(panel=panel, task_id=task_id)
    _publish_progress(task)
    return _all_done(task_id)


def panel_job_give_up(*, task_id, panel_id, error: Exception, attempts: int) -> None:
    """A transient error outlived its retries: the panel stays pending, the task fails with why."""
    panel = Panel.objects.filter(pk=panel_id).first()
    label = f"Panel {panel.sequence_number}" if panel else "A panel"
    if panel:
        states.panel_transition(panel_id=panel_id, to=PanelStatus.PENDING, error_message=str(error))
    task_fail(task_id=task_id, message=f"{label} could not be drawn after {attempts} attempts: {error}")


def drawing_label(*, done: int, total: int) -> str:
    """The step label while panels are drawn: it counts finished panels, so it only goes up and
    says "8 of 8" only when the eighth is finished (panels are drawn in parallel, in any order)."""
    return f"{done} of {total} panels drawn" if total > 1 else ("Panel drawn" if done else "Drawing the panel")


def _publish_progress(task: Task) -> None:
    done, total, progress = _progress(task)
    task_running_update(task_id=task.pk, progress=progress, current_step=drawing_label(done=done, total=total))


# --- finish ---------------------------------------------------------------------------------------


def generation_finish(*, task_id) -> None:
    """Compose and complete, or fail naming the panels that could not be drawn. Safe to run twice."""
    task = Task.objects.select_related("webtoon", "panel").filter(pk=task_id, status=TaskStatus.RUNNING).first()
    if task is None:
        return
    panels = _task_panels(task).order_by("sequence_number")
    failed = list(panels.filter(status=PanelStatus.FAILED))
    if failed:
        numbers = ", ".join(str(p.sequence_number) for p in failed)
        reasons = "; ".join(f"panel {p.sequence_number}: {p.error_message}" for p in failed)
        noun = "Panel" if len(failed) == 1 else "Panels"
        task_fail(
            task_id=task_id,
            message=f"{noun} {numbers} could not be drawn ({reasons}). The other panels are kept; "
            "retry to redraw only the failed ones.",
        )
        return
    if panels.exclude(status=PanelStatus.LETTERED).exists():
        return  # not every panel is finished yet; the last panel job queues finish again
    if not task_running_update(task_id=task_id, progress=PLAN_SHARE + DRAW_SHARE, current_step="Composing the strip"):
        return
    webtoon = task.webtoon
    composed = webtoon_compose(webtoon=webtoon)
    if task.task_type == TaskType.PANEL_GENERATION:
        panel = Panel.objects.get(pk=task.panel_id)
        result = {
            "webtoon_id": str(webtoon.pk),
            "panel_id": str(panel.pk),
            "image_url": file_url(panel.image, origin=webtoon.origin),
            "version": panel.version,
            "seed": panel.seed,
        }
    else:
        result = {
            "webtoon_id": str(webtoon.pk),
            "panel_count": panels.count(),
            "panel_ids": [str(pk) for pk in panels.values_list("pk", flat=True)],
            "strip_url": file_url(webtoon.strip, origin=webtoon.origin) if composed else None,
            "thumbnail_url": file_url(webtoon.thumbnail, origin=webtoon.origin) if composed else None,
        }
    if _complete(task, result=result) and task.task_type == TaskType.WEBTOON_GENERATION:
        episode_remember(webtoon_id=webtoon.pk)


def _complete(task: Task, *, result: dict) -> bool:
    now = timezone.now()
    with transaction.atomic():
        changed = Task.objects.filter(pk=task.pk, status=TaskStatus.RUNNING).update(
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
        if task.task_type == TaskType.WEBTOON_GENERATION:
            states.webtoon_complete(webtoon_id=task.webtoon_id)
        fresh = Task.objects.get(pk=task.pk)
        publish_task_update(fresh)
        webtoon = Webtoon.objects.select_related("project").get(pk=task.webtoon_id)
        publish_webtoon_update(webtoon)
    TASKS.labels(task_type=task.task_type, status=TaskStatus.COMPLETED).inc()
    if fresh.started_at:
        GENERATION_SECONDS.labels(task_type=task.task_type, status=TaskStatus.COMPLETED).observe(
            (now - fresh.started_at).total_seconds()
        )
    return True
