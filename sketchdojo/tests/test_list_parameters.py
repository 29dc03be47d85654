"""Every list of the API: `?search=`, `?ordering=` and its FilterSet work, and refuse bad input with a 400."""

import pytest

from characters.models import CharacterRole
from panels.models import PanelStatus
from projects.tests.factories import CharacterFactory, ProjectFactory
from tasks.models import TaskStatus
from webtoons.models import WebtoonStatus
from webtoons.tests.factories import PanelFactory, TaskFactory, WebtoonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(user, other_user):
    """Two projects, their casts, webtoons in several states with panels, and tasks; plus another user's."""
    storm = ProjectFactory(user=user, title="Storm Mage", description="lightning")
    quiet = ProjectFactory(user=user, title="Quiet Garden", description="tea")
    ProjectFactory(user=other_user, title="Storm of Someone Else")
    CharacterFactory(project=storm, name="Alex Thunder", role=CharacterRole.PROTAGONIST)
    CharacterFactory(project=storm, name="Shade", role=CharacterRole.ANTAGONIST, description="a shadow")
    published = WebtoonFactory(project=storm, title="Chapter 1", status=WebtoonStatus.PUBLISHED)
    WebtoonFactory(project=storm, title="Chapter 2", status=WebtoonStatus.COMPLETED)
    WebtoonFactory(project=quiet, title="Tea time", status=WebtoonStatus.PLANNING)
    WebtoonFactory(project=ProjectFactory(user=other_user), status=WebtoonStatus.PUBLISHED)
    PanelFactory(webtoon=published, sequence_number=1, visual_description="Alex in the rain", status=PanelStatus.DRAWN)
    PanelFactory(webtoon=published, sequence_number=2, visual_description="A shadow rises", status=PanelStatus.FAILED)
    TaskFactory(webtoon=published, status=TaskStatus.COMPLETED, current_step="Done")
    TaskFactory(webtoon=published, status=TaskStatus.FAILED, current_step="Drawing panel 2 of 2")
    return {"storm": storm, "quiet": quiet, "published": published}


def _titles(response, key="title"):
    assert response.status_code == 200, response.content
    return [item[key] for item in response.json()["items"]]


def test_published_webtoons_are_only_the_published_ones(auth_client, world):
    assert _titles(auth_client.get("/api/v1/webtoons?status=published")) == ["Chapter 1"]


def test_webtoons_filter_by_project_and_search_and_order(auth_client, world):
    storm = world["storm"].pk

    assert _titles(auth_client.get(f"/api/v1/webtoons?project_id={storm}&ordering=title")) == ["Chapter 1", "Chapter 2"]
    assert _titles(auth_client.get("/api/v1/webtoons?search=tea")) == ["Tea time"]
    assert _titles(auth_client.get("/api/v1/webtoons?ordering=-title")) == ["Tea time", "Chapter 2", "Chapter 1"]


def test_projects_search_title_and_description_and_order(auth_client, world):
    assert _titles(auth_client.get("/api/v1/projects?search=storm")) == ["Storm Mage"]
    assert _titles(auth_client.get("/api/v1/projects?search=TEA")) == ["Quiet Garden"]
    assert _titles(auth_client.get("/api/v1/projects?ordering=title")) == ["Quiet Garden", "Storm Mage"]
    assert _titles(auth_client.get("/api/v1/projects?ordering=-title")) == ["Storm Mage", "Quiet Garden"]


def test_characters_of_a_project_filter_by_role_and_search(auth_client, world):
    url = f"/api/v1/characters/project/{world['storm'].pk}"

    assert _titles(auth_client.get(f"{url}?role=antagonist"), "name") == ["Shade"]
    assert _titles(auth_client.get(f"{url}?search=thunder"), "name") == ["Alex Thunder"]
    assert _titles(auth_client.get(f"{url}?ordering=-name"), "name") == ["Shade", "Alex Thunder"]


def test_panels_of_a_webtoon_filter_by_status_and_search(auth_client, world):
    url = f"/api/v1/panels/webtoon/{world['published'].pk}"

    assert _titles(auth_client.get(f"{url}?status=failed"), "sequence_number") == [2]
    assert _titles(auth_client.get(f"{url}?search=rain"), "sequence_number") == [1]
    assert _titles(auth_client.get(f"{url}?ordering=-sequence_number"), "sequence_number") == [2, 1]


def test_tasks_filter_by_status_and_search(auth_client, world):
    assert _titles(auth_client.get("/api/v1/tasks?status=failed"), "current_step") == ["Drawing panel 2 of 2"]
    assert _titles(auth_client.get("/api/v1/tasks?search=done"), "current_step") == ["Done"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/projects?ordering=user",
        "/api/v1/webtoons?ordering=title,-password",
        "/api/v1/tasks?ordering=input",
    ],
)
def test_an_unknown_ordering_field_is_a_400_naming_the_valid_ones(auth_client, world, url):
    response = auth_client.get(url)

    body = response.json()
    assert response.status_code == 400
    assert body["error"] == "validation_error"
    assert set(body["details"]) == {"ordering"}
    assert "use one of:" in body["details"]["ordering"][0]


def test_an_unknown_ordering_field_on_a_nested_list_is_a_400(auth_client, world):
    response = auth_client.get(f"/api/v1/characters/project/{world['storm'].pk}?ordering=appearance")

    assert response.status_code == 400
    assert response.json()["details"]["ordering"] == ["Cannot order by appearance; use one of: created_at, name, role."]


@pytest.mark.parametrize(
    "url, field",
    [
        ("/api/v1/webtoons?status=done", "status"),
        ("/api/v1/webtoons?project_id=not-a-uuid", "project_id"),
        ("/api/v1/projects?art_style=oil", "art_style"),
        ("/api/v1/tasks?task_type=dream", "task_type"),
    ],
)
def test_a_bad_filter_value_is_a_400_naming_the_field(auth_client, world, url, field):
    response = auth_client.get(url)

    assert response.status_code == 400
    assert set(response.json()["details"]) == {field}


def test_search_never_reaches_another_users_objects(auth_client, world):
    assert _titles(auth_client.get("/api/v1/projects?search=someone")) == []


def test_pages_link_to_their_neighbours_keeping_the_other_parameters(auth_client, world):
    first = auth_client.get("/api/v1/webtoons?ordering=title&size=1").json()
    second = auth_client.get(first["next"]).json()

    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/webtoons?ordering=title&page=2&size=1"
    assert [item["title"] for item in second["items"]] == ["Chapter 2"]
    assert second["previous"] == "http://testserver/api/v1/webtoons?ordering=title&page=1&size=1"
    assert second["next"] == "http://testserver/api/v1/webtoons?ordering=title&page=3&size=1"


def test_all_your_characters_list_filters_by_project(auth_client, world):
    everyone = _titles(auth_client.get("/api/v1/characters?ordering=name"), "name")
    quiet = _titles(auth_client.get(f"/api/v1/characters?project_id={world['quiet'].pk}"), "name")

    assert everyone == ["Alex Thunder", "Shade"]
    assert quiet == []


def test_all_your_panels_list_filters_by_webtoon_and_status(auth_client, world, other_user):
    PanelFactory(webtoon=WebtoonFactory(project=ProjectFactory(user=other_user)), sequence_number=1)
    published = world["published"].pk

    assert _titles(auth_client.get("/api/v1/panels"), "sequence_number") == [1, 2]
    assert _titles(auth_client.get(f"/api/v1/panels?webtoon_id={published}&status=drawn"), "sequence_number") == [1]


@pytest.mark.parametrize(
    "url, factory",
    [
        ("/api/v1/characters", lambda project: CharacterFactory(project=project)),
        ("/api/v1/panels", lambda project: PanelFactory(webtoon=WebtoonFactory(project=project), sequence_number=1)),
        ("/api/v1/webtoons", lambda project: WebtoonFactory(project=project)),
    ],
)
def test_a_list_costs_the_same_queries_for_one_row_or_five(auth_client, user, url, factory):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    project = ProjectFactory(user=user)
    factory(project)
    auth_client.get("/api/v1/auth/me")  # the token's user is remembered from now on: both pages alike
    with CaptureQueriesContext(connection) as one:
        assert auth_client.get(url).json()["total"] == 1
    for _ in range(4):
        factory(project)
    with CaptureQueriesContext(connection) as five:
        assert auth_client.get(url).json()["total"] == 5

    assert len(five.captured_queries) == len(one.captured_queries)
