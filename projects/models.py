"""Projects: a creator's webtoon in the making, with its art style and outline."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from sketchdojo.engine import script
from sketchdojo.listcache import OwnedModel

# The engine's enum is the one list of styles; the model's choices are derived from it.
ArtStyle = models.TextChoices("ArtStyle", [(style.name, style.value) for style in script.ArtStyle], module=__name__)


class ProjectStatus(models.TextChoices):
    DRAFT = "draft"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    ARCHIVED = "archived"


class ColorScheme(models.TextChoices):
    """Named palettes a project may ask for instead of listing its own colours."""

    VIBRANT = "vibrant"
    PASTEL = "pastel"
    MONOCHROME = "monochrome"
    DARK = "dark"
    LIGHT = "light"
    WARM = "warm"
    COOL = "cool"
    MUTED = "muted"
    NEON = "neon"
    SEPIA = "sepia"
    EARTHY = "earthy"


MAX_PALETTE_COLOURS = 12


class Project(OwnedModel):
    """A creator's project: the style, outline and cast that its webtoons are generated from."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="projects")
    list_owner = "user"  # the user whose lists show this row (sketchdojo.listcache)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    art_style = models.CharField(max_length=20, choices=ArtStyle.choices, default=ArtStyle.WEBTOON)
    target_panels = models.PositiveSmallIntegerField(
        default=6, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    story_outline = models.TextField(blank=True, default="")
    # Either a ColorScheme name ("vibrant") or a list of up to MAX_PALETTE_COLOURS "#rrggbb" colours.
    color_palette = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "-created_at"], name="project_user_created_idx")]

    def __str__(self) -> str:
        return self.title


class SeriesMemory(models.Model):
    """The story memory of a project's series (a project is a series; its webtoons are episodes).

    `episodes`: one summary per finished episode, `[{episode_number, title, summary}]`; `characters`:
    each character's state, `[{name, location, knows: [..], relationships: {name: text}}]`. Both are
    in the shape of `sketchdojo.engine.series.StoryMemory`, written when an episode completes and
    editable by the creator (GET/PATCH /api/v1/projects/{id}/memory). Absent until the first write.
    """

    project = models.OneToOneField(Project, on_delete=models.CASCADE, primary_key=True, related_name="memory")
    episodes = models.JSONField(default=list, blank=True)
    characters = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "series memories"

    def __str__(self) -> str:
        return f"Memory of {self.project}"
