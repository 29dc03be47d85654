"""The realtime socket (SPEC §5) driven with Channels' WebsocketCommunicator."""

import json

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from rest_framework_simplejwt.tokens import AccessToken

from accounts.revocation import access_token_revoke
from sketchdojo import realtime
from sketchdojo.api.websocket import origin_validated
from tasks.events import publish_task_update
from tasks.models import TaskStatus
from tasks.tests.sockets import application, connect, established, token_for
from webtoons.tests.factories import TaskFactory

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@database_sync_to_async
def make_task(**kwargs):
    return TaskFactory(**kwargs)


@database_sync_to_async
def owner_of(task):
    return task.user


@database_sync_to_async
def publish_update(task, **fields):
    for name, value in fields.items():
        setattr(task, name, value)
    task.save(update_fields=list(fields))
    return publish_task_update(task)


async def test_valid_token_gets_connection_established_with_an_id(user):
    communicator = await connect(user)
    message = await communicator.receive_json_from()
    assert message["type"] == "connection_established"
    assert len(message["connection_id"]) == 32
    assert message["user_id"] == str(user.pk)
    await communicator.disconnect()


async def test_bad_token_is_closed_with_4401(db):
    communicator = await connect(token="not-a-jwt")
    error = await communicator.receive_json_from()
    assert error == {"type": "error", "message": "Invalid or expired token."}
    closed = await communicator.receive_output()
    assert closed == {"type": "websocket.close", "code": 4401}
    await communicator.disconnect()


async def test_revoked_access_token_is_closed_with_4401(user):
    token = AccessToken.for_user(user)
    await database_sync_to_async(access_token_revoke)(jti=token["jti"], expires_at=token["exp"])
    communicator = await connect(token=str(token))
    await communicator.receive_json_from()
    assert await communicator.receive_output() == {"type": "websocket.close", "code": 4401}
    await communicator.disconnect()


async def test_authenticate_message_signs_in_a_socket_without_token_in_url(user):
    communicator = await connect()
    await communicator.send_json_to({"type": "subscribe_task", "task_id": "x"})
    refused = await communicator.receive_json_from()
    assert refused["type"] == "error"
    assert refused["message"].startswith("Authenticate first")
    await communicator.send_json_to({"type": "authenticate", "token": token_for(user)})
    message = await communicator.receive_json_from()
    assert message["type"] == "connection_established"
    await communicator.disconnect()


async def test_authenticate_message_with_bad_token_closes_4401(db):
    communicator = await connect()
    await communicator.send_json_to({"type": "authenticate", "token": "nope"})
    assert (await communicator.receive_json_from())["type"] == "error"
    assert await communicator.receive_output() == {"type": "websocket.close", "code": 4401}
    await communicator.disconnect()


async def test_ping_answers_pong_with_timestamp(user):
    communicator = await established(user)
    await communicator.send_json_to({"type": "ping"})
    pong = await communicator.receive_json_from()
    assert pong["type"] == "pong"
    assert isinstance(pong["timestamp"], float)
    await communicator.disconnect()


async def test_bad_json_and_unknown_type_are_errors_and_the_socket_stays_open(user):
    communicator = await established(user)
    await communicator.send_to(text_data="{not json")
    assert await communicator.receive_json_from() == {"type": "error", "message": "Messages must be JSON objects."}
    await communicator.send_to(text_data=json.dumps(["a", "list"]))
    assert (await communicator.receive_json_from())["type"] == "error"
    await communicator.send_json_to({"type": "fly"})
    assert await communicator.receive_json_from() == {"type": "error", "message": "Unknown message type 'fly'."}
    await communicator.send_json_to({"type": "ping"})
    assert (await communicator.receive_json_from())["type"] == "pong"
    await communicator.disconnect()


async def test_subscribe_task_confirms_then_sends_current_state_at_once(user):
    task = await make_task(webtoon__project__user=user, status=TaskStatus.RUNNING, progress=40.0)
    communicator = await established(user)
    await communicator.send_json_to({"type": "subscribe_task", "task_id": str(task.pk)})
    confirmed = await communicator.receive_json_from()
    assert confirmed == {"type": "subscription_confirmed", "subscription_type": "task", "task_id": str(task.pk)}
    snapshot = await communicator.receive_json_from()
    assert snapshot["type"] == "task_update"
    assert snapshot["task_id"] == str(task.pk)
    assert snapshot["sequence"] == 0
    assert snapshot["data"]["status"] == "running"
    assert snapshot["data"]["progress"] == 40.0
    await communicator.disconnect()


async def test_subscribing_to_another_users_task_is_an_error_and_joins_nothing(user, other_user):
    foreign = await make_task(webtoon__project__user=other_user)
    communicator = await established(user)
    await communicator.send_json_to({"type": "subscribe_task", "task_id": str(foreign.pk)})
    error = await communicator.receive_json_from()
    assert error == {"type": "error", "message": "Task not found.", "task_id": str(foreign.pk)}
    await publish_update(foreign, progress=10.0)
    assert await communicator.receive_nothing(timeout=0.2)
    await communicator.disconnect()


async def test_updates_arrive_once_and_in_order_for_a_subscribed_own_task(user):
    task = await make_task(webtoon__project__user=user, status=TaskStatus.RUNNING)
    communicator = await established(user)
    await communicator.send_json_to({"type": "subscribe_task", "task_id": str(task.pk)})
    await communicator.receive_json_from()
    await communicator.receive_json_from()
    for progress in (10.0, 20.0, 30.0):
        await publish_update(task, progress=progress)
    received = [await communicator.receive_json_from() for _ in range(3)]
    assert [m["type"] for m in received] == ["task_update"] * 3
    assert [m["sequence"] for m in received] == [1, 2, 3]
    assert [m["data"]["progress"] for m in received] == [10.0, 20.0, 30.0]
    assert await communicator.receive_nothing(timeout=0.2)
    await communicator.disconnect()


async def test_own_task_updates_arrive_without_subscribing(user):
    task = await make_task(webtoon__project__user=user)
    communicator = await established(user)
    await publish_update(task, status=TaskStatus.RUNNING, current_step="Planning the story")
    update = await communicator.receive_json_from()
    assert update["type"] == "task_update"
    assert update["data"]["current_step"] == "Planning the story"
    await communicator.disconnect()


async def test_other_users_do_not_receive_my_events(user, other_user):
    task = await make_task(webtoon__project__user=user)
    watcher = await established(other_user)
    await publish_update(task, progress=50.0)
    assert await watcher.receive_nothing(timeout=0.2)
    await watcher.disconnect()


async def test_unsubscribe_task_is_confirmed(user):
    task = await make_task(webtoon__project__user=user)
    communicator = await established(user)
    await communicator.send_json_to({"type": "subscribe_task", "task_id": str(task.pk)})
    await communicator.receive_json_from()
    await communicator.receive_json_from()
    await communicator.send_json_to({"type": "unsubscribe_task", "task_id": str(task.pk)})
    assert await communicator.receive_json_from() == {
        "type": "unsubscription_confirmed",
        "subscription_type": "task",
        "task_id": str(task.pk),
    }
    await communicator.disconnect()


async def test_browser_origin_must_be_an_allowed_host_but_non_browsers_pass(user):
    app = origin_validated(application)
    ok = WebsocketCommunicator(
        app, f"/api/v1/ws/connect?token={token_for(user)}", headers=[(b"origin", b"http://localhost:8000")]
    )
    assert (await ok.connect())[0]
    await ok.disconnect()
    bare = WebsocketCommunicator(app, f"/api/v1/ws/connect?token={token_for(user)}")
    assert (await bare.connect())[0]
    await bare.disconnect()
    evil = WebsocketCommunicator(
        app, f"/api/v1/ws/connect?token={token_for(user)}", headers=[(b"origin", b"https://evil.example")]
    )
    connected, _ = await evil.connect()
    assert not connected
    await evil.disconnect()


async def test_deeply_nested_json_is_an_error_and_the_socket_stays_open(user):
    communicator = await established(user)
    await communicator.send_to(text_data="[" * 100_000 + "]" * 100_000)
    assert await communicator.receive_json_from() == {"type": "error", "message": "Messages must be JSON objects."}
    await communicator.send_json_to({"type": "ping"})
    assert (await communicator.receive_json_from())["type"] == "pong"
    await communicator.disconnect()


async def test_an_update_older_than_the_last_one_sent_is_dropped(user):
    from channels.layers import get_channel_layer

    task = await make_task(webtoon__project__user=user)
    communicator = await established(user)
    layer = get_channel_layer()
    group = realtime.user_group(user.pk)
    for sequence in (3, 2, 3, 4):
        await layer.group_send(
            group,
            {"type": "task.update", "task_id": str(task.pk), "sequence": sequence, "data": {}, "timestamp": "t"},
        )
    received = [await communicator.receive_json_from() for _ in range(2)]
    assert [m["sequence"] for m in received] == [3, 4]
    assert await communicator.receive_nothing(timeout=0.2)
    await communicator.disconnect()
