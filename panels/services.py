"""Writes to panels: create, edit, reorder, delete, draw, letter, and queue a redraw.

Editing dialogue re-letters from the stored raw art (the artist is not asked again); reordering and
deleting keep `sequence_number` dense (1..n). Drawing and lettering save files through Django's
storage API, so the same code writes to the local media folder or to S3.
"""

from __future__ import annotations

import logging
import random
import time
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from panels.events import publish_panel_ready
from panels.looks import cast_looks
from panels.models import Panel, PanelStatus
from panels.scripting import panel_bubbles, panel_draw_request, panel_faces, panel_sfx, script_cast
from panels.speed import DRAW, generation_estimate, speed_record
from panels.states import panel_transition
from sketchdojo.db import model_update
from sketchdojo.engine import pool as engine_pool
from sketchdojo.engine.providers import DrawRequest, DrawResult, get_image_provider
from sketchdojo.engine.providers.limits import limiter_for
from sketchdojo.errors import Conflict, InvalidInput
from sketchdojo.metrics import PANELS_DRAWN, STEP_SECONDS
from sketchdojo.storage import file_name, file_replace, files_delete_on_commit
from tasks.idempotency import Idempotency, create_once, task_replay
from tasks.models import ACTIVE_STATUSES, Task, TaskType
from tasks.quota import quota_check, user_lock
from tasks.services import task_create

logger = logging.getLogger("sketchdojo.panels")

MAX_PANELS_PER_WEBTOON = 100
# Temporary offset while renumbering, so the (webtoon, sequence_number) unique constraint never trips.
_RENUMBER_OFFSET = 1000
EDITABLE_FIELDS = (
    "scene_index",
    "location",
    "time_of_day",
    "weather",
    "mood",
    "shot",
    "visual_description",
    "characters_present",
    "speech_bubbles",
    "visual_elements",
)
LETTERING_FIELDS = ("speech_bubbles", "visual_elements")


def random_seed() -> int:
    return random.SystemRandom().randrange(2**32)


# --- ordering ------------------------------------------------------------------------------------


def _renumber(*, webtoon_id, ordered_ids: list) -> None:
    """Give the panels sequence numbers 1..n in the given order (two passes around the unique constraint)."""
    Panel.objects.filter(webtoon_id=webtoon_id).update(sequence_number=F("sequence_number") + _RENUMBER_OFFSET)
    now = timezone.now()
    for number, panel_id in enumerate(ordered_ids, start=1):
        Panel.objects.filter(pk=panel_id).update(sequence_number=number, updated_at=now)


def _ordered_ids(*, webtoon_id) -> list:
    # Lock the webtoon's panels: concurrent reorders of one webtoon run one after the other.
    return list(
        Panel.objects.select_for_update()
        .filter(webtoon_id=webtoon_id)
        .order_by("sequence_number")
        .values_list("pk", flat=True)
    )


def _check_position(position: int, *, last: int) -> None:
    if not 1 <= position <= last:
        raise InvalidInput({"sequence_number": [f"Must be between 1 and {last}."]})


# --- create, edit, delete ------------------------------------------------------------------------


@transaction.atomic
def panel_create(*, webtoon, sequence_number: int | None = None, **fields: Any) -> Panel:
    """Add a panel (no art yet) at `sequence_number` (1..n+1; default: at the end), shifting later ones."""
    type(webtoon).objects.select_for_update().filter(pk=webtoon.pk).first()  # one add at a time per webtoon
    ordered = _ordered_ids(webtoon_id=webtoon.pk)
    if len(ordered) >= MAX_PANELS_PER_WEBTOON:
        raise Conflict(f"A webtoon has at most {MAX_PANELS_PER_WEBTOON} panels.")
    position = len(ordered) + 1 if sequence_number is None else sequence_number
    _check_position(position, last=len(ordered) + 1)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not panel fields: {', '.join(sorted(unknown))}")
    panel = Panel.objects.create(webtoon=webtoon, sequence_number=_RENUMBER_OFFSET * 2, **fields)
    ordered.insert(position - 1, panel.pk)
    _renumber(webtoon_id=webtoon.pk, ordered_ids=ordered)
    panel.refresh_from_db()
    return panel


@transaction.atomic
def panel_update(*, panel: Panel, data: dict[str, Any]) -> Panel:
    """Edit a panel. New dialogue or SFX re-letters it from the raw art (no redraw); a new
    `sequence_number` moves it, keeping the sequence dense. Other edits change what the next
    redraw (POST /panels/generate) will draw."""
    panel = Panel.objects.select_for_update().select_related("webtoon", "webtoon__project").get(pk=panel.pk)
    changed = model_update(panel, data=data, fields=EDITABLE_FIELDS)
    if "sequence_number" in data and data["sequence_number"] != panel.sequence_number:
        panel_move(panel=panel, to=data["sequence_number"])
        panel.refresh_from_db()
    if panel.raw_image and any(name in LETTERING_FIELDS for name in changed):
        panel_letter(panel=panel)
    return panel


@transaction.atomic
def panel_move(*, panel: Panel, to: int) -> None:
    ordered = _ordered_ids(webtoon_id=panel.webtoon_id)
    _check_position(to, last=len(ordered))
    ordered.remove(panel.pk)
    ordered.insert(to - 1, panel.pk)
    _renumber(webtoon_id=panel.webtoon_id, ordered_ids=ordered)


@transaction.atomic
def panel_delete(*, panel: Panel) -> None:
    """Delete a panel and its files; the panels after it move up (the sequence stays 1..n)."""
    webtoon_id = panel.webtoon_id
    if Task.objects.filter(panel=panel, status__in=ACTIVE_STATUSES).exists():
        raise Conflict("This panel is being redrawn; cancel that task first.")
    ordered = _ordered_ids(webtoon_id=webtoon_id)
    files = [f.name for f in (panel.raw_image, panel.image) if f]
    ordered.remove(panel.pk)
    panel.delete()
    _renumber(webtoon_id=webtoon_id, ordered_ids=ordered)
    files_delete_on_commit(names=files)


# --- art -----------------------------------------------------------------------------------------


def image_draw(*, provider, request: DrawRequest) -> DrawResult:
    """One draw within the provider's concurrency cap (`IMAGE_CONCURRENCY`, Redis-wide with REDIS_URL).

    Remote providers hold their own limiter's slot per attempt and none while a retry waits; the
    offline artist (no limiter of its own) holds one here.
    """
    if getattr(provider, "limits_itself", False):
        return provider.draw(request)
    limit = max(1, min(settings.IMAGE_CONCURRENCY, provider.max_concurrency))
    with limiter_for(f"{provider.name}:draw", limit=limit).slot():
        return provider.draw(request)


def image_draw_encoded(*, provider, request: DrawRequest) -> engine_pool.EncodedDraw:
    """`image_draw`, as PNG bytes: a CPU-bound provider (the offline artist) draws in the engine's
    process pool when one runs (the embedded default), off the web process's GIL."""
    if getattr(provider, "cpu_bound", False) and engine_pool.is_running():
        limit = max(1, min(settings.IMAGE_CONCURRENCY, provider.max_concurrency))
        with limiter_for(f"{provider.name}:draw", limit=limit).slot():
            return engine_pool.run(engine_pool.draw_encoded, provider.name, request)
    return engine_pool.encode_draw(image_draw(provider=provider, request=request))


def panel_draw(*, panel: Panel, seed: int) -> Panel:
    """Ask the image provider for the panel's raw art and store it with its generation metadata.

    Provider errors propagate (the caller decides: fail the panel, fail the task); see `image_draw`
    for the concurrency cap.
    """
    provider = get_image_provider()
    present = [c.get("name", "") for c in panel.characters_present if isinstance(c, dict)]
    cast = cast_looks(cast=script_cast(panel.webtoon), project=panel.webtoon.project, present=present)
    request = panel_draw_request(panel, seed=seed, looks=cast.looks, references=cast.references)
    started = time.monotonic()
    result = image_draw_encoded(provider=provider, request=request)
    latency = time.monotonic() - started
    STEP_SECONDS.labels(step="draw").observe(latency)
    speed_record(kind=DRAW, provider=provider.name, seconds=latency)
    PANELS_DRAWN.labels(provider=provider.name).inc()
    meta = dict(result.meta)
    prompt = meta.pop("prompt", "")
    panel.generation_meta = {
        **meta,
        "provider": provider.name,
        "model": meta.get("model", provider.name),
        "seed": seed,
        "latency_seconds": round(latency, 3),
        "width": result.width,
        "height": result.height,
        "faces": [{"name": face.name, "box": list(face.box)} for face in result.faces],
        "references": [name for name, _ in request.present_references()],
    }
    panel.ai_prompt = prompt or request.panel.description
    panel.seed = seed
    file_replace(panel.raw_image, file_name(panel.pk, "png"), ContentFile(result.png))
    panel.error_message = ""
    panel.save(update_fields=["generation_meta", "ai_prompt", "seed", "raw_image", "error_message", "updated_at"])
    panel_transition(panel_id=panel.pk, to=PanelStatus.DRAWN)
    panel.refresh_from_db(fields=["status"])
    return panel


def panel_letter(*, panel: Panel, task_id=None) -> Panel:
    """Letter the panel's raw art with its current dialogue and SFX; no image provider involved.

    The bubbles are stored back as placed (position, tail direction), the version goes up when a
    lettered image is replaced, and watchers get a panel_ready event.
    """
    started = time.monotonic()
    with panel.raw_image.open("rb") as handle:
        raw_png = handle.read()
    # In a pool process when the engine's pool runs (the embedded default), else right here.
    result = engine_pool.run(
        engine_pool.letter_encoded, raw_png, panel_bubbles(panel), panel_faces(panel), panel_sfx(panel)
    )
    STEP_SECONDS.labels(step="letter").observe(time.monotonic() - started)
    with transaction.atomic():
        had_image = bool(panel.image)
        panel.speech_bubbles = result.bubbles
        file_replace(panel.image, file_name(panel.pk, "png"), ContentFile(result.png))
        panel.error_message = ""
        fields = ["speech_bubbles", "image", "error_message", "updated_at"]
        if had_image:
            Panel.objects.filter(pk=panel.pk).update(version=F("version") + 1)
        panel.save(update_fields=fields)
        panel_transition(panel_id=panel.pk, to=PanelStatus.LETTERED)
        panel.refresh_from_db(fields=["version", "status"])
        publish_panel_ready(panel, task_id=task_id)
    return panel


def panel_regenerate(*, user, panel: Panel, seed: int | None = None, idempotency: Idempotency | None = None) -> Task:
    """Queue a task that redraws this panel (a new random seed unless one is given) and re-letters it.

    A redraw calls the image provider, so it counts against the monthly generation quota. With an
    Idempotency-Key, a repeat of the request returns the first task (nothing new, nothing counted).
    """
    return create_once(
        lambda: _panel_regenerate(user=user, panel=panel, seed=seed, idempotency=idempotency),
        user=user,
        idempotency=idempotency,
    )


@transaction.atomic
def _panel_regenerate(*, user, panel: Panel, seed: int | None, idempotency: Idempotency | None) -> Task:
    user_lock(user=user)
    replay = task_replay(user=user, idempotency=idempotency)
    if replay is not None:
        return replay
    webtoon = panel.webtoon
    busy = Task.objects.filter(status__in=ACTIVE_STATUSES).filter(webtoon=webtoon)
    if busy.filter(task_type=TaskType.WEBTOON_GENERATION).exists():
        raise Conflict("This webtoon is still being generated; wait for it or cancel it first.")
    if busy.filter(panel=panel).exists():
        raise Conflict("This panel is already being redrawn.")
    quota_check(user=user)
    chosen = random_seed() if seed is None else seed
    return task_create(
        user=user,
        task_type=TaskType.PANEL_GENERATION,
        project=webtoon.project,
        webtoon=webtoon,
        panel=panel,
        input={"panel_id": str(panel.pk), "seed": chosen, "seed_given": seed is not None},
        total_steps=2,
        estimated_duration_seconds=generation_estimate(panel_count=1, plan=False),
        idempotency=idempotency,
    )
