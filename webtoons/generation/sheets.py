"""Character sheets: a character's reference image, drawn once by the configured image provider.

`character_sheet_request` queues a task in the ledger (TaskType.CHARACTER_SHEET, run by the runner
`webtoons.generation.jobs` registers); `character_sheet_draw` is its step: it claims the task, draws
the character alone (full figure, neutral pose, plain setting) from its canonical look and its seed,
and stores the image as the character's reference image, which every later panel with the character
sends to providers that take image input. The sheet counts against the monthly generation quota.

Safe to run twice: the claim is one conditional UPDATE, and the image is stored only while the task
is still running (a cancelled sheet leaves the character as it was).
"""

from __future__ import annotations

import logging

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from characters.models import Character
from characters.services import character_update
from panels.services import image_draw
from sketchdojo.engine.layout import panel_size
from sketchdojo.engine.pool import png_bytes
from sketchdojo.engine.providers import (
    CharacterBrief,
    DrawRequest,
    PlanRequest,
    ProviderError,
    canonical_look,
    get_image_provider,
    get_llm_provider,
)
from sketchdojo.engine.providers.calls import collect_calls
from sketchdojo.engine.script import PanelCharacter, PanelScript, Scene, Script, Shot
from sketchdojo.errors import Conflict
from sketchdojo.links import file_url
from tasks.models import ACTIVE_STATUSES, Task, TaskType
from tasks.quota import quota_check, user_lock
from tasks.services import heartbeat_during, task_claim, task_complete, task_create, task_fail, task_is_running
from webtoons.generation.steps import record_task_calls

logger = logging.getLogger("sketchdojo.pipeline")

SHEET_SHOT = Shot.WIDE  # the whole figure, head to toe


@transaction.atomic
def character_sheet_request(*, user, character: Character) -> Task:
    """Queue a task that draws the character's sheet and stores it as its reference image.

    409 while a sheet of this character is already pending or running; 429 past the monthly quota.
    """
    user_lock(user=user)
    busy = Task.objects.filter(
        user=user, task_type=TaskType.CHARACTER_SHEET, status__in=ACTIVE_STATUSES, project=character.project
    )
    if any(task.input.get("character_id") == str(character.pk) for task in busy.only("input")):
        raise Conflict("A reference sheet of this character is already being drawn.")
    quota_check(user=user)
    return task_create(
        user=user,
        task_type=TaskType.CHARACTER_SHEET,
        project=character.project,
        input={"character_id": str(character.pk)},
        total_steps=1,
    )


def sheet_draw_request(character: Character) -> DrawRequest:
    """The character alone, full figure, neutral, in a plain setting, in the project's art style.

    The offline planner turns the stored appearance into the cast entry the offline artist draws
    from; remote artists get the canonical look word for word and the character's own seed.
    """
    project = character.project
    brief = CharacterBrief(
        name=character.name,
        role=character.role,
        description=character.description,
        appearance=character.appearance,
        personality=character.personality,
    )
    planned = get_llm_provider("local").plan(
        PlanRequest(
            prompt=f"{character.name} stands still and faces the reader.",
            panel_count=1,
            art_style=project.art_style,
            characters=(brief,),
            seed=character.seed,
        )
    )
    member = next((c for c in planned.characters if c.name == character.name), None)
    if member is None:
        raise ProviderError(f"The character {character.name!r} could not be laid out for a sheet.")
    look = canonical_look(character.description, character.appearance)
    member = member.model_copy(update={"seed": character.seed, **({"description": look[:2000]} if look else {})})
    panel = PanelScript(
        sequence=1,
        scene=0,
        shot=SHEET_SHOT,
        description=(
            f"Character reference sheet of {character.name}: one full-body figure, front view, neutral pose, "
            "plain light studio background, even lighting"
        ),
        characters=[PanelCharacter(name=character.name)],
    )
    script = Script(
        title=f"{character.name} reference sheet"[:200],
        synopsis="",
        style=planned.style,
        characters=[member],
        scenes=[Scene(index=0, location="studio", mood="calm", lighting="even studio lighting")],
        panels=[panel],
    )
    width, height = panel_size(SHEET_SHOT)
    return DrawRequest(
        script=script,
        panel=panel,
        style=script.style.value,
        width=width,
        height=height,
        seed=character.seed,
        looks={character.name: look or member.description},
    )


def character_sheet_draw(*, task_id) -> None:
    """Claim a pending sheet task, draw the sheet, store it as the reference image, complete the task."""
    task = task_claim(task_id=task_id, step="Drawing the character sheet")
    if task is None:
        logger.info("Sheet task %s is not pending; nothing to do", task_id)
        return
    character = (
        Character.objects.select_related("project").filter(
            pk=task.input.get("character_id"), project__user=task.user_id
        )
    ).first()
    if character is None:
        task_fail(task_id=task_id, message="The character of this task was deleted.")
        return
    provider = get_image_provider()
    try:
        request = sheet_draw_request(character)
        with collect_calls() as calls, heartbeat_during(task_id=task_id):
            try:
                result = image_draw(provider=provider, request=request)
            finally:
                record_task_calls(task_id, calls)
    except ProviderError as exc:
        task_fail(task_id=task_id, message=f"The reference sheet of {character.name} could not be drawn: {exc}")
        return
    with transaction.atomic():
        if not task_is_running(task_id=task_id):
            return  # cancelled while drawing: the character keeps the image it had
        character = Character.objects.select_for_update().select_related("project").get(pk=character.pk)
        sheet = SimpleUploadedFile(f"{character.pk}-sheet.png", png_bytes(result.image), content_type="image/png")
        character = character_update(character=character, data={"reference_image": sheet})
        task_complete(
            task_id=task_id,
            result={
                "character_id": str(character.pk),
                "reference_image_url": file_url(character.reference_image),
                "provider": provider.name,
                "seed": character.seed,
            },
        )
