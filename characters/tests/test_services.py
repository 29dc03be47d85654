"""Character services: unique names per project (any case), nested merge on PATCH, replace on PUT."""

import pytest
from django.core.exceptions import ValidationError

from characters.models import Character
from characters.services import character_create, character_update
from projects.tests.factories import CharacterFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_character_create_refuses_a_name_taken_in_the_project_in_any_case():
    existing = CharacterFactory(name="Mira")

    with pytest.raises(ValidationError) as excinfo:
        character_create(project=existing.project, name="MIRA")

    assert list(excinfo.value.message_dict) == ["name"]
    assert Character.objects.count() == 1


def test_a_name_taken_by_a_concurrent_insert_is_reported_on_name_not_as_a_500(monkeypatch):
    existing = CharacterFactory(name="Mira")
    # The check passes (as when the other request commits between check and insert); the constraint catches it.
    monkeypatch.setattr("characters.services._ensure_name_free", lambda **kwargs: None)

    with pytest.raises(ValidationError) as excinfo:
        character_create(project=existing.project, name="Mira")

    assert list(excinfo.value.message_dict) == ["name"]
    assert Character.objects.count() == 1


def test_character_update_merges_nested_objects_when_asked():
    character = CharacterFactory(personality={"traits": ["brave"], "speech_style": "confident"})

    character_update(character=character, data={"personality": {"speech_style": "terse"}}, merge_nested=True)

    assert Character.objects.get(pk=character.pk).personality == {"traits": ["brave"], "speech_style": "terse"}


def test_character_update_replaces_nested_objects_by_default():
    character = CharacterFactory(personality={"traits": ["brave"], "speech_style": "confident"})

    character_update(character=character, data={"personality": {"speech_style": "terse"}})

    assert Character.objects.get(pk=character.pk).personality == {"speech_style": "terse"}


def test_character_update_refuses_moving_a_character_to_another_project():
    character = CharacterFactory()

    with pytest.raises(ValueError, match="project"):
        character_update(character=character, data={"project": ProjectFactory()})
