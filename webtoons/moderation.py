"""Staff moderation of webtoons: unpublish, archive, flag. Called by the admin actions.

Each action is one conditional UPDATE over the selected rows, then a realtime `webtoon_update` so
an owner with the studio open sees the change. Unpublishing or flagging takes the reader page
down at once (the reader only shows published, unflagged webtoons). Each sets `moderation_hold`:
the owner cannot publish the webtoon again (webtoon_publish refuses) until staff lift the hold.
Every action writes one line per changed webtoon to the moderation log (accounts.moderation), with
the staff member who acted (`actor`) and their `reason`, in the same transaction.
"""

from django.db import transaction
from django.db.models import Q, QuerySet

from accounts.models import ModerationActionKind
from accounts.moderation import moderation_actions_record
from webtoons.generation import states
from webtoons.generation.events import publish_webtoon_update
from webtoons.models import Webtoon, WebtoonStatus


def _log(ids: list, *, action: ModerationActionKind, actor, reason: str) -> None:
    moderation_actions_record(
        actor=actor, action=action, reason=reason, targets=Webtoon.objects.filter(pk__in=ids).order_by("pk")
    )


def _announce(ids: list) -> None:
    for webtoon in Webtoon.objects.filter(pk__in=ids).select_related("project"):
        publish_webtoon_update(webtoon)


@transaction.atomic
def webtoons_unpublish(*, webtoons: QuerySet[Webtoon], actor=None, reason: str = "") -> int:
    """Published → completed; the public URL is withdrawn."""
    ids = list(webtoons.filter(status=WebtoonStatus.PUBLISHED).values_list("pk", flat=True))
    changed = states.webtoon_unpublish(webtoon_ids=ids, moderation_hold=True)
    _log(ids, action=ModerationActionKind.UNPUBLISH, actor=actor, reason=reason)
    _announce(ids)
    return changed


@transaction.atomic
def webtoons_archive(*, webtoons: QuerySet[Webtoon], actor=None, reason: str = "") -> int:
    """Any state but generating → archived (and off the reader)."""
    ids = list(
        webtoons.exclude(status__in=[WebtoonStatus.ARCHIVED, WebtoonStatus.GENERATING]).values_list("pk", flat=True)
    )
    changed = states.webtoon_archive(webtoon_ids=ids, moderation_hold=True)
    _log(ids, action=ModerationActionKind.ARCHIVE, actor=actor, reason=reason)
    _announce(ids)
    return changed


@transaction.atomic
def webtoons_set_flag(*, webtoons: QuerySet[Webtoon], is_flagged: bool, actor=None, reason: str = "") -> int:
    """Hold (or release) webtoons for review; a flagged webtoon is hidden from the public reader.

    Flagging sets the moderation hold; clearing the flag is a staff decision, so it lifts it too.
    """
    ids = list(webtoons.exclude(is_flagged=is_flagged).values_list("pk", flat=True))
    changed = Webtoon.objects.filter(pk__in=ids).update(is_flagged=is_flagged, moderation_hold=is_flagged)
    kind = ModerationActionKind.FLAG if is_flagged else ModerationActionKind.UNFLAG
    _log(ids, action=kind, actor=actor, reason=reason)
    _announce(ids)
    return changed


@transaction.atomic
def webtoons_lift_hold(*, webtoons: QuerySet[Webtoon], actor=None, reason: str = "") -> int:
    """Undo what moderation set: clear the hold and the flag, and bring an archived webtoon back to
    completed; the owner may then publish it again (nothing is published by this)."""
    ids = list(webtoons.filter(Q(moderation_hold=True) | Q(is_flagged=True)).values_list("pk", flat=True))
    states.webtoon_restore(webtoon_ids=ids)
    changed = Webtoon.objects.filter(pk__in=ids).update(moderation_hold=False, is_flagged=False)
    _log(ids, action=ModerationActionKind.LIFT_HOLD, actor=actor, reason=reason)
    _announce(ids)
    return changed
