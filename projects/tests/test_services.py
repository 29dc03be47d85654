"""Project services: drafts on create, partial updates that save only what changed, archiving."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import UserFactory
from projects.models import Project
from projects.services import project_create, project_update, projects_archive
from projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_project_create_makes_a_draft_with_an_empty_palette_by_default():
    user = UserFactory()

    project = project_create(user=user, title="Storm")

    assert (project.user, project.status, project.color_palette, project.target_panels) == (user, "draft", [], 6)


def _updates(queries) -> list[str]:
    return [query["sql"] for query in queries.captured_queries if query["sql"].startswith("UPDATE")]


def test_project_update_saves_only_the_changed_fields():
    project = ProjectFactory(title="Same", target_panels=4)

    with CaptureQueriesContext(connection) as queries:
        project_update(project=project, data={"title": "Same", "target_panels": 9})

    [update] = _updates(queries)
    assert "target_panels" in update
    assert "title" not in update
    fresh = Project.objects.get(pk=project.pk)
    assert (fresh.title, fresh.target_panels) == ("Same", 9)


def test_project_update_without_changes_writes_nothing():
    project = ProjectFactory(title="Same")

    with CaptureQueriesContext(connection) as queries:
        project_update(project=project, data={"title": "Same"})

    assert _updates(queries) == []


def test_project_update_refuses_fields_that_are_not_editable():
    project = ProjectFactory()

    with pytest.raises(ValueError, match="user"):
        project_update(project=project, data={"user": UserFactory()})


def test_projects_archive_counts_only_projects_it_changed():
    archived = ProjectFactory(status="archived")
    active = ProjectFactory(status="in_progress")

    changed = projects_archive(projects=[archived, active])

    assert changed == 1
    assert Project.objects.get(pk=active.pk).status == "archived"
