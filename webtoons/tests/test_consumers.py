"""Webtoon subscriptions on the realtime socket (SPEC §5), added by webtoons.consumers."""

import pytest
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.urls import re_path

from panels.events import publish_panel_ready
from tasks.consumers import GenerationConsumer
from tasks.tests.sockets import established, token_for
from webtoons.generation.events import publish_webtoon_update
from webtoons.tests.factories import PanelFactory, WebtoonFactory

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def test_malformed_ids_are_not_found(user):
    communicator = await established(user)
    await communicator.send_json_to({"type": "subscribe_webtoon", "webtoon_id": "../../etc"})
    assert await communicator.receive_json_from() == {
        "type": "error",
        "message": "Webtoon not found.",
        "webtoon_id": "../../etc",
    }
    await communicator.disconnect()


async def test_another_users_webtoon_is_not_found_and_its_events_do_not_arrive(user, other_user):
    foreign = await database_sync_to_async(WebtoonFactory)(project__user=other_user)
    communicator = await established(user)
    await communicator.send_json_to({"type": "subscribe_webtoon", "webtoon_id": str(foreign.pk)})
    assert (await communicator.receive_json_from())["message"] == "Webtoon not found."
    await database_sync_to_async(publish_webtoon_update)(foreign)
    assert await communicator.receive_nothing(timeout=0.2)
    await communicator.disconnect()


async def test_subscribe_webtoon_sends_snapshot_and_panel_ready_events(user):
    webtoon = await database_sync_to_async(WebtoonFactory)(project__user=user)
    panel = await database_sync_to_async(PanelFactory)(webtoon=webtoon, sequence_number=1)
    communicator = await established(user)
    await communicator.send_json_to({"type": "subscribe_webtoon", "webtoon_id": str(webtoon.pk)})
    confirmed = await communicator.receive_json_from()
    assert confirmed["subscription_type"] == "webtoon"
    snapshot = await communicator.receive_json_from()
    assert snapshot["type"] == "webtoon_update"
    assert snapshot["data"]["status"] == webtoon.status
    await database_sync_to_async(publish_panel_ready)(panel)
    ready = await communicator.receive_json_from()
    assert ready["type"] == "panel_ready"
    assert ready["panel_id"] == str(panel.pk)
    assert ready["sequence_number"] == 1
    assert ready["webtoon_id"] == str(webtoon.pk)
    assert await communicator.receive_nothing(timeout=0.2)
    await communicator.disconnect()


async def test_unsubscribe_webtoon_is_confirmed(user):
    webtoon = await database_sync_to_async(WebtoonFactory)(project__user=user)
    communicator = await established(user)
    await communicator.send_json_to({"type": "subscribe_webtoon", "webtoon_id": str(webtoon.pk)})
    await communicator.receive_json_from()
    await communicator.receive_json_from()
    await communicator.send_json_to({"type": "unsubscribe_webtoon", "webtoon_id": str(webtoon.pk)})
    assert await communicator.receive_json_from() == {
        "type": "unsubscription_confirmed",
        "subscription_type": "webtoon",
        "webtoon_id": str(webtoon.pk),
    }
    await communicator.disconnect()


async def test_the_ledger_consumer_alone_knows_no_webtoon_subscription(user):
    app = URLRouter([re_path(r"^ws/$", GenerationConsumer.as_asgi())])
    communicator = WebsocketCommunicator(app, f"/ws/?token={token_for(user)}")
    assert (await communicator.connect())[0]
    assert (await communicator.receive_json_from())["type"] == "connection_established"
    await communicator.send_json_to({"type": "subscribe_webtoon", "webtoon_id": "x"})
    assert await communicator.receive_json_from() == {
        "type": "error",
        "message": "Unknown message type 'subscribe_webtoon'.",
    }
    await communicator.disconnect()
