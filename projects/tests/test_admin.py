"""Staff moderate projects in the admin: search, filters, the cast inline and the archive action."""

import pytest

from projects.models import Project
from projects.tests.factories import CharacterFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_project_changelist_finds_projects_by_owner_email_with_character_counts(admin_client):
    wanted = ProjectFactory(title="Storm")
    CharacterFactory.create_batch(2, project=wanted)
    ProjectFactory(title="Calm")

    response = admin_client.get("/admin/projects/project/", {"q": wanted.user.email})

    assert response.status_code == 200
    rows = list(response.context["cl"].queryset)
    assert rows == [wanted]
    assert rows[0].character_count == 2


def test_the_project_changelist_filters_by_art_style_and_status(admin_client):
    wanted = ProjectFactory(art_style="manga", status="completed")
    ProjectFactory(art_style="manga", status="draft")

    response = admin_client.get("/admin/projects/project/", {"art_style__exact": "manga", "status__exact": "completed"})

    assert list(response.context["cl"].queryset) == [wanted]


def test_the_project_change_page_shows_its_characters_inline(admin_client):
    character = CharacterFactory(name="Alex Thunder")

    response = admin_client.get(f"/admin/projects/project/{character.project_id}/change/")

    assert response.status_code == 200
    assert "Alex Thunder" in response.content.decode()


def test_the_archive_action_archives_the_selected_projects_only(admin_client):
    selected = ProjectFactory(status="in_progress")
    untouched = ProjectFactory(status="draft")

    response = admin_client.post(
        "/admin/projects/project/", {"action": "archive_selected", "_selected_action": [str(selected.pk)]}
    )

    assert response.status_code == 302
    assert Project.objects.get(pk=selected.pk).status == "archived"
    assert Project.objects.get(pk=untouched.pk).status == "draft"
