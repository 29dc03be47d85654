"""The moderation log: every staff action on a user or a webtoon, with its reason (ModerationAction).

The moderation services (accounts.services.user_set_active, webtoons.moderation) call
`moderation_actions_record` in the same transaction as the change, for the objects it changed.
"""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models

from accounts.models import ModerationAction, ModerationActionKind


def moderation_actions_record(
    *, actor, action: ModerationActionKind, reason: str, targets: Iterable[models.Model]
) -> list[ModerationAction]:
    """One log row per target; `actor` None when no staff member acted (a command, the system)."""
    rows = [
        ModerationAction(
            actor=actor if getattr(actor, "pk", None) else None,
            target_type=ContentType.objects.get_for_model(target),
            target_id=str(target.pk),
            target_repr=str(target)[:200],
            action=action,
            reason=(reason or "").strip(),
        )
        for target in targets
    ]
    return ModerationAction.objects.bulk_create(rows)
