"""GET/PATCH /api/v1/projects/{id}/memory: the series' story memory, shown and edited by its creator."""

import pytest

from projects.models import SeriesMemory
from projects.services import series_memory_record_episode
from projects.tests.factories import ProjectFactory
from sketchdojo.engine.series import CharacterState, EpisodeRecap

pytestmark = pytest.mark.django_db

RECAP = EpisodeRecap(
    summary="Mina finds a glowing map in the library.",
    characters=[CharacterState(name="Mina", location="library", knows=["the map glows"], relationships={})],
)


def _url(project) -> str:
    return f"/api/v1/projects/{project.pk}/memory"


def test_a_new_series_has_an_empty_memory(auth_client, user):
    project = ProjectFactory(user=user)

    response = auth_client.get(_url(project))

    assert response.status_code == 200
    assert response.json() == {"project_id": str(project.pk), "episodes": [], "characters": [], "updated_at": None}
    assert not SeriesMemory.objects.exists()


def test_the_memory_shows_recorded_episodes_and_character_states(auth_client, user):
    project = ProjectFactory(user=user)
    series_memory_record_episode(project=project, episode_number=1, title="The Map", recap=RECAP)

    body = auth_client.get(_url(project)).json()

    assert body["episodes"] == [
        {"episode_number": 1, "title": "The Map", "summary": "Mina finds a glowing map in the library."}
    ]
    assert body["characters"] == [
        {"name": "Mina", "location": "library", "knows": ["the map glows"], "relationships": {}}
    ]


def test_patch_replaces_the_lists_it_is_given_and_keeps_the_others(auth_client, user):
    project = ProjectFactory(user=user)
    series_memory_record_episode(project=project, episode_number=1, title="The Map", recap=RECAP)
    characters = [
        {
            "name": "Mina",
            "location": "the north forest",
            "knows": ["Biscuit can talk"],
            "relationships": {"Biscuit": "her cat"},
        },
        {"name": "Biscuit", "location": "on Mina's shoulder"},
    ]

    response = auth_client.patch(_url(project), {"characters": characters}, format="json")

    assert response.status_code == 200
    memory = SeriesMemory.objects.get(project=project)
    assert memory.characters == [
        {
            "name": "Mina",
            "location": "the north forest",
            "knows": ["Biscuit can talk"],
            "relationships": {"Biscuit": "her cat"},
        },
        {"name": "Biscuit", "location": "on Mina's shoulder", "knows": [], "relationships": {}},
    ]
    assert memory.episodes == [
        {"episode_number": 1, "title": "The Map", "summary": "Mina finds a glowing map in the library."}
    ]
    assert response.json()["characters"] == memory.characters


def test_patch_sorts_episodes_by_number(auth_client, user):
    project = ProjectFactory(user=user)
    episodes = [{"episode_number": 2, "summary": "Two."}, {"episode_number": 1, "title": "One", "summary": "One."}]

    response = auth_client.patch(_url(project), {"episodes": episodes}, format="json")

    assert response.status_code == 200
    assert [e["episode_number"] for e in response.json()["episodes"]] == [1, 2]
    assert SeriesMemory.objects.get(project=project).episodes[0] == {
        "episode_number": 1,
        "title": "One",
        "summary": "One.",
    }


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"episodes": [{"episode_number": 0, "summary": "x"}]}, "episodes"),
        ({"episodes": [{"episode_number": 1, "summary": ""}]}, "episodes"),
        ({"episodes": [{"episode_number": 1, "summary": "a"}, {"episode_number": 1, "summary": "b"}]}, "episodes"),
        ({"episodes": "not a list"}, "episodes"),
        ({"characters": [{"name": "Mina"}, {"name": "Mina"}]}, "characters"),
        ({"characters": [{"name": "Mina", "knows": ["x"] * 13}]}, "characters"),
        ({"characters": [{"name": "Mina", "relationships": ["Biscuit"]}]}, "characters"),
        ({"characters": [{"name": "Mina", "mood": "happy"}]}, "characters"),
        ({"characters": [{"name": "x" * 201}]}, "characters"),
        ({"cast": []}, "cast"),
    ],
)
def test_a_bad_memory_is_a_clear_400_and_changes_nothing(auth_client, user, body, field):
    project = ProjectFactory(user=user)
    series_memory_record_episode(project=project, episode_number=1, title="The Map", recap=RECAP)
    before = SeriesMemory.objects.values("episodes", "characters").get(project=project)

    response = auth_client.patch(_url(project), body, format="json")

    assert response.status_code == 400
    payload = response.json()
    assert payload["status"] == "error"
    assert payload["error"] == "validation_error"
    assert field in payload["details"]
    assert SeriesMemory.objects.values("episodes", "characters").get(project=project) == before


def test_another_users_memory_is_not_found_and_unchanged(auth_client, other_user):
    project = ProjectFactory(user=other_user)
    series_memory_record_episode(project=project, episode_number=1, title="The Map", recap=RECAP)

    assert auth_client.get(_url(project)).status_code == 404
    response = auth_client.patch(_url(project), {"episodes": []}, format="json")

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"
    assert len(SeriesMemory.objects.get(project=project).episodes) == 1


def test_the_memory_needs_authentication(client):
    project = ProjectFactory()

    assert client.get(_url(project)).status_code == 401
