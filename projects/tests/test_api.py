"""The /api/v1/projects endpoints: the guide's examples, validation, ownership, paging and throttling."""

import uuid

import pytest

from characters.models import Character
from projects.models import Project
from projects.tests.factories import CharacterFactory, ProjectFactory
from webtoons.models import Webtoon

pytestmark = pytest.mark.django_db

GUIDE_CREATE_BODY = """{
    "title": "My Epic Webtoon",
    "description": "A story about heroes and villains",
    "art_style": "webtoon",
    "target_panels": 8,
    "story_outline": "A young hero discovers magical powers..."
  }"""


def _snapshot(project: Project) -> dict:
    return {
        field: getattr(Project.objects.get(pk=project.pk), field)
        for field in ("title", "description", "art_style", "target_panels", "story_outline", "color_palette", "status")
    }


def _assert_validation_error(response, field: str) -> None:
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == "error"
    assert body["error"] == "validation_error"
    assert field in body["details"]
    assert body["message"].startswith(field)


# --- create ------------------------------------------------------------------------------------


def test_the_guides_create_project_example_works_verbatim(auth_client, user):
    response = auth_client.post(
        "/api/v1/projects",
        data=GUIDE_CREATE_BODY,
        content_type="application/json",
    )

    assert response.status_code == 201
    body = response.json()
    project = Project.objects.get()
    assert body == {
        "id": str(project.id),
        "title": "My Epic Webtoon",
        "description": "A story about heroes and villains",
        "art_style": "webtoon",
        "target_panels": 8,
        "story_outline": "A young hero discovers magical powers...",
        "color_palette": [],
        "status": "draft",
        "character_count": 0,
        "webtoon_count": 0,
        "created_at": body["created_at"],
        "updated_at": body["updated_at"],
    }
    assert body["created_at"].endswith("Z")
    assert project.user == user


def test_creating_a_project_with_only_a_title_uses_the_defaults(auth_client):
    response = auth_client.post("/api/v1/projects", {"title": "Short"}, format="json")

    assert response.status_code == 201
    assert response.json()["target_panels"] == 6
    assert response.json()["art_style"] == "webtoon"
    assert response.json()["status"] == "draft"


def test_a_new_project_is_a_draft_even_if_the_client_asks_for_another_status(auth_client):
    response = auth_client.post("/api/v1/projects", {"title": "T", "status": "completed"}, format="json")

    assert response.status_code == 201
    assert Project.objects.get().status == "draft"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("vibrant", "vibrant"),
        (" Pastel ", "pastel"),
        ("monochrome", "monochrome"),
        ("dark", "dark"),
        (["#FF0000", "#00ff00"], ["#ff0000", "#00ff00"]),
        ([f"#0000{i:02x}" for i in range(12)], [f"#0000{i:02x}" for i in range(12)]),
        ([], []),
    ],
)
def test_color_palette_accepts_a_scheme_name_or_up_to_twelve_hex_colours(auth_client, given, stored):
    response = auth_client.post("/api/v1/projects", {"title": "T", "color_palette": given}, format="json")

    assert response.status_code == 201
    assert response.json()["color_palette"] == stored
    assert Project.objects.get().color_palette == stored


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "title"),
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "T", "art_style": "watercolor"}, "art_style"),
        ({"title": "T", "target_panels": 0}, "target_panels"),
        ({"title": "T", "target_panels": 21}, "target_panels"),
        ({"title": "T", "target_panels": "many"}, "target_panels"),
        ({"title": "T", "color_palette": "rainbow"}, "color_palette"),
        ({"title": "T", "color_palette": ["#fff"]}, "color_palette"),
        ({"title": "T", "color_palette": ["red"]}, "color_palette"),
        ({"title": "T", "color_palette": ["#000000"] * 13}, "color_palette"),
        ({"title": "T", "color_palette": 5}, "color_palette"),
        ({"title": "T", "color_palette": {"a": "#000000"}}, "color_palette"),
    ],
)
def test_invalid_project_input_is_a_400_naming_the_field_and_creates_nothing(auth_client, body, field):
    response = auth_client.post("/api/v1/projects", body, format="json")

    _assert_validation_error(response, field)
    assert Project.objects.count() == 0


def test_an_unknown_colour_scheme_error_lists_the_known_ones(auth_client):
    response = auth_client.post("/api/v1/projects", {"title": "T", "color_palette": "rainbow"}, format="json")

    assert response.json()["details"]["color_palette"] == [
        "Unknown colour scheme 'rainbow'; use one of: vibrant, pastel, monochrome, dark, light, warm, cool, "
        "muted, neon, sepia, earthy, or a list of '#rrggbb' colours."
    ]


def test_a_body_that_is_not_json_is_a_400_envelope(auth_client):
    response = auth_client.post("/api/v1/projects", data="{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["status"] == "error"
    assert Project.objects.count() == 0


def test_creating_a_project_anonymously_is_a_401_and_creates_nothing(api_client):
    response = api_client.post("/api/v1/projects", data=GUIDE_CREATE_BODY, content_type="application/json")

    assert response.status_code == 401
    assert response.json()["status"] == "error"
    assert response.json()["error"] == "not_authenticated"
    assert Project.objects.count() == 0


# --- list --------------------------------------------------------------------------------------


def test_the_list_holds_only_the_callers_projects_newest_first(auth_client, user, other_user):
    older = ProjectFactory(user=user)
    newer = ProjectFactory(user=user)
    CharacterFactory.create_batch(2, project=older)
    Webtoon.objects.create(project=older)
    Webtoon.objects.bulk_create([Webtoon(project=newer, episode_number=n) for n in (1, 2, 3)])
    ProjectFactory(user=other_user)

    response = auth_client.get("/api/v1/projects")

    assert response.status_code == 200
    body = response.json()
    assert [item["id"] for item in body["items"]] == [str(newer.id), str(older.id)]
    assert [item["character_count"] for item in body["items"]] == [0, 2]
    assert [item["webtoon_count"] for item in body["items"]] == [3, 1]
    assert (body["total"], body["page"], body["size"], body["pages"]) == (2, 1, 20, 1)


def test_the_list_is_paged_with_page_and_size(auth_client, user):
    ProjectFactory.create_batch(5, user=user)

    response = auth_client.get("/api/v1/projects?page=2&size=2")

    body = response.json()
    assert len(body["items"]) == 2
    assert (body["total"], body["page"], body["size"], body["pages"]) == (5, 2, 2, 3)


@pytest.mark.parametrize("query", ["size=0", "size=101", "page=0", "page=x"])
def test_a_bad_page_or_size_is_a_400(auth_client, query):
    response = auth_client.get(f"/api/v1/projects?{query}")

    _assert_validation_error(response, query.split("=")[0])


def test_the_list_filters_by_status_and_art_style(auth_client, user):
    wanted = ProjectFactory(user=user, status="in_progress", art_style="manga")
    ProjectFactory(user=user, status="in_progress", art_style="webtoon")
    ProjectFactory(user=user, status="draft", art_style="manga")

    response = auth_client.get("/api/v1/projects?status=in_progress&art_style=manga")

    assert [item["id"] for item in response.json()["items"]] == [str(wanted.id)]


@pytest.mark.parametrize("query", ["status=done", "art_style=watercolor"])
def test_an_unknown_filter_value_is_a_400_naming_the_filter(auth_client, query):
    response = auth_client.get(f"/api/v1/projects?{query}")

    _assert_validation_error(response, query.split("=")[0])


@pytest.mark.parametrize("rows", [1, 50])
def test_the_list_costs_the_same_queries_for_one_or_fifty_projects(auth_client, user, rows, django_assert_num_queries):
    for project in ProjectFactory.create_batch(rows, user=user):
        CharacterFactory(project=project)
        Webtoon.objects.create(project=project)

    # user (token auth, with the revocation check in the same query) + count + page with the
    # character and webtoon counts
    with django_assert_num_queries(3):
        response = auth_client.get("/api/v1/projects?size=100")

    assert response.json()["total"] == rows


def test_listing_projects_anonymously_is_a_401(api_client):
    response = api_client.get("/api/v1/projects")

    assert response.status_code == 401
    assert response.json()["error"] == "not_authenticated"


# --- detail ------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["", "/"])
def test_the_owner_gets_their_project_with_or_without_a_trailing_slash(auth_client, user, suffix):
    project = ProjectFactory(user=user)
    CharacterFactory(project=project)

    response = auth_client.get(f"/api/v1/projects/{project.id}{suffix}")

    assert response.status_code == 200
    assert response.json()["id"] == str(project.id)
    assert response.json()["title"] == project.title
    assert response.json()["character_count"] == 1


@pytest.mark.parametrize("project_id", [uuid.uuid4(), "not-a-uuid"])
def test_a_missing_or_malformed_project_id_is_a_404_envelope(auth_client, project_id):
    response = auth_client.get(f"/api/v1/projects/{project_id}")

    assert response.status_code == 404
    assert response.json()["status"] == "error"
    assert response.json()["error"] == "not_found"


def test_another_users_project_is_not_found(auth_client, other_user):
    project = ProjectFactory(user=other_user)

    response = auth_client.get(f"/api/v1/projects/{project.id}")

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_getting_a_project_anonymously_is_a_401(api_client):
    project = ProjectFactory()

    assert api_client.get(f"/api/v1/projects/{project.id}").status_code == 401


# --- update ------------------------------------------------------------------------------------


def test_put_replaces_the_editable_fields(auth_client, user):
    project = ProjectFactory(user=user)
    body = {
        "title": "Renamed",
        "description": "New",
        "art_style": "manga",
        "target_panels": 12,
        "story_outline": "Outline",
        "color_palette": ["#112233"],
        "status": "in_progress",
    }

    response = auth_client.put(f"/api/v1/projects/{project.id}", body, format="json")

    assert response.status_code == 200
    assert {key: response.json()[key] for key in body} == body
    assert _snapshot(project) == body


def test_put_without_a_title_is_a_400_and_changes_nothing(auth_client, user):
    project = ProjectFactory(user=user)
    before = _snapshot(project)

    response = auth_client.put(f"/api/v1/projects/{project.id}", {"description": "x"}, format="json")

    _assert_validation_error(response, "title")
    assert _snapshot(project) == before


@pytest.mark.parametrize("status_value", ["draft", "in_progress", "completed", "archived"])
def test_patch_sets_the_status_to_any_project_status(auth_client, user, status_value):
    project = ProjectFactory(user=user, status="in_progress" if status_value == "draft" else "draft")

    response = auth_client.patch(f"/api/v1/projects/{project.id}", {"status": status_value}, format="json")

    assert response.status_code == 200
    assert response.json()["status"] == status_value
    assert Project.objects.get(pk=project.pk).status == status_value


def test_patch_changes_only_the_given_fields(auth_client, user):
    project = ProjectFactory(user=user, title="Keep", target_panels=4)

    response = auth_client.patch(f"/api/v1/projects/{project.id}", {"target_panels": 9}, format="json")

    assert response.status_code == 200
    assert (response.json()["title"], response.json()["target_panels"]) == ("Keep", 9)


@pytest.mark.parametrize(
    ("body", "field"),
    [({"status": "finished"}, "status"), ({"target_panels": 25}, "target_panels"), ({"title": ""}, "title")],
)
def test_invalid_patch_is_a_400_naming_the_field_and_changes_nothing(auth_client, user, body, field):
    project = ProjectFactory(user=user)
    before = _snapshot(project)

    response = auth_client.patch(f"/api/v1/projects/{project.id}", body, format="json")

    _assert_validation_error(response, field)
    assert _snapshot(project) == before


@pytest.mark.parametrize("method", ["put", "patch"])
def test_updating_another_users_project_is_a_404_and_changes_nothing(auth_client, other_user, method):
    project = ProjectFactory(user=other_user)
    before = _snapshot(project)

    response = getattr(auth_client, method)(
        f"/api/v1/projects/{project.id}", {"title": "Hijacked", "status": "archived"}, format="json"
    )

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"
    assert _snapshot(project) == before


def test_updating_a_project_anonymously_is_a_401_and_changes_nothing(api_client):
    project = ProjectFactory()
    before = _snapshot(project)

    response = api_client.patch(f"/api/v1/projects/{project.id}", {"title": "X"}, format="json")

    assert response.status_code == 401
    assert _snapshot(project) == before


# --- delete ------------------------------------------------------------------------------------


def test_deleting_a_project_removes_it_and_its_characters(auth_client, user):
    project = ProjectFactory(user=user)
    CharacterFactory.create_batch(2, project=project)

    response = auth_client.delete(f"/api/v1/projects/{project.id}")

    assert response.status_code == 204
    assert response.content == b""
    assert not Project.objects.filter(pk=project.pk).exists()
    assert Character.objects.count() == 0


def test_deleting_another_users_project_is_a_404_and_deletes_nothing(auth_client, other_user):
    project = ProjectFactory(user=other_user)
    CharacterFactory(project=project)

    response = auth_client.delete(f"/api/v1/projects/{project.id}")

    assert response.status_code == 404
    assert Project.objects.filter(pk=project.pk).exists()
    assert Character.objects.filter(project=project).count() == 1


def test_deleting_a_project_anonymously_is_a_401_and_deletes_nothing(api_client):
    project = ProjectFactory()

    assert api_client.delete(f"/api/v1/projects/{project.id}").status_code == 401
    assert Project.objects.filter(pk=project.pk).exists()


def test_an_unsupported_method_is_a_405_envelope(auth_client, user):
    project = ProjectFactory(user=user)

    response = auth_client.post(f"/api/v1/projects/{project.id}", {}, format="json")

    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"


# --- throttling --------------------------------------------------------------------------------


@pytest.fixture
def tiny_user_rate(settings):
    rest = dict(settings.REST_FRAMEWORK)
    rest["DEFAULT_THROTTLE_RATES"] = {**rest["DEFAULT_THROTTLE_RATES"], "user": "2/min"}
    settings.REST_FRAMEWORK = rest


@pytest.mark.usefixtures("tiny_user_rate")
def test_the_third_request_in_a_minute_is_a_429_with_retry_after_when_the_rate_is_two(auth_client):
    statuses = [auth_client.get("/api/v1/projects").status_code for _ in range(2)]

    response = auth_client.post("/api/v1/projects", {"title": "One too many"}, format="json")

    assert statuses == [200, 200]
    assert response.status_code == 429
    assert response.json()["error"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 60
    assert Project.objects.count() == 0
