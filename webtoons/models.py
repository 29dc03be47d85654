"""Webtoons: the generated (or hand-made) comic of a project, its script, strip and publication state."""

import uuid

from django.db import models, transaction

from projects.models import ArtStyle, Project
from sketchdojo.listcache import OwnedModel


class WebtoonStatus(models.TextChoices):
    PLANNING = "planning"
    GENERATING = "generating"
    COMPLETED = "completed"
    FAILED = "failed"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Webtoon(OwnedModel):
    """One webtoon of a project: the planned script, its panels (Panel rows), the composed strip.

    A project is a series and its webtoons are its episodes: `episode_number` counts 1, 2, 3… per
    project in creation order, given once when the row is first saved (see `save`) and never reused.

    The owner is the project's user; every read goes through selectors that scope on
    `project__user`. `is_flagged` lets staff hide a published webtoon from the reader pending review;
    `moderation_hold` records that a moderator acted, so only staff can undo it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="webtoons")
    list_owner = "project__user"  # the user whose lists show this row (sketchdojo.listcache)
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


class Translation(models.Model):
    """The webtoon's bubble texts in another language (issue 17).

    `texts` is `{"<panel id>": {"<bubble index>": "<text>"}}`, the indexes of each panel's
    `speech_bubbles`; a bubble left out (or blank) keeps its original text. The panels lettered in
    this language (same raw art, these texts) are the `PanelTranslation` rows.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    webtoon = models.ForeignKey(Webtoon, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=35, help_text="BCP 47 tag, normalised (es, pt-BR, zh-Hant).")
    texts = models.JSONField(default=dict, blank=True, help_text='{"<panel id>": {"<bubble index>": "<text>"}}')
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["webtoon", "language"], name="translation_language_unique_in_webtoon"),
        ]

    def __str__(self) -> str:
        return f"{self.webtoon_id} [{self.language}]"


class PanelTranslation(models.Model):
    """One panel lettered in a translation's language: the panel's raw art, the translated bubbles.

    `source` is a hash of everything the lettering was made from (the raw art's file name, the
    original bubbles, the translated texts, the SFX): when the panel is redrawn or its dialogue edited
    the hash no longer matches, the translation of that panel is stale, and the next save letters it
    again (an unchanged panel is not lettered twice). `raw_image` is the name of the raw art it was
    lettered on: once the panel is redrawn, readers see the new art (in the original language)
    rather than the old art in this one.
    """

    translation = models.ForeignKey(Translation, on_delete=models.CASCADE, related_name="panel_letterings")
    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="translations")
    speech_bubbles = models.JSONField(default=list, blank=True, help_text="The translated bubbles as placed.")
    image = models.FileField(upload_to="panels/translated/%Y/%m/", blank=True)
    source = models.CharField(max_length=64, blank=True, default="")
    raw_image = models.CharField(max_length=255, blank=True, default="")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["translation", "panel"], name="panel_translation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.panel_id} [{self.translation_id}]"
