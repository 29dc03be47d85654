"""Staff moderation of webtoons: unpublish, archive, flag. Called by the admin actions.

Each action is one conditional UPDATE over the selected rows, then a realtime `webtoon_update` so
an owner with the studio open sees the change. Unpublishing or flagging takes the reader page
down at once (the reader only shows published, unflagged webtoons).
"""

from django.db import transaction
from django.db.models import QuerySet

from webtoons.generation import states
from webtoons.generation.events import publish_webtoon_update
from webtoons.models import Webtoon, WebtoonStatus


def _announce(ids: list) -> None:
    for webtoon in Webtoon.objects.filter(pk__in=ids).select_related("project"):
        publish_webtoon_update(webtoon)


@transaction.atomic
def webtoons_unpublish(*, webtoons: QuerySet[Webtoon]) -> int:
    """Published → completed; the public URL is withdrawn."""
    ids = list(webtoons.filter(status=WebtoonStatus.PUBLISHED).values_list("pk", flat=True))
    changed = states.webtoon_unpublish(webtoon_ids=ids)
    _announce(ids)
    return changed


@transaction.atomic
def webtoons_archive(*, webtoons: QuerySet[Webtoon]) -> int:
    """Any state but generating → archived (and off the reader)."""
    ids = list(
        webtoons.exclude(status__in=[WebtoonStatus.ARCHIVED, WebtoonStatus.GENERATING]).values_list("pk", flat=True)
    )
    changed = states.webtoon_archive(webtoon_ids=ids)
    _announce(ids)
    return changed


@transaction.atomic
def webtoons_set_flag(*, webtoons: QuerySet[Webtoon], is_flagged: bool) -> int:
    """Hold (or release) webtoons for review; a flagged webtoon is hidden from the public reader."""
    ids = list(webtoons.exclude(is_flagged=is_flagged).values_list("pk", flat=True))
    changed = Webtoon.objects.filter(pk__in=ids).update(is_flagged=is_flagged)
    _announce(ids)
    return changed
