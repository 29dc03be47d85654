"""Draft vs published (issue 18): edits to a published webtoon wait for "Republish"; the owner can unpublish."""

import re

import pytest
from django.core.files.storage import default_storage

from panels.models import Panel
from webtoons.models import WebtoonStatus

pytestmark = pytest.mark.django_db

READER_IMG = re.compile(r'<img class="panel" src="([^"]+)"')


def _reader_images(client, webtoon) -> list[str]:
    return READER_IMG.findall(client.get(f"/w/{webtoon.pk}/").content.decode())


def _publish(auth_client, webtoon):
    response = auth_client.post(f"/api/v1/webtoons/{webtoon.pk}/publish")
    assert response.status_code == 200, response.content
    return response.json()


def test_publishing_copies_the_panels_into_the_published_revision(auth_client, generated_webtoon):
    body = _publish(auth_client, generated_webtoon)

    generated_webtoon.refresh_from_db()
    entries = generated_webtoon.published_panels
    assert [entry["number"] for entry in entries] == [1, 2, 3]
    assert [entry["panel_id"] for entry in entries] == [
        str(pk) for pk in generated_webtoon.panels.order_by("sequence_number").values_list("pk", flat=True)
    ]
    assert all(entry["image"].startswith(f"webtoons/published/{generated_webtoon.pk}/") for entry in entries)
    assert all(default_storage.exists(entry["image"]) for entry in entries)
    assert body["status"] == "published"
    assert body["has_unpublished_changes"] is False


def test_an_edit_to_a_published_webtoon_waits_for_republish(
    auth_client, api_client, generated_webtoon, django_capture_on_commit_callbacks
):
    _publish(auth_client, generated_webtoon)
    before = _reader_images(api_client, generated_webtoon)
    panel = generated_webtoon.panels.get(sequence_number=1)
    bubbles = [{**b, "text": "A brand new line."} for b in panel.speech_bubbles[:1]] or [
        {"speaker": None, "text": "A brand new line.", "style": "narration"}
    ]

    with django_capture_on_commit_callbacks(execute=True):
        edited = auth_client.patch(f"/api/v1/panels/{panel.pk}", {"speech_bubbles": bubbles}, format="json")
    detail = auth_client.get(f"/api/v1/webtoons/{generated_webtoon.pk}").json()

    assert edited.status_code == 200
    assert detail["status"] == "published"
    assert detail["has_unpublished_changes"] is True
    assert _reader_images(api_client, generated_webtoon) == before
    assert [api_client.get(url).status_code for url in before] == [200, 200, 200]


def test_republishing_shows_the_draft_and_removes_the_old_copies(
    auth_client, api_client, generated_webtoon, django_capture_on_commit_callbacks
):
    _publish(auth_client, generated_webtoon)
    generated_webtoon.refresh_from_db()
    old_names = [entry["image"] for entry in generated_webtoon.published_panels]
    last = generated_webtoon.panels.get(sequence_number=3)
    auth_client.patch(f"/api/v1/panels/{last.pk}", {"sequence_number": 1}, format="json")

    with django_capture_on_commit_callbacks(execute=True):
        body = _publish(auth_client, generated_webtoon)

    generated_webtoon.refresh_from_db()
    assert body["has_unpublished_changes"] is False
    assert generated_webtoon.published_panels[0]["panel_id"] == str(last.pk)
    assert [default_storage.exists(name) for name in old_names] == [False, False, False]
    assert len(_reader_images(api_client, generated_webtoon)) == 3


def test_a_deleted_panel_counts_as_an_unpublished_change(auth_client, generated_webtoon):
    _publish(auth_client, generated_webtoon)
    panel = generated_webtoon.panels.get(sequence_number=2)

    auth_client.delete(f"/api/v1/panels/{panel.pk}")

    assert auth_client.get(f"/api/v1/webtoons/{generated_webtoon.pk}").json()["has_unpublished_changes"] is True


def test_the_owner_unpublishes_and_the_reader_page_goes_private(
    auth_client, api_client, generated_webtoon, django_capture_on_commit_callbacks
):
    _publish(auth_client, generated_webtoon)
    generated_webtoon.refresh_from_db()
    copies = [entry["image"] for entry in generated_webtoon.published_panels]

    with django_capture_on_commit_callbacks(execute=True):
        response = auth_client.post(f"/api/v1/webtoons/{generated_webtoon.pk}/unpublish")

    generated_webtoon.refresh_from_db()
    assert response.status_code == 200
    assert response.json()["status"] == "completed"
    assert response.json()["published_url"] is None
    assert generated_webtoon.published_panels == []
    assert api_client.get(f"/w/{generated_webtoon.pk}/").status_code == 404
    assert [default_storage.exists(name) for name in copies] == [False, False, False]
    assert Panel.objects.filter(webtoon=generated_webtoon).count() == 3


def test_unpublishing_a_draft_is_a_conflict(auth_client, generated_webtoon):
    response = auth_client.post(f"/api/v1/webtoons/{generated_webtoon.pk}/unpublish")

    generated_webtoon.refresh_from_db()
    assert response.status_code == 409
    assert response.json()["error"] == "conflict"
    assert generated_webtoon.status == WebtoonStatus.COMPLETED


def test_another_users_webtoon_cannot_be_unpublished(auth_client, other_client, generated_webtoon):
    _publish(auth_client, generated_webtoon)

    response = other_client.post(f"/api/v1/webtoons/{generated_webtoon.pk}/unpublish")

    generated_webtoon.refresh_from_db()
    assert response.status_code == 404
    assert generated_webtoon.status == WebtoonStatus.PUBLISHED


def test_a_copy_outside_the_current_revision_is_not_served(auth_client, api_client, generated_webtoon):
    _publish(auth_client, generated_webtoon)
    folder = f"webtoons/published/{generated_webtoon.pk}"
    stray = default_storage.save(f"{folder}/999-stray.png", generated_webtoon.panels.first().image.open("rb"))

    assert api_client.get(f"/media/{stray}").status_code == 404
    assert api_client.get("/media/webtoons/published/not-a-uuid/x.png").status_code == 404
