"""Who can read a webtoon's files (issue 15, finding 7): the public only while it is public, the owner
through links that expire, nobody once it is deleted."""

import re
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from projects.services import project_delete
from sketchdojo import storage
from webtoons.exports import webtoon_export_request
from webtoons.models import WebtoonStatus
from webtoons.moderation import webtoons_archive, webtoons_set_flag, webtoons_unpublish
from webtoons.tests.factories import WebtoonFactory

pytestmark = pytest.mark.django_db

SIGNED = re.compile(r"^http://testserver/media/s/[^/]+/[^/]+\.(png|jpg)$")


def _plain_urls(webtoon) -> list[str]:
    """The plain /media/ paths of every file of the webtoon (strip, thumbnail, raw and lettered panels)."""
    names = [webtoon.strip.name, webtoon.thumbnail.name]
    for panel in webtoon.panels.order_by("sequence_number"):
        names += [panel.image.name, panel.raw_image.name]
    return [f"/media/{name}" for name in names]


def _publish(webtoon):
    webtoon.status = WebtoonStatus.PUBLISHED
    webtoon.save(update_fields=["status"])


def _statuses(client, urls) -> list[int]:
    return [client.get(url).status_code for url in urls]


def test_an_unpublished_webtoons_files_are_not_served_plainly(media_root, generated_webtoon, api_client):
    urls = _plain_urls(generated_webtoon)

    assert _statuses(api_client, urls) == [404] * 8


def test_a_published_webtoons_files_are_served_plainly_to_anyone(media_root, generated_webtoon, api_client):
    _publish(generated_webtoon)
    urls = _plain_urls(generated_webtoon)

    response = api_client.get(urls[2])

    assert _statuses(api_client, urls) == [200] * 8
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "moderate",
    [
        lambda qs: webtoons_unpublish(webtoons=qs),
        lambda qs: webtoons_archive(webtoons=qs),
        lambda qs: webtoons_set_flag(webtoons=qs, is_flagged=True),
    ],
    ids=["unpublish", "archive", "flag"],
)
def test_moderation_takes_the_files_away_from_the_public(media_root, generated_webtoon, api_client, moderate):
    _publish(generated_webtoon)
    urls = _plain_urls(generated_webtoon)

    moderate(type(generated_webtoon).objects.filter(pk=generated_webtoon.pk))

    assert _statuses(api_client, urls) == [404] * 8


def test_the_owner_gets_signed_links_that_work_for_a_draft(media_root, generated_webtoon, auth_client, api_client):
    body = auth_client.get(f"/api/v1/webtoons/{generated_webtoon.pk}").json()
    urls = [body["strip_url"], body["thumbnail_url"]] + [p["image_url"] for p in body["panels"]]

    assert [bool(SIGNED.match(url)) for url in urls] == [True] * 5
    assert _statuses(api_client, urls) == [200] * 5


def test_a_signed_link_expires(media_root, generated_webtoon, api_client, settings):
    settings.MEDIA_URL_EXPIRE_SECONDS = 3600
    url = storage.media_url(generated_webtoon.strip)
    now = storage.time.time()

    with mock.patch("django.core.signing.time.time", return_value=now + 3600 + storage.MEDIA_SIGNING_WINDOW_SECONDS):
        expired = api_client.get(url)

    assert api_client.get(url).status_code == 200
    assert expired.status_code == 404


def test_a_tampered_signed_link_is_refused(media_root, generated_webtoon, api_client):
    url = storage.media_url(generated_webtoon.strip)
    other = generated_webtoon.panels.first().raw_image.name
    _, _, _, token, filename = url.split("/")
    _payload, timestamp, signature = token.split(":")
    other_payload = storage._media_signer().sign_object(other).split(":")[0]
    forged = f"/media/s/{other_payload}:{timestamp}:{signature}/{other.rsplit('/', 1)[1]}"

    assert api_client.get(url).status_code == 200
    assert api_client.get(forged).status_code == 404
    assert api_client.get(f"/media/s/{token}/other-{filename}").status_code == 404


def test_the_owners_reader_preview_shows_images_with_signed_links(media_root, generated_webtoon, user, client):
    client.force_login(user)
    page = client.get(f"/w/{generated_webtoon.pk}/").content.decode()
    sources = re.findall(r'<img[^>]+src="([^"]+)"', page)

    assert len(sources) == 3
    assert [bool(SIGNED.match(src)) for src in sources] == [True] * 3
    assert _statuses(client, sources) == [200] * 3


def test_the_public_reader_uses_plain_links(media_root, generated_webtoon, api_client):
    _publish(generated_webtoon)
    page = api_client.get(f"/w/{generated_webtoon.pk}/").content.decode()
    sources = re.findall(r'<img[^>]+src="([^"]+)"', page)

    assert sources == [f"http://testserver{url}" for url in _plain_urls(generated_webtoon)[2::2]]


def test_deleting_the_project_removes_every_file_on_commit(
    media_root, generated_webtoon, auth_client, django_capture_on_commit_callbacks
):
    _publish(generated_webtoon)
    urls = _plain_urls(generated_webtoon)
    names = [url.removeprefix("/media/") for url in urls]
    with django_capture_on_commit_callbacks(execute=True):  # the export job runs on commit (eager Celery)
        job = webtoon_export_request(webtoon=generated_webtoon, fmt="pdf", user=generated_webtoon.project.user)
    job.refresh_from_db()
    export_name = job.result["name"]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = auth_client.delete(f"/api/v1/projects/{generated_webtoon.project_id}")
    before_commit = [default_storage.exists(name) for name in [*names, export_name]]
    for callback in callbacks:
        callback()

    assert response.status_code == 204
    assert before_commit == [True] * 9
    assert [default_storage.exists(name) for name in [*names, export_name]] == [False] * 9
    assert _statuses(auth_client, urls) == [404] * 8


def test_a_rolled_back_delete_keeps_the_files(media_root, generated_webtoon, django_capture_on_commit_callbacks):
    names = [url.removeprefix("/media/") for url in _plain_urls(generated_webtoon)]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        project_delete(project=generated_webtoon.project)

    # The files go only if the delete commits (the other callback renews the list cache's version).
    assert [callback.__qualname__.split(".")[0] for callback in callbacks] == [
        "renew",
        "files_delete_on_commit",
    ]
    assert [default_storage.exists(name) for name in names] == [True] * 8


def test_an_empty_webtoon_has_no_urls(auth_client, user):
    webtoon = WebtoonFactory(project__user=user)

    body = auth_client.get(f"/api/v1/webtoons/{webtoon.pk}").json()

    assert (body["strip_url"], body["thumbnail_url"]) == (None, None)


def test_a_stored_file_of_no_public_webtoon_is_not_served_plainly(media_root, api_client):
    name = default_storage.save("characters/someone/reference.png", ContentFile(b"\x89PNG private"))

    assert api_client.get(f"/media/{name}").status_code == 404
    assert api_client.get(f"http://testserver{storage.signed_media_path(name)}").status_code == 200
