"""Panels: one frame of a webtoon, its staging, dialogue, raw art and lettered art."""

import uuid

from django.db import models

from sketchdojo.engine import script
from sketchdojo.listcache import OwnedModel

# The engine's enum is the one list of shots; the model's choices are derived from it.
Shot = models.TextChoices("Shot", [(shot.name, shot.value) for shot in script.Shot], module=__name__)


class PanelStatus(models.TextChoices):
    PENDING = "pending"
    DRAWING = "drawing"
    DRAWN = "drawn"
    LETTERED = "lettered"
    FAILED = "failed"


class Panel(OwnedModel):
    """One panel of a webtoon.

    The artist's picture (`raw_image`, no text) is kept apart from the lettered picture (`image`),
    so editing dialogue re-letters from the raw art without asking the image provider again.
    `sequence_number` runs 1..n per webtoon with no holes; services keep it dense on reorder/delete.
    `version` goes up each time the lettered image changes (cache busting, optimistic UIs).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    webtoon = models.ForeignKey("webtoons.Webtoon", on_delete=models.CASCADE, related_name="panels")
    list_owner = "webtoon__project__user"  # the user whose lists show this row (sketchdojo.listcache)
    sequence_number = models.PositiveSmallIntegerField()
    scene_index = models.PositiveSmallIntegerField(default=0)
    location = models.CharField(max_length=200, blank=True, default="")
    time_of_day = models.CharField(max_length=20, blank=True, default="day")
    weather = models.CharField(max_length=20, blank=True, default="clear")
    mood = models.CharField(max_length=100, blank=True, default="")
    shot = models.CharField(max_length=20, choices=Shot.choices, default=Shot.MEDIUM)
    visual_description = models.TextField(blank=True, default="")
    characters_present = models.JSONField(
        default=list, blank=True, help_text="[{name, position, expression, action}] as staged by the planner."
    )
    speech_bubbles = models.JSONField(
        default=list,
        blank=True,
        help_text="[{speaker, character_id, text, style, position{x, y}, tail_direction}]",
    )
    visual_elements = models.JSONField(default=list, blank=True, help_text="[{element_type, text, position}]")
    raw_image = models.FileField(upload_to="panels/raw/%Y/%m/", blank=True)
    image = models.FileField(upload_to="panels/lettered/%Y/%m/", blank=True)
    status = models.CharField(max_length=20, choices=PanelStatus.choices, default=PanelStatus.PENDING)
    error_message = models.TextField(blank=True, default="")
    ai_prompt = models.TextField(blank=True, default="")
    generation_meta = models.JSONField(default=dict, blank=True, help_text="{provider, model, seed, latency_ms, ...}")
    seed = models.PositiveBigIntegerField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["webtoon", "sequence_number"]
        constraints = [
            models.UniqueConstraint(fields=["webtoon", "sequence_number"], name="panel_sequence_unique_in_webtoon"),
        ]
        indexes = [models.Index(fields=["webtoon", "status"], name="panel_webtoon_status_idx")]

    def __str__(self) -> str:
        return f"{self.webtoon_id} #{self.sequence_number}"

    @property
    def is_finished(self) -> bool:
        return self.status == PanelStatus.LETTERED
