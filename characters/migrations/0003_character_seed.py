"""Every character gets one stored image seed.

Rows that exist get a seed derived from their id (deterministic: the same database migrated twice
gives the same seeds, and nothing else on the row changes); new rows get a random one.
"""

import hashlib

import django.core.validators
from django.db import migrations, models

import characters.models


def character_seed(key: str) -> int:
    """sketchdojo.engine.providers.prompts.character_seed as it was when this migration was written."""
    digest = hashlib.sha256(f"character\x1f{key}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def derive_seeds(apps, schema_editor):
    Character = apps.get_model("characters", "Character")
    for character in Character.objects.filter(seed__isnull=True).only("pk").iterator():
        Character.objects.filter(pk=character.pk).update(seed=character_seed(str(character.pk)))


class Migration(migrations.Migration):
    dependencies = [
        ("characters", "0002_reference_image_checks"),
    ]

    operations = [
        migrations.AddField(
            model_name="character",
            name="seed",
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.RunPython(derive_seeds, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="character",
            name="seed",
            field=models.PositiveBigIntegerField(
                default=characters.models.new_character_seed,
                help_text="The character's one image seed: panels derive theirs from the seeds of the characters in them.",
                validators=[django.core.validators.MaxValueValidator(4294967295)],
            ),
        ),
    ]
