"""The monthly generation quota: each user may start `generation_quota` webtoon generations a month."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone

from sketchdojo.errors import QuotaExceeded
from tasks.selectors import generations_this_month, month_start


def next_month(now):
    """The first instant of the month after `now` (when the quota resets)."""
    start = month_start(now)
    return start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)


def quota_claim(*, user) -> None:
    """Lock the user's row (one generation request per user at a time passes) and check the quota.

    Call inside the transaction that creates the generation task. QuotaExceeded when it is used up.
    """
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    quota = user.generation_quota
    used = generations_this_month(user=user)
    if used >= quota:
        resets = next_month(timezone.now())
        raise QuotaExceeded(
            f"You have used all {quota} webtoon generations of this month; the quota resets on "
            f"{resets.date().isoformat()}.",
            limit=quota,
            used=used,
            details={"resets_at": resets.isoformat()},
        )
