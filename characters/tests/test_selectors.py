"""The character selectors reach characters only through projects the user owns."""

import uuid

import pytest
from django.http import Http404

from accounts.tests.factories import UserFactory
from characters.selectors import character_get, character_list_for_project
from projects.tests.factories import CharacterFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_character_get_returns_a_character_of_the_users_project():
    character = CharacterFactory()

    assert character_get(user=character.project.user, character_id=str(character.id)) == character


@pytest.mark.parametrize("character_id", [uuid.uuid4(), "nope", None])
def test_character_get_raises_404_for_a_missing_or_malformed_id(character_id):
    with pytest.raises(Http404):
        character_get(user=UserFactory(), character_id=character_id)


def test_character_get_raises_404_for_a_character_of_another_users_project():
    character = CharacterFactory()

    with pytest.raises(Http404):
        character_get(user=UserFactory(), character_id=character.id)


def test_character_list_for_project_holds_only_that_projects_cast_in_creation_order():
    project = ProjectFactory()
    first = CharacterFactory(project=project)
    second = CharacterFactory(project=project)
    CharacterFactory()

    assert list(character_list_for_project(project=project)) == [first, second]
