"""The /api/v1/characters endpoints: the guide's example, nested validation, ownership, paging, throttling."""

import json
import uuid

import pytest

from characters.models import Character
from projects.tests.factories import CharacterFactory, ProjectFactory

pytestmark = pytest.mark.django_db

GUIDE_CHARACTER_BODY = """{
    "name": "Alex Thunder",
    "role": "protagonist",
    "description": "A brave young mage with lightning powers",
    "appearance": {
      "age_range": "young_adult",
      "gender": "male",
      "height": "tall",
      "build": "athletic",
      "hair_color": "silver",
      "hair_style": "spiky",
      "eye_color": "electric_blue",
      "skin_tone": "fair",
      "distinctive_features": ["lightning-shaped scar on forehead"]
    },
    "personality": {
      "traits": ["brave", "impulsive", "loyal"],
      "motivations": ["protect innocent people", "master lightning magic"],
      "fears": ["losing control of powers", "failing friends"],
      "speech_style": "confident"
    }
  }"""

FIELDS = ("name", "role", "description", "appearance", "personality", "reference_image")


def _snapshot(character: Character) -> dict:
    fresh = Character.objects.get(pk=character.pk)
    return {field: getattr(fresh, field) for field in FIELDS}


def _assert_validation_error(response, field: str) -> dict:
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == "error"
    assert body["error"] == "validation_error"
    assert field in body["details"]
    return body


@pytest.fixture
def project(user):
    return ProjectFactory(user=user)


# --- create ------------------------------------------------------------------------------------


def test_the_guides_create_character_example_works_verbatim(auth_client, project):
    response = auth_client.post(
        f"/api/v1/characters?project_id={project.id}", data=GUIDE_CHARACTER_BODY, content_type="application/json"
    )

    assert response.status_code == 201
    character = Character.objects.get()
    expected = json.loads(GUIDE_CHARACTER_BODY)
    body = response.json()
    assert body == {
        "id": str(character.id),
        "project_id": str(project.id),
        **expected,
        "seed": character.seed,
        "reference_image_url": None,
        "created_at": body["created_at"],
        "updated_at": body["updated_at"],
    }
    assert character.project == project
    assert character.appearance == expected["appearance"]
    assert character.personality == expected["personality"]


def test_project_id_may_be_given_in_the_body(auth_client, project):
    response = auth_client.post("/api/v1/characters", {"project_id": str(project.id), "name": "Mira"}, format="json")

    assert response.status_code == 201
    assert Character.objects.get().project == project


def test_project_id_may_be_a_form_field_and_the_path_may_end_in_a_slash(auth_client, project):
    response = auth_client.post(
        "/api/v1/characters/", {"project_id": str(project.id), "name": "Mira"}, format="multipart"
    )

    assert response.status_code == 201
    assert Character.objects.get().project == project


def test_a_character_with_only_a_name_gets_empty_descriptions(auth_client, project):
    response = auth_client.post(f"/api/v1/characters?project_id={project.id}", {"name": "Mira"}, format="json")

    assert response.status_code == 201
    body = response.json()
    assert (body["role"], body["description"], body["appearance"], body["personality"]) == ("supporting", "", {}, {})


def test_without_a_project_id_the_create_is_a_400_naming_it(auth_client):
    response = auth_client.post("/api/v1/characters", {"name": "Mira"}, format="json")

    _assert_validation_error(response, "project_id")
    assert Character.objects.count() == 0


def test_a_malformed_project_id_is_a_400_naming_it(auth_client):
    response = auth_client.post("/api/v1/characters?project_id=nope", {"name": "Mira"}, format="json")

    _assert_validation_error(response, "project_id")


def test_different_project_ids_in_query_and_body_are_a_400(auth_client, project, user):
    other = ProjectFactory(user=user)

    response = auth_client.post(
        f"/api/v1/characters?project_id={project.id}", {"project_id": str(other.id), "name": "Mira"}, format="json"
    )

    _assert_validation_error(response, "project_id")
    assert Character.objects.count() == 0


def test_creating_a_character_in_another_users_project_is_a_404_and_creates_nothing(auth_client, other_user):
    foreign = ProjectFactory(user=other_user)

    response = auth_client.post(
        f"/api/v1/characters?project_id={foreign.id}", data=GUIDE_CHARACTER_BODY, content_type="application/json"
    )

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"
    assert Character.objects.count() == 0


def test_creating_a_character_in_a_missing_project_is_a_404(auth_client):
    response = auth_client.post(f"/api/v1/characters?project_id={uuid.uuid4()}", {"name": "Mira"}, format="json")

    assert response.status_code == 404


def test_creating_a_character_anonymously_is_a_401_and_creates_nothing(api_client, project):
    response = api_client.post(
        f"/api/v1/characters?project_id={project.id}", data=GUIDE_CHARACTER_BODY, content_type="application/json"
    )

    assert response.status_code == 401
    assert response.json()["error"] == "not_authenticated"
    assert Character.objects.count() == 0


@pytest.mark.parametrize("name", ["Alex Thunder", "alex thunder", "  Alex Thunder  "])
def test_a_duplicate_name_in_the_same_project_is_a_400_naming_name(auth_client, project, name):
    CharacterFactory(project=project, name="Alex Thunder")

    response = auth_client.post(f"/api/v1/characters?project_id={project.id}", {"name": name}, format="json")

    body = _assert_validation_error(response, "name")
    assert body["details"]["name"] == [f"This project already has a character named {name.strip()!r}."]
    assert Character.objects.count() == 1


def test_the_same_name_is_fine_in_another_project(auth_client, project, user):
    CharacterFactory(project=ProjectFactory(user=user), name="Alex Thunder")

    response = auth_client.post(f"/api/v1/characters?project_id={project.id}", {"name": "Alex Thunder"}, format="json")

    assert response.status_code == 201


def test_an_unknown_appearance_key_is_a_400_naming_appearance_foo(auth_client, project):
    response = auth_client.post(
        f"/api/v1/characters?project_id={project.id}",
        {"name": "Mira", "appearance": {"hair_color": "red", "foo": "bar"}},
        format="json",
    )

    body = _assert_validation_error(response, "appearance")
    assert list(body["details"]["appearance"]) == ["foo"]
    assert body["message"].startswith("appearance: foo: Unknown field.")
    assert Character.objects.count() == 0


def test_an_unknown_personality_key_is_a_400_naming_it(auth_client, project):
    response = auth_client.post(
        f"/api/v1/characters?project_id={project.id}",
        {"name": "Mira", "personality": {"quirks": ["hums"]}},
        format="json",
    )

    body = _assert_validation_error(response, "personality")
    assert list(body["details"]["personality"]) == ["quirks"]


@pytest.mark.parametrize(
    ("body", "field", "nested"),
    [
        ({}, "name", None),
        ({"name": ""}, "name", None),
        ({"name": "x" * 101}, "name", None),
        ({"name": "M", "role": "sidekick"}, "role", None),
        ({"name": "M", "appearance": "tall"}, "appearance", None),
        ({"name": "M", "appearance": ["tall"]}, "appearance", None),
        ({"name": "M", "appearance": {"hair_color": "r" * 51}}, "appearance", "hair_color"),
        ({"name": "M", "appearance": {"distinctive_features": "scar"}}, "appearance", "distinctive_features"),
        ({"name": "M", "appearance": {"distinctive_features": ["s"] * 11}}, "appearance", "distinctive_features"),
        ({"name": "M", "personality": {"traits": [1, {"a": 1}]}}, "personality", "traits"),
        ({"name": "M", "personality": {"traits": ["t" * 51]}}, "personality", "traits"),
        ({"name": "M", "personality": {"speech_style": ["loud"]}}, "personality", "speech_style"),
    ],
)
def test_invalid_character_input_is_a_400_naming_the_field(auth_client, project, body, field, nested):
    response = auth_client.post(f"/api/v1/characters?project_id={project.id}", body, format="json")

    details = _assert_validation_error(response, field)["details"]
    if nested:
        assert nested in details[field]
    assert Character.objects.count() == 0


# --- list --------------------------------------------------------------------------------------


def test_the_projects_characters_are_listed_in_creation_order(auth_client, project):
    first = CharacterFactory(project=project)
    second = CharacterFactory(project=project)
    CharacterFactory()

    response = auth_client.get(f"/api/v1/characters/project/{project.id}")

    assert response.status_code == 200
    body = response.json()
    assert [item["id"] for item in body["items"]] == [str(first.id), str(second.id)]
    assert (body["total"], body["page"], body["size"], body["pages"]) == (2, 1, 20, 1)
    assert body["items"][0]["name"] == first.name


def test_the_character_list_is_paged(auth_client, project):
    CharacterFactory.create_batch(3, project=project)

    body = auth_client.get(f"/api/v1/characters/project/{project.id}/?page=2&size=2").json()

    assert (len(body["items"]), body["total"], body["page"], body["pages"]) == (1, 3, 2, 2)


@pytest.mark.parametrize("rows", [1, 50])
def test_the_character_list_costs_the_same_queries_for_one_or_fifty(
    auth_client, project, rows, django_assert_num_queries
):
    CharacterFactory.create_batch(rows, project=project)

    # user (token auth, with the revocation check in the same query) + project + count + page
    with django_assert_num_queries(4):
        response = auth_client.get(f"/api/v1/characters/project/{project.id}?size=100")

    assert response.json()["total"] == rows


def test_listing_the_characters_of_another_users_project_is_a_404(auth_client, other_user):
    foreign = ProjectFactory(user=other_user)
    CharacterFactory(project=foreign)

    response = auth_client.get(f"/api/v1/characters/project/{foreign.id}")

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


@pytest.mark.parametrize("project_id", [uuid.uuid4(), "bad-id"])
def test_listing_the_characters_of_a_missing_or_malformed_project_is_a_404(auth_client, project_id):
    assert auth_client.get(f"/api/v1/characters/project/{project_id}").status_code == 404


def test_listing_characters_anonymously_is_a_401(api_client, project):
    assert api_client.get(f"/api/v1/characters/project/{project.id}").status_code == 401


# --- detail ------------------------------------------------------------------------------------


def test_the_owner_gets_a_character(auth_client, project):
    character = CharacterFactory(project=project)

    response = auth_client.get(f"/api/v1/characters/{character.id}")

    assert response.status_code == 200
    assert response.json()["id"] == str(character.id)
    assert response.json()["appearance"] == character.appearance


def test_a_character_of_another_users_project_is_not_found(auth_client, other_user):
    character = CharacterFactory(project=ProjectFactory(user=other_user))

    response = auth_client.get(f"/api/v1/characters/{character.id}")

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


@pytest.mark.parametrize("character_id", [uuid.uuid4(), "bad-id"])
def test_a_missing_or_malformed_character_id_is_a_404(auth_client, character_id):
    assert auth_client.get(f"/api/v1/characters/{character_id}").status_code == 404


def test_getting_a_character_anonymously_is_a_401(api_client):
    character = CharacterFactory()

    assert api_client.get(f"/api/v1/characters/{character.id}").status_code == 401


# --- update ------------------------------------------------------------------------------------


def test_put_replaces_the_character_including_nested_objects(auth_client, project):
    character = CharacterFactory(project=project, appearance={"hair_color": "silver", "gender": "male"})
    body = {
        "name": "Alex Storm",
        "role": "antagonist",
        "description": "Fallen",
        "appearance": {"hair_color": "black"},
        "personality": {"traits": ["cold"]},
    }

    response = auth_client.put(f"/api/v1/characters/{character.id}", body, format="json")

    assert response.status_code == 200
    assert {key: response.json()[key] for key in body} == body
    fresh = Character.objects.get(pk=character.pk)
    assert (fresh.name, fresh.appearance, fresh.personality) == (
        "Alex Storm",
        {"hair_color": "black"},
        {"traits": ["cold"]},
    )


def test_patch_merges_nested_keys_into_the_stored_ones(auth_client, project):
    character = CharacterFactory(project=project, appearance={"hair_color": "silver", "gender": "male"})

    response = auth_client.patch(
        f"/api/v1/characters/{character.id}", {"appearance": {"hair_color": "red"}}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["appearance"] == {"hair_color": "red", "gender": "male"}
    assert response.json()["name"] == character.name


def test_renaming_to_a_name_taken_in_the_project_is_a_400_and_changes_nothing(auth_client, project):
    CharacterFactory(project=project, name="Alex Thunder")
    character = CharacterFactory(project=project, name="Mira")
    before = _snapshot(character)

    response = auth_client.patch(f"/api/v1/characters/{character.id}", {"name": "ALEX THUNDER"}, format="json")

    _assert_validation_error(response, "name")
    assert _snapshot(character) == before


def test_a_character_may_keep_its_own_name_on_put(auth_client, project):
    character = CharacterFactory(project=project, name="Mira")

    response = auth_client.put(
        f"/api/v1/characters/{character.id}", {"name": "Mira", "role": "background"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["role"] == "background"


def test_an_invalid_update_is_a_400_naming_the_nested_field_and_changes_nothing(auth_client, project):
    character = CharacterFactory(project=project)
    before = _snapshot(character)

    response = auth_client.patch(f"/api/v1/characters/{character.id}", {"appearance": {"foo": "x"}}, format="json")

    assert _assert_validation_error(response, "appearance")["details"]["appearance"] == {
        "foo": [
            "Unknown field. Allowed fields: age_range, gender, height, build, hair_color, hair_style, eye_color, "
            "skin_tone, distinctive_features."
        ]
    }
    assert _snapshot(character) == before


@pytest.mark.parametrize("method", ["put", "patch"])
def test_updating_another_users_character_is_a_404_and_changes_nothing(auth_client, other_user, method):
    character = CharacterFactory(project=ProjectFactory(user=other_user))
    before = _snapshot(character)

    response = getattr(auth_client, method)(
        f"/api/v1/characters/{character.id}", {"name": "Hijacked", "role": "background"}, format="json"
    )

    assert response.status_code == 404
    assert _snapshot(character) == before


def test_updating_a_character_anonymously_is_a_401_and_changes_nothing(api_client):
    character = CharacterFactory()
    before = _snapshot(character)

    response = api_client.patch(f"/api/v1/characters/{character.id}", {"name": "X"}, format="json")

    assert response.status_code == 401
    assert _snapshot(character) == before


# --- delete ------------------------------------------------------------------------------------


def test_deleting_a_character_removes_it(auth_client, project):
    character = CharacterFactory(project=project)

    response = auth_client.delete(f"/api/v1/characters/{character.id}")

    assert response.status_code == 204
    assert not Character.objects.filter(pk=character.pk).exists()


def test_deleting_another_users_character_is_a_404_and_deletes_nothing(auth_client, other_user):
    character = CharacterFactory(project=ProjectFactory(user=other_user))

    response = auth_client.delete(f"/api/v1/characters/{character.id}")

    assert response.status_code == 404
    assert Character.objects.filter(pk=character.pk).exists()


def test_deleting_a_character_anonymously_is_a_401_and_deletes_nothing(api_client):
    character = CharacterFactory()

    assert api_client.delete(f"/api/v1/characters/{character.id}").status_code == 401
    assert Character.objects.filter(pk=character.pk).exists()


# --- throttling --------------------------------------------------------------------------------


@pytest.fixture
def tiny_user_rate(settings):
    rest = dict(settings.REST_FRAMEWORK)
    rest["DEFAULT_THROTTLE_RATES"] = {**rest["DEFAULT_THROTTLE_RATES"], "user": "2/min"}
    settings.REST_FRAMEWORK = rest


@pytest.mark.usefixtures("tiny_user_rate")
def test_creating_characters_past_a_tiny_rate_is_a_429_with_retry_after(auth_client, project):
    url = f"/api/v1/characters?project_id={project.id}"
    statuses = [auth_client.post(url, {"name": f"C{i}"}, format="json").status_code for i in range(3)]

    assert statuses == [201, 201, 429]
    response = auth_client.get(f"/api/v1/characters/project/{project.id}")
    assert response.status_code == 429
    assert response.json()["error"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 60
    assert Character.objects.count() == 2


def test_a_new_character_gets_a_stored_seed_that_edits_keep_unless_one_is_given(auth_client, project):
    created = auth_client.post(f"/api/v1/characters?project_id={project.id}", {"name": "Mira"}, format="json").json()
    renamed = auth_client.patch(f"/api/v1/characters/{created['id']}", {"name": "Mirae"}, format="json").json()
    chosen = auth_client.patch(f"/api/v1/characters/{created['id']}", {"seed": 4294967295}, format="json").json()

    assert 0 <= created["seed"] <= 4294967295
    assert renamed["seed"] == created["seed"]
    assert chosen["seed"] == 4294967295
    assert Character.objects.get(pk=created["id"]).seed == 4294967295


@pytest.mark.parametrize("seed", [-1, 4294967296, "abc"])
def test_a_seed_out_of_range_is_a_validation_error_and_changes_nothing(auth_client, project, seed):
    character = CharacterFactory(project=project, seed=7)

    response = auth_client.patch(f"/api/v1/characters/{character.pk}", {"seed": seed}, format="json")

    _assert_validation_error(response, "seed")
    assert Character.objects.get(pk=character.pk).seed == 7
