"""The project selectors decide ownership: another user's project is not found."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from accounts.tests.factories import UserFactory
from projects.selectors import project_get, project_list
from projects.tests.factories import CharacterFactory, ProjectFactory
from webtoons.models import Webtoon

pytestmark = pytest.mark.django_db


def test_project_get_returns_the_users_project_with_its_character_and_webtoon_counts():
    project = ProjectFactory()
    CharacterFactory.create_batch(2, project=project)
    Webtoon.objects.create(project=project)

    found = project_get(user=project.user, project_id=project.id)

    assert found == project
    assert (found.character_count, found.webtoon_count) == (2, 1)


def test_project_get_accepts_the_id_as_a_string():
    project = ProjectFactory()

    assert project_get(user=project.user, project_id=str(project.id)) == project


@pytest.mark.parametrize("project_id", [uuid.uuid4(), "not-a-uuid", "", None])
def test_project_get_raises_404_for_a_missing_or_malformed_id(project_id):
    user = UserFactory()

    with pytest.raises(Http404):
        project_get(user=user, project_id=project_id)


def test_project_get_raises_404_for_another_users_project():
    project = ProjectFactory()

    with pytest.raises(Http404):
        project_get(user=UserFactory(), project_id=project.id)


def test_project_list_holds_only_the_users_projects_newest_first_with_counts():
    user = UserFactory()
    older = ProjectFactory(user=user)
    newer = ProjectFactory(user=user)
    CharacterFactory(project=older)
    ProjectFactory()

    projects = list(project_list(user=user))

    assert projects == [newer, older]
    assert [p.character_count for p in projects] == [0, 1]


def test_project_list_filters_by_status_and_art_style():
    user = UserFactory()
    manga_draft = ProjectFactory(user=user, art_style="manga", status="draft")
    ProjectFactory(user=user, art_style="manga", status="completed")
    ProjectFactory(user=user, art_style="webtoon", status="draft")

    assert list(project_list(user=user, filters={"status": "draft", "art_style": "manga"})) == [manga_draft]


def test_project_list_rejects_an_unknown_status_filter_naming_it():
    with pytest.raises(ValidationError) as excinfo:
        project_list(user=UserFactory(), filters={"status": "done"})

    assert list(excinfo.value.message_dict) == ["status"]
