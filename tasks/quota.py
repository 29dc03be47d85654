"""The monthly generation quota: every task that calls a provider (a webtoon generation or a panel redraw) counts.

`quota_check` is called inside the transaction that creates the task, after it locked the user's row,
so two parallel requests of one user cannot both pass the last free slot.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from sketchdojo.errors import QuotaExceeded
from tasks.selectors import generations_this_month, month_start


def next_quota_reset(now: datetime | None = None) -> datetime:
    """The first instant of next month (UTC): when the monthly count starts again."""
    start = month_start(now)
    return start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)


def user_lock(*, user) -> None:
    """Lock the user's row until the transaction ends: one generation request per user at a time."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def quota_check(*, user) -> None:
    """QuotaExceeded (429, Retry-After until the reset) when the user has no generation left this month."""
    quota = user.generation_quota
    used = generations_this_month(user=user)
    if used < quota:
        return
    now = timezone.now()
    resets = next_quota_reset(now)
    raise QuotaExceeded(
        f"You have used all {quota} generations (webtoons and panel redraws) of this month; the quota resets on "
        f"{resets.date().isoformat()}.",
        limit=quota,
        used=used,
        retry_after=(resets - now).total_seconds(),
        details={"resets_at": resets.isoformat()},
    )
