"""POST /api/v1/characters/{id}/reference-sheet: a task that draws the character sheet once and stores it."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from characters.models import Character
from projects.tests.factories import CharacterFactory, ProjectFactory
from sketchdojo.engine.providers.tests.test_stability import image_reply as stability_reply
from sketchdojo.engine.providers.tests.wire import Reply, WireServer
from tasks.models import Task, TaskStatus, TaskType

pytestmark = pytest.mark.django_db

LOOK = "silver spiky hair, electric blue eyes, long black coat; hair color: silver"


@pytest.fixture
def character(user):
    return CharacterFactory(
        project=ProjectFactory(user=user, art_style="manga"),
        name="Mina",
        description="silver spiky hair, electric blue eyes, long black coat",
        appearance={"hair_color": "silver"},
    )


@pytest.fixture
def server():
    wire = WireServer().start()
    yield wire
    wire.stop()


def _post(client, character, capture):
    with capture(execute=True):
        return client.post(f"/api/v1/characters/{character.pk}/reference-sheet")


def test_a_sheet_is_drawn_once_by_the_offline_artist_and_stored_as_the_reference_image(
    auth_client, character, eager_celery, django_capture_on_commit_callbacks
):
    response = _post(auth_client, character, django_capture_on_commit_callbacks)

    assert response.status_code == 202
    body = response.json()
    assert (body["task_type"], body["status"], body["project_id"]) == (
        "character_sheet",
        "pending",
        str(character.project_id),
    )
    task = Task.objects.get(pk=body["id"])
    assert task.status == TaskStatus.COMPLETED, task.error_message
    character.refresh_from_db()
    assert character.reference_image.name.endswith(".png")
    with character.reference_image.open("rb") as handle:
        image = Image.open(BytesIO(handle.read()))
        assert image.size == (800, 640)
    assert task.result["character_id"] == str(character.pk)
    assert task.result["seed"] == character.seed
    shown = auth_client.get(f"/api/v1/characters/{character.pk}").json()
    assert shown["reference_image_url"] is not None
    assert task.result["reference_image_url"] is not None


def test_the_sheet_request_carries_the_canonical_look_and_the_characters_seed(
    settings, server, auth_client, character, eager_celery, django_capture_on_commit_callbacks
):
    settings.IMAGE_PROVIDER = "stability"
    settings.STABILITY_API_BASE = server.url
    settings.STABILITY_API_KEY = "sk-stability-test"
    settings.STABILITY_MODEL = "core"
    server.reply(stability_reply())

    response = _post(auth_client, character, django_capture_on_commit_callbacks)

    (sent,) = server.received
    form = sent.form()
    assert f"Mina: {LOOK}; neutral expression, standing, center of the frame" in form["prompt"]
    assert "Character reference sheet of Mina" in form["prompt"]
    assert form["seed"] == str(character.seed)
    task = Task.objects.get(pk=response.json()["id"])
    assert task.status == TaskStatus.COMPLETED
    assert [(c["provider"], c["kind"], c["outcome"]) for c in task.provider_calls] == [("stability", "image", "ok")]


def test_a_failing_provider_fails_the_sheet_with_the_reason_and_keeps_the_old_image(
    settings, server, auth_client, character, eager_celery, django_capture_on_commit_callbacks
):
    settings.IMAGE_PROVIDER = "stability"
    settings.STABILITY_API_BASE = server.url
    settings.STABILITY_API_KEY = "sk-stability-test"
    settings.PROVIDER_MAX_RETRIES = 1
    settings.TASK_RETRY_BACKOFF_SECONDS = 0.001
    server.reply(*[Reply(500, {"errors": ["down"]}) for _ in range(5)])

    response = _post(auth_client, character, django_capture_on_commit_callbacks)

    task = Task.objects.get(pk=response.json()["id"])
    assert task.status == TaskStatus.FAILED
    assert task.error_message.startswith("The reference sheet of Mina could not be drawn: Stability AI is busy")
    assert len(server.received) == 2  # PROVIDER_MAX_RETRIES + 1
    character.refresh_from_db()
    assert not character.reference_image


def test_another_users_character_is_not_found_and_nothing_is_queued(other_client, character):
    response = other_client.post(f"/api/v1/characters/{character.pk}/reference-sheet")

    assert response.status_code == 404
    assert response.json()["status"] == "error"
    assert not Task.objects.exists()
    assert not Character.objects.get(pk=character.pk).reference_image


def test_a_second_sheet_while_one_is_pending_is_a_conflict(auth_client, character):
    first = auth_client.post(f"/api/v1/characters/{character.pk}/reference-sheet")
    second = auth_client.post(f"/api/v1/characters/{character.pk}/reference-sheet")

    assert first.status_code == 202
    assert second.status_code == 409
    assert second.json()["error"] == "conflict"
    assert Task.objects.filter(task_type=TaskType.CHARACTER_SHEET).count() == 1
