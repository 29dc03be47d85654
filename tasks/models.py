"""Tasks: the user-visible generation jobs. The Task row is the truth; the broker is only a doorbell."""

import uuid

from django.conf import settings
from django.db import models

from sketchdojo.listcache import OwnedModel


class TaskType(models.TextChoices):
    WEBTOON_GENERATION = "webtoon_generation"
    PANEL_GENERATION = "panel_generation"
    # Builds one export file of a webtoon (webtoons.exports); calls no provider, outside the quota.
    WEBTOON_EXPORT = "webtoon_export"
    # Draws one character sheet (the character's reference image) with the image provider; counts in the quota.
    CHARACTER_SHEET = "character_sheet"


class TaskStatus(models.TextChoices):
    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


ACTIVE_STATUSES = (TaskStatus.PENDING, TaskStatus.RUNNING)
FINAL_STATUSES = (TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED)


class Task(OwnedModel):
    """A generation job (whole webtoon, or one panel redraw) and its progress.

    Workers claim it with a conditional update (pending → running), write progress and a heartbeat
    at every step, and finish it with conditional updates (`status=running`), so a cancelled task
    is never overwritten. `event_sequence` numbers the realtime events of the task (incremented
    with F()), so clients can drop stale updates. The reconciler re-queues running tasks whose
    heartbeat went stale, up to `max_recoveries`.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tasks")
    list_owner = "user"  # the user whose lists show this row (sketchdojo.listcache)
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="tasks", null=True, blank=True
    )
    webtoon = models.ForeignKey(
        "webtoons.Webtoon", on_delete=models.CASCADE, related_name="tasks", null=True, blank=True
    )
    panel = models.ForeignKey("panels.Panel", on_delete=models.SET_NULL, related_name="tasks", null=True, blank=True)
    task_type = models.CharField(max_length=30, choices=TaskType.choices)
    status = models.CharField(max_length=20, choices=TaskStatus.choices, default=TaskStatus.PENDING)
    progress = models.FloatField(default=0.0, help_text="0 to 100.")
    current_step = models.CharField(max_length=200, blank=True, default="")
    total_steps = models.PositiveIntegerField(default=0)
    input = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    error_message = models.TextField(blank=True, default="")
    celery_task_id = models.CharField(max_length=255, blank=True, default="")
    retry_count = models.PositiveIntegerField(default=0, help_text="Times the user asked to retry.")
    recovery_count = models.PositiveIntegerField(
        default=0, help_text="Times the reconciler re-queued the task after its worker went silent."
    )
    max_recoveries = models.PositiveIntegerField(default=3, help_text="Bound on recovery_count.")
    event_sequence = models.PositiveBigIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finish_queued_at = models.DateTimeField(
        null=True, blank=True, help_text="Set by the one panel job that queues the finish step (cleared on claim)."
    )
    estimated_duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    # NULL, not "", when absent: many keyless tasks must pass the unique (user, key) constraint on every
    # backend (MariaDB has no partial index).
    idempotency_key = models.CharField(  # noqa: DJ001
        max_length=255,
        null=True,
        blank=True,
        help_text="The request's Idempotency-Key header: one task per (user, key); freed after 24 h.",
    )
    request_fingerprint = models.CharField(
        max_length=64, blank=True, default="", help_text="SHA-256 of the request that carried the Idempotency-Key."
    )
    provider_calls = models.JSONField(default=list, blank=True, help_text="ProviderCall records (provider, kind, ...).")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="task_user_created_idx"),
            models.Index(fields=["user", "task_type", "created_at"], name="task_user_type_created_idx"),
            models.Index(fields=["status", "heartbeat_at"], name="task_status_heartbeat_idx"),
        ]
        constraints = [
            # NULL (no key) never collides; a plain (not partial) unique index works on every backend.
            models.UniqueConstraint(fields=["user", "idempotency_key"], name="task_user_idempotency_key_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.task_type} {self.id} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES
