"""Users of SketchDojo: the creators who own projects, characters, webtoons and tasks."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models.functions import Lower


class User(AbstractUser):
    """A creator. Email and username are unique regardless of case; either one signs in."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField("email address", unique=True)
    is_verified = models.BooleanField(default=False)
    monthly_generation_quota = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Webtoon generations allowed per calendar month; empty means the site default.",
    )

    objects = UserManager()

    REQUIRED_FIELDS = ["email"]

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.UniqueConstraint(Lower("username"), name="accounts_user_username_ci_unique"),
        ]

    @classmethod
    def check(cls, **kwargs):
        # MariaDB/MySQL cannot index expressions, so Django skips the Lower() constraints there
        # and warns (models.W044). That is expected: on those databases the plain unique indexes
        # of `email` and `username` already compare case-insensitively, because the tables use
        # a utf8mb4 *_ci collation (the server default, and the test database's). The
        # services check uniqueness with iexact on every database as well.
        return [error for error in super().check(**kwargs) if error.id != "models.W044"]

    @property
    def generation_quota(self) -> int:
        if self.monthly_generation_quota is None:
            return settings.MONTHLY_GENERATION_QUOTA
        return self.monthly_generation_quota


class Revocation(models.Model):
    """A revoked token id (`jti:<id>`) or refresh-token family (`fam:<id>`), kept until it expires.

    Used when there is no Redis, so that revocations survive a restart of the embedded default;
    with Redis the cache holds them (see accounts.revocation).
    """

    key = models.CharField(max_length=80, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.key


class ModerationActionKind(models.TextChoices):
    FLAG = "flag", "Flag for review"
    UNFLAG = "unflag", "Clear the flag"
    UNPUBLISH = "unpublish", "Unpublish"
    ARCHIVE = "archive", "Archive"
    LIFT_HOLD = "lift_hold", "Lift the moderation hold"
    SUSPEND = "suspend", "Suspend"
    REACTIVATE = "reactivate", "Reactivate"


class ModerationAction(models.Model):
    """One staff decision on one object (a webtoon flagged, a user suspended, ...): who, what, why, when.

    Written by the moderation services for each object the action changed, never edited: the admin
    shows the log read-only. `target_repr` keeps a readable name after the target is deleted.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_actions",
        help_text="The staff member; empty when a command or the system acted.",
    )
    target_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT)
    target_id = models.CharField(max_length=64)
    target = GenericForeignKey("target_type", "target_id")
    target_repr = models.CharField(max_length=200)
    action = models.CharField(max_length=20, choices=ModerationActionKind.choices)
    reason = models.TextField(blank=True, default="")
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "-at"], name="moderation_target_idx")]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.target_repr}"
