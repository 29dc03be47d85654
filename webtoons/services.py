"""Writes to webtoons: create, edit, start a generation (quota), compose the strip, publish, export."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field, replace

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from panels.models import PanelStatus
from panels.speed import generation_estimate
from projects.models import Project, ProjectStatus
from sketchdojo.db import model_update
from sketchdojo.errors import Conflict
from sketchdojo.links import absolute_url
from tasks.idempotency import Idempotency, create_once, task_replay
from tasks.models import ACTIVE_STATUSES, Task, TaskType
from tasks.quota import quota_check, user_lock
from tasks.services import task_create
from webtoons.generation import states
from webtoons.generation.events import publish_webtoon_update
from webtoons.models import Webtoon, WebtoonStatus
from webtoons.publication import snapshot_discard, snapshot_take

logger = logging.getLogger("sketchdojo.webtoons")

EDITABLE_FIELDS = ("title", "description", "summary", "style")


@dataclass(frozen=True)
class GenerationRequest:
    """What the creator asked for (POST /webtoons/generate), kept on the task as its input."""

    story_prompt: str
    panel_count: int | None = None  # None: the project's target_panels
    style: str = ""  # empty: the project's art_style
    character_descriptions: tuple[str, ...] = ()
    quality: str = "standard"
    color_scheme: str = ""
    auto_generate_panels: bool = True
    extra: dict = field(default_factory=dict)

    def as_input(self) -> dict:
        data = asdict(self)
        data["character_descriptions"] = list(self.character_descriptions)
        return data


def webtoon_create(
    *,
    project: Project,
    title: str = "",
    description: str = "",
    summary: str = "",
    style: str | None = None,
    origin: str = "",
) -> Webtoon:
    """An empty webtoon (no panels yet) in the project; panels are added by hand or by generation."""
    return Webtoon.objects.create(
        project=project,
        title=title or project.title,
        description=description,
        summary=summary,
        style=style or project.art_style,
        origin=origin[:200],
    )


@transaction.atomic
def webtoon_update(*, webtoon: Webtoon, data: dict) -> Webtoon:
    if model_update(webtoon, data=data, fields=EDITABLE_FIELDS):
        publish_webtoon_update(webtoon)
    return webtoon


def webtoon_generate(
    *,
    user,
    project: Project,
    request: GenerationRequest,
    idempotency: Idempotency | None = None,
    origin: str = "",
) -> Task:
    """Start generating a new webtoon of the project: quota check, webtoon row, task queued after commit.

    With an Idempotency-Key, a repeat of the request returns the first task (nothing new, nothing counted).
    `origin` (the request's scheme and host) makes the media URLs of its realtime events absolute.
    """
    return create_once(
        lambda: _webtoon_generate(user=user, project=project, request=request, idempotency=idempotency, origin=origin),
        user=user,
        idempotency=idempotency,
    )


@transaction.atomic
def _webtoon_generate(
    *, user, project: Project, request: GenerationRequest, idempotency: Idempotency | None, origin: str
) -> Task:
    # One generation request per user at a time passes the quota check (the row lock serializes them).
    user_lock(user=user)
    replay = task_replay(user=user, idempotency=idempotency)
    if replay is not None:
        return replay
    request = replace(
        request, panel_count=request.panel_count or project.target_panels, style=request.style or project.art_style
    )
    quota_check(user=user)
    webtoon = Webtoon.objects.create(
        project=project,
        title=project.title,
        description=request.story_prompt[:2000],
        style=request.style,
        origin=origin[:200],
    )
    Project.objects.filter(pk=project.pk, status=ProjectStatus.DRAFT).update(status=ProjectStatus.IN_PROGRESS)
    return task_create(
        user=user,
        task_type=TaskType.WEBTOON_GENERATION,
        project=project,
        webtoon=webtoon,
        input=request.as_input(),
        total_steps=request.panel_count + 2,
        idempotency=idempotency,
        estimated_duration_seconds=generation_estimate(
            panel_count=request.panel_count if request.auto_generate_panels else 0
        ),
    )


def public_url(*, webtoon: Webtoon, origin: str | None = None) -> str:
    """The absolute URL of the webtoon's public reader page."""
    return absolute_url(reverse("reader", kwargs={"webtoon_id": webtoon.pk}), origin=origin)


@transaction.atomic
def webtoon_publish(*, webtoon: Webtoon, origin: str | None = None) -> Webtoon:
    """Make the webtoon public at /w/{id}/, or republish it (the reader switches to the current
    panels); only once every panel has lettered art and no moderator holds it (Conflict otherwise).

    The stored published_url is absolute with PUBLIC_BASE_URL, else with `origin` (the API edge passes
    sketchdojo.links.site_origin(request)), else the bare path.
    """
    webtoon = Webtoon.objects.select_for_update().select_related("project").get(pk=webtoon.pk)
    if webtoon.moderation_hold or webtoon.is_flagged:
        raise Conflict(
            "A moderator holds this webtoon (unpublished, archived or flagged for review); only staff can lift "
            "the hold before it is published again.",
            code="moderation_hold",
        )
    panels = list(webtoon.panels.values_list("sequence_number", "status"))
    if not panels:
        raise Conflict("This webtoon has no panels yet; generate it before publishing.")
    unfinished = [number for number, status in panels if status != PanelStatus.LETTERED]
    if unfinished:
        numbers = ", ".join(str(n) for n in sorted(unfinished))
        raise Conflict(f"Panels {numbers} have no finished art yet; generate them before publishing.")
    if Task.objects.filter(webtoon=webtoon, status__in=ACTIVE_STATUSES).exists():
        raise Conflict("This webtoon is still being generated; publish it when the task has finished.")
    if webtoon.status == WebtoonStatus.ARCHIVED:
        raise Conflict("This webtoon is archived; it cannot be published.")
    previous = webtoon.published_panels
    states.webtoon_publish(
        webtoon_id=webtoon.pk,
        published_at=timezone.now(),
        published_url=public_url(webtoon=webtoon, origin=origin),
        published_panels=snapshot_take(webtoon=webtoon),
    )
    snapshot_discard(entries=previous)
    webtoon_origin_remember(webtoon=webtoon, origin=origin)
    webtoon.refresh_from_db()
    publish_webtoon_update(webtoon)
    return webtoon


@transaction.atomic
def webtoon_unpublish(*, webtoon: Webtoon) -> Webtoon:
    """The owner takes the webtoon off its public page (published → completed); the draft is kept
    and can be published again. Conflict when it is not published."""
    webtoon = Webtoon.objects.select_for_update().select_related("project").get(pk=webtoon.pk)
    if webtoon.status != WebtoonStatus.PUBLISHED:
        raise Conflict(f"This webtoon is {webtoon.status}, not published; there is nothing to unpublish.")
    previous = webtoon.published_panels
    states.webtoon_unpublish(webtoon_ids=[webtoon.pk])
    snapshot_discard(entries=previous)
    webtoon.refresh_from_db()
    publish_webtoon_update(webtoon)
    return webtoon


def webtoon_origin_remember(*, webtoon: Webtoon, origin: str | None) -> None:
    """Keep the scheme and host a request came to, so realtime events carry absolute media URLs."""
    if origin and webtoon.origin != origin:
        Webtoon.objects.filter(pk=webtoon.pk).update(origin=origin[:200])
        webtoon.origin = origin[:200]
