"""One rule for media URLs (issue 18): absolute in REST and in realtime events alike."""

import asyncio

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from sketchdojo.realtime import user_group
from tasks.tests.fixtures import GUIDE_GENERATE_BODY

pytestmark = pytest.mark.django_db


def _drain(channel) -> list[dict]:
    """Every message the channel holds (the in-memory layer has them all once the work is done)."""
    layer = get_channel_layer()

    async def take():
        messages = []
        while True:
            try:
                messages.append(await asyncio.wait_for(layer.receive(channel), 0.5))
            except TimeoutError:
                return messages

    return async_to_sync(take)()


def _generate_and_listen(client, user, project, capture) -> list[dict]:
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(user_group(user.pk), channel)
    body = {**GUIDE_GENERATE_BODY, "panel_count": 2}
    with capture(execute=True):
        response = client.post(f"/api/v1/webtoons/generate?project_id={project.pk}", body, format="json")
    assert response.status_code == 202, response.content
    return _drain(channel)


def _event_urls(messages) -> list[str]:
    urls = [m["image_url"] for m in messages if m["type"] == "panel.ready"]
    for m in messages:
        if m["type"] == "webtoon.update":
            urls += [u for u in (m["data"]["thumbnail_url"], m["data"]["strip_url"]) if u]
    return urls


@pytest.fixture
def project(user):
    from projects.tests.factories import ProjectFactory

    return ProjectFactory(user=user)


def test_realtime_media_urls_use_the_host_the_generation_was_asked_at(
    auth_client, user, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    messages = _generate_and_listen(auth_client, user, project, django_capture_on_commit_callbacks)

    urls = _event_urls(messages)
    panel_urls = [m["image_url"] for m in messages if m["type"] == "panel.ready"]
    assert len(panel_urls) == 2
    assert len(urls) >= 4
    assert [url.startswith("http://testserver/media/") for url in urls] == [True] * len(urls)
    webtoon_id = next(m["webtoon_id"] for m in messages if m["type"] == "panel.ready")
    rest = auth_client.get(f"/api/v1/webtoons/{webtoon_id}").json()
    assert rest["panels"][0]["image_url"].startswith("http://testserver/media/")


def test_public_base_url_wins_in_events_as_in_rest(
    settings, auth_client, user, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    settings.PUBLIC_BASE_URL = "https://comics.example.com"

    messages = _generate_and_listen(auth_client, user, project, django_capture_on_commit_callbacks)

    urls = _event_urls(messages)
    webtoon_id = next(m["webtoon_id"] for m in messages if m["type"] == "panel.ready")
    rest = auth_client.get(f"/api/v1/webtoons/{webtoon_id}").json()
    assert [url.startswith("https://comics.example.com/media/") for url in urls] == [True] * len(urls)
    assert rest["panels"][0]["image_url"].startswith("https://comics.example.com/media/")
