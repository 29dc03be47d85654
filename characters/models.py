"""Characters: the cast of a project, described once and drawn the same in every panel."""

import random
import uuid

from django.core.validators import MaxValueValidator
from django.db import models

from characters.images import reference_image_path, validate_reference_image
from sketchdojo.engine.providers.prompts import MAX_SEED
from sketchdojo.listcache import OwnedModel


def new_character_seed() -> int:
    """A fresh seed for a new character (rows that existed before seeds got one derived from their id)."""
    return random.SystemRandom().randrange(MAX_SEED + 1)


class CharacterRole(models.TextChoices):
    PROTAGONIST = "protagonist"
    ANTAGONIST = "antagonist"
    SUPPORTING = "supporting"
    BACKGROUND = "background"


class Character(OwnedModel):
    """A named character of a project with structured appearance and personality."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="characters")
    list_owner = "project__user"  # the user whose lists show this row (sketchdojo.listcache)
    name = models.CharField(max_length=100)
    role = models.CharField(max_length=20, choices=CharacterRole.choices, default=CharacterRole.SUPPORTING)
    description = models.TextField(blank=True, default="")
    # Shapes are fixed by characters.serializers.AppearanceSerializer / PersonalitySerializer.
    appearance = models.JSONField(default=dict, blank=True)
    personality = models.JSONField(default=dict, blank=True)
    reference_image = models.ImageField(
        upload_to=reference_image_path, blank=True, validators=[validate_reference_image], max_length=200
    )
    seed = models.PositiveBigIntegerField(
        default=new_character_seed,
        validators=[MaxValueValidator(MAX_SEED)],
        help_text="The character's one image seed: panels derive theirs from the seeds of the characters in them.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="character_name_unique_in_project"),
        ]

    def __str__(self) -> str:
        return self.name
