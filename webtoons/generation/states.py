"""Webtoon.status: the only module that writes it (the allowed transitions and the moves along them).

planning → generating → completed → published, with failed (a generation failed or was cancelled)
and archived (staff) on the side. Panel.status has its own machine in `panels.states` (re-exported
here for the generation steps).
"""

from __future__ import annotations

from django.db.models import Exists

from panels.states import PANEL_MACHINE, panel_transition, panels_transition
from sketchdojo.states import machine
from webtoons.models import Webtoon, WebtoonStatus

__all__ = [
    "PANEL_MACHINE",
    "WEBTOON_MACHINE",
    "panel_transition",
    "panels_transition",
    "webtoon_archive",
    "webtoon_complete",
    "webtoon_fail",
    "webtoon_generating",
    "webtoon_planned_only",
    "webtoon_publish",
    "webtoon_stop",
    "webtoon_unpublish",
]

S = WebtoonStatus
WEBTOON_MACHINE = machine(
    "webtoon",
    {
        S.PLANNING: {S.GENERATING, S.FAILED, S.PUBLISHED, S.ARCHIVED},
        S.GENERATING: {S.GENERATING, S.PLANNING, S.COMPLETED, S.FAILED},
        S.COMPLETED: {S.GENERATING, S.FAILED, S.PUBLISHED, S.ARCHIVED},
        S.FAILED: {S.GENERATING, S.FAILED, S.PUBLISHED, S.ARCHIVED},
        S.PUBLISHED: {S.COMPLETED, S.PUBLISHED, S.ARCHIVED},
        S.ARCHIVED: {S.COMPLETED, S.GENERATING, S.FAILED},
    },
)


def _one(webtoon_id):
    return Webtoon.objects.filter(pk=webtoon_id)


def webtoon_generating(*, webtoon_id, while_running=None) -> bool:
    """A generation starts drawing it (not a published webtoon); only while `while_running` (a queryset) exists."""
    rows = _one(webtoon_id)
    if while_running is not None:
        rows = rows.filter(Exists(while_running))
    return bool(WEBTOON_MACHINE.move(rows, to=S.GENERATING))


def webtoon_planned_only(*, webtoon_id) -> bool:
    """Planned without drawing (the creator draws panels one by one): generating → planning."""
    return bool(WEBTOON_MACHINE.move(_one(webtoon_id), to=S.PLANNING))


def webtoon_complete(*, webtoon_id) -> bool:
    """The generation finished: generating → completed."""
    return bool(WEBTOON_MACHINE.move(_one(webtoon_id), to=S.COMPLETED, only_from=[S.GENERATING]))


def webtoon_fail(*, webtoon_id) -> bool:
    """Its generation failed: any state but published → failed (finished panels are kept)."""
    return bool(WEBTOON_MACHINE.move(_one(webtoon_id), to=S.FAILED))


def webtoon_stop(*, webtoon_id) -> bool:
    """Its generation was cancelled before the end: planning/generating → failed."""
    return bool(WEBTOON_MACHINE.move(_one(webtoon_id), to=S.FAILED, only_from=[S.PLANNING, S.GENERATING]))


def webtoon_publish(*, webtoon_id, published_at, published_url: str, published_panels: list | None = None) -> bool:
    """Public at its URL, showing `published_panels` (the revision the reader shows until the next
    republish; published → published is a republish). Conflict when its status does not allow it."""
    return bool(
        WEBTOON_MACHINE.move(
            _one(webtoon_id),
            to=S.PUBLISHED,
            strict=True,
            published_at=published_at,
            published_url=published_url,
            published_panels=published_panels or [],
        )
    )


def webtoon_unpublish(*, webtoon_ids, moderation_hold: bool = False) -> int:
    """Published → completed; the public URL and revision are withdrawn (a moderator's unpublish also holds it)."""
    rows = Webtoon.objects.filter(pk__in=webtoon_ids)
    held = {"moderation_hold": True} if moderation_hold else {}
    return WEBTOON_MACHINE.move(
        rows, to=S.COMPLETED, only_from=[S.PUBLISHED], published_url="", published_at=None, published_panels=[], **held
    )


def webtoon_archive(*, webtoon_ids, moderation_hold: bool = False) -> int:
    """Any state but generating → archived (and off the reader; a moderator's archive also holds it)."""
    rows = Webtoon.objects.filter(pk__in=webtoon_ids)
    held = {"moderation_hold": True} if moderation_hold else {}
    return WEBTOON_MACHINE.move(rows, to=S.ARCHIVED, published_url="", published_at=None, published_panels=[], **held)


def webtoon_restore(*, webtoon_ids) -> int:
    """Archived → completed (staff lifting a moderator's archive); the owner may publish again."""
    return WEBTOON_MACHINE.move(Webtoon.objects.filter(pk__in=webtoon_ids), to=S.COMPLETED, only_from=[S.ARCHIVED])
