"""Webtoons: the generated (or hand-made) comic of a project, its script, strip and publication state."""

import uuid

from django.db import models, transaction

from projects.models import ArtStyle, Project


class WebtoonStatus(models.TextChoices):
    PLANNING = "planning"
    GENERATING = "generating"
    COMPLETED = "completed"
    FAILED = "failed"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Webtoon(models.Model):
    """One webtoon of a project: the planned script, its panels (Panel rows), the composed strip.

    A project is a series and its webtoons are its episodes: `episode_number` counts 1, 2, 3… per
    project in creation order, given once when the row is first saved (see `save`) and never reused.

    The owner is the project's user; every read goes through selectors that scope on
    `project__user`. `is_flagged` lets staff hide a published webtoon from the reader pending review;
    `moderation_hold` records that a moderator acted, so only staff can undo it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="webtoons")
    title = models.CharField(max_length=200, blank=True, default="")
    episode_number = models.PositiveIntegerField(
        editable=False, help_text="Its number in the project's series (1, 2, 3…), given on creation."
    )
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
        constraints = [
            models.UniqueConstraint(fields=["project", "episode_number"], name="webtoon_project_episode_unique")
        ]

    def __str__(self) -> str:
        return self.title or str(self.id)

    def save(self, *args, **kwargs):
        """A new webtoon takes the next episode number of its project.

        Here rather than in one service because webtoons are created by the API, the generation
        service, the commands, the admin and the test factories alike. The project row is locked for
        the count, so two webtoons created at once in one project never get the same number.
        """
        if self._state.adding and self.episode_number is None:
            with transaction.atomic(using=kwargs.get("using")):
                list(Project.objects.select_for_update().filter(pk=self.project_id).values_list("pk", flat=True))
                last = (
                    Webtoon.objects.filter(project_id=self.project_id)
                    .order_by("-episode_number")
                    .values_list("episode_number", flat=True)
                    .first()
                )
                self.episode_number = (last or 0) + 1
                return super().save(*args, **kwargs)
        return super().save(*args, **kwargs)
