"""Webtoons: the generated (or hand-made) comic of a project, its script, strip and publication state."""

import uuid

from django.db import models

from projects.models import ArtStyle


class WebtoonStatus(models.TextChoices):
    PLANNING = "planning"
    GENERATING = "generating"
    COMPLETED = "completed"
    FAILED = "failed"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Webtoon(models.Model):
    """One webtoon of a project: the planned script, its panels (Panel rows), the composed strip.

    The owner is the project's user; every read goes through selectors that scope on
    `project__user`. `is_flagged` lets staff hide a published webtoon from the reader pending review;
    `moderation_hold` records that a moderator acted, so only staff can undo it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="webtoons")
    title = models.CharField(max_length=200, blank=True, default="")
    description = models.TextField(blank=True, default="")
    status = models.CharField(max_length=20, choices=WebtoonStatus.choices, default=WebtoonStatus.PLANNING)
    script = models.JSONField(default=dict, blank=True, help_text="The validated story Script the panels came from.")
    style = models.CharField(max_length=20, choices=ArtStyle.choices, default=ArtStyle.WEBTOON)
    summary = models.TextField(blank=True, default="")
    language = models.CharField(
        max_length=35, default="en", help_text="BCP 47 tag of the story's language, from the script."
    )
    thumbnail = models.ImageField(upload_to="webtoons/thumbnails/%Y/%m/", blank=True)
    strip = models.FileField(upload_to="webtoons/strips/%Y/%m/", blank=True)
    published_url = models.URLField(max_length=500, blank=True, default="")
    published_at = models.DateTimeField(null=True, blank=True)
    published_panels = models.JSONField(
        default=list,
        blank=True,
        help_text="The revision the reader shows: [{panel_id, number, image}], copies of the lettered art made "
        "at (re)publish time, so edits wait in the draft until the owner republishes.",
    )
    origin = models.CharField(
        max_length=200,
        blank=True,
        default="",
        help_text="Scheme and host of the request that created or last generated it: media URLs in realtime events "
        "are made absolute with it when PUBLIC_BASE_URL is not set.",
    )
    is_flagged = models.BooleanField(default=False, help_text="Held for moderation: hidden from the public reader.")
    moderation_hold = models.BooleanField(
        default=False,
        help_text="Set when staff unpublish, archive or flag it: the owner cannot publish it again until staff "
        "lift the hold.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["project", "-created_at"], name="webtoon_project_created_idx"),
            models.Index(fields=["status"], name="webtoon_status_idx"),
        ]

    def __str__(self) -> str:
        return self.title or str(self.id)
