"""Writes to characters: create, change (with reference image replacement) and delete.

A character's name is unique within its project regardless of case (MariaDB's collation compares
names case-insensitively, so the rule is made the same on every database here).
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction

from characters.models import Character, CharacterRole
from projects.models import Project
from sketchdojo.storage import files_delete_on_commit

UPDATABLE_FIELDS = frozenset({"name", "role", "description", "appearance", "personality", "seed", "reference_image"})
_NESTED_FIELDS = ("appearance", "personality")


def _name_taken_error(name: str) -> ValidationError:
    return ValidationError({"name": [f"This project already has a character named {name!r}."]})


def _ensure_name_free(*, project: Project, name: str, exclude_id=None) -> None:
    taken = Character.objects.filter(project=project, name__iexact=name)
    if exclude_id is not None:
        taken = taken.exclude(pk=exclude_id)
    if taken.exists():
        raise _name_taken_error(name)


def _save(character: Character, **kwargs) -> None:
    try:
        with transaction.atomic():
            character.save(**kwargs)
    except IntegrityError as exc:  # a concurrent request took the name between the check and the write
        raise _name_taken_error(character.name) from exc


@transaction.atomic
def character_create(
    *,
    project: Project,
    name: str,
    role: str = CharacterRole.SUPPORTING,
    description: str = "",
    appearance: dict[str, Any] | None = None,
    personality: dict[str, Any] | None = None,
    reference_image: UploadedFile | None = None,
    seed: int | None = None,
) -> Character:
    """A new character in `project`; ValidationError naming `name` if the project already has one so named."""
    _ensure_name_free(project=project, name=name)
    character = Character(
        project=project,
        name=name,
        role=role,
        description=description,
        appearance=appearance or {},
        personality=personality or {},
    )
    if reference_image is not None:
        character.reference_image = reference_image
    if seed is not None:
        character.seed = seed
    _save(character)
    return character


@transaction.atomic
def character_update(*, character: Character, data: dict[str, Any], merge_nested: bool = False) -> Character:
    """Set the given fields; `reference_image=None` removes the image.

    With `merge_nested` (PATCH), keys given for appearance/personality are merged into the stored
    ones; otherwise (PUT) the given object replaces the stored one. A replaced or removed image file
    is deleted from storage after commit.
    """
    unknown = set(data) - UPDATABLE_FIELDS
    if unknown:
        raise ValueError(f"Not updatable character fields: {sorted(unknown)}")
    if "name" in data:
        _ensure_name_free(project=character.project, name=data["name"], exclude_id=character.pk)

    old_image = character.reference_image.name if character.reference_image else ""
    for field, value in data.items():
        if field in _NESTED_FIELDS and merge_nested:
            value = {**getattr(character, field), **value}
        if field == "reference_image" and value is None:
            value = ""
        setattr(character, field, value)
    _save(character)

    new_image = character.reference_image.name if character.reference_image else ""
    if old_image and old_image != new_image:
        files_delete_on_commit(names=[old_image])
    return character


@transaction.atomic
def character_delete(*, character: Character) -> None:
    """Delete the character and, after commit, its reference image file."""
    image = character.reference_image.name if character.reference_image else ""
    character.delete()
    if image:
        files_delete_on_commit(names=[image])
