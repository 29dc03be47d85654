"""Open sockets end with the sign-in (issue 15, findings 5 and 6) and are capped per user (15)."""

import time
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from rest_framework_simplejwt.tokens import AccessToken

from accounts import services
from accounts.tests.factories import DEFAULT_PASSWORD
from tasks.consumers import CLOSE_TOO_MANY_CONNECTIONS, CLOSE_UNAUTHENTICATED, SESSION_ENDED, SESSION_EXPIRED
from tasks.events import publish_task_update
from tasks.tests.sockets import connect, established
from webtoons.tests.factories import TaskFactory

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

ENDED = {"type": "error", "message": SESSION_ENDED, "code": "session_ended"}
CLOSED_4401 = {"type": "websocket.close", "code": CLOSE_UNAUTHENTICATED}


@database_sync_to_async
def sign_in(user) -> services.TokenPair:
    return services.user_login(login=user.username, password=DEFAULT_PASSWORD, address="10.0.0.1")


async def socket_of(pair: services.TokenPair):
    communicator = await connect(token=pair.access_token)
    assert (await communicator.receive_json_from())["type"] == "connection_established"
    return communicator


async def assert_open(communicator) -> None:
    await communicator.send_json_to({"type": "ping"})
    assert (await communicator.receive_json_from())["type"] == "pong"


async def assert_closed_4401(communicator, message=ENDED) -> None:
    assert await communicator.receive_json_from(timeout=3) == message
    assert await communicator.receive_output(timeout=3) == CLOSED_4401


async def test_logout_closes_that_sessions_sockets_and_no_other(user):
    first, second = await sign_in(user), await sign_in(user)
    ending, staying = await socket_of(first), await socket_of(second)

    await database_sync_to_async(services.user_logout)(
        user=user, refresh_token=first.refresh_token, access_token=AccessToken(first.access_token)
    )

    await assert_closed_4401(ending)
    await assert_open(staying)
    await ending.disconnect()
    await staying.disconnect()


async def test_a_closed_socket_receives_none_of_the_users_events_any_more(user):
    pair = await sign_in(user)
    communicator = await socket_of(pair)
    await database_sync_to_async(services.user_logout)(user=user, refresh_token=pair.refresh_token, access_token=None)
    await assert_closed_4401(communicator)
    task = await database_sync_to_async(TaskFactory)(webtoon__project__user=user)
    await database_sync_to_async(publish_task_update)(task)
    assert await communicator.receive_nothing(timeout=0.2)
    await communicator.disconnect()


async def test_suspension_by_the_service_closes_every_socket_of_the_user(user, other_user):
    mine = [await socket_of(await sign_in(user)) for _ in range(2)]
    theirs = await established(other_user)

    changed = await database_sync_to_async(services.user_set_active)(
        users=type(user).objects.filter(pk__in=[user.pk, other_user.pk], username=user.username), is_active=False
    )

    assert changed == 1
    for communicator in mine:
        await assert_closed_4401(communicator)
        await communicator.disconnect()
    await assert_open(theirs)
    await theirs.disconnect()


async def test_suspension_by_a_save_closes_the_socket(user):
    communicator = await established(user)

    def suspend():
        user.is_active = False
        user.save()

    await database_sync_to_async(suspend)()
    await assert_closed_4401(communicator)
    await communicator.disconnect()


async def test_a_password_change_closes_every_socket_of_the_user(user, other_user):
    mine = [await socket_of(await sign_in(user)), await established(user)]
    theirs = await established(other_user)

    def change_password():
        user.set_password("AnotherGoodPassword42")
        user.save(update_fields=["password"])

    await database_sync_to_async(change_password)()

    for communicator in mine:
        await assert_closed_4401(communicator)
        await communicator.disconnect()
    await assert_open(theirs)
    await theirs.disconnect()


async def test_a_save_that_changes_neither_password_nor_activity_closes_nothing(user):
    communicator = await established(user)

    def rename():
        user.first_name = "Jo"
        user.save()

    await database_sync_to_async(rename)()
    await database_sync_to_async(services.user_set_active)(users=type(user).objects.filter(pk=user.pk), is_active=True)
    assert await communicator.receive_nothing(timeout=0.3)
    await assert_open(communicator)
    await communicator.disconnect()


async def test_the_socket_closes_when_its_access_token_expires(user):
    token = AccessToken.for_user(user)
    token.set_exp(lifetime=timedelta(seconds=1))
    assert token["exp"] <= time.time() + 1
    communicator = await connect(token=str(token))
    assert (await communicator.receive_json_from())["type"] == "connection_established"

    await assert_closed_4401(communicator, {"type": "error", "message": SESSION_EXPIRED, "code": "session_ended"})
    await communicator.disconnect()


async def test_sockets_past_the_per_user_cap_are_refused_with_4429(user, other_user, settings):
    settings.WS_MAX_CONNECTIONS_PER_USER = 2
    open_ones = [await established(user), await established(user)]

    extra = await connect(user)
    assert await extra.receive_json_from() == {
        "type": "error",
        "message": "Too many open connections for this account (at most 2): close another tab or socket first.",
        "code": "too_many_connections",
    }
    assert await extra.receive_output() == {"type": "websocket.close", "code": CLOSE_TOO_MANY_CONNECTIONS}
    await extra.disconnect()
    others = await established(other_user)  # the cap is per user

    await open_ones[0].disconnect()  # a closed socket frees its slot
    again = await established(user)

    for communicator in (open_ones[1], again, others):
        await assert_open(communicator)
        await communicator.disconnect()


async def test_a_slot_left_by_a_crashed_process_expires(user, settings):
    from django.core.cache import cache

    settings.WS_MAX_CONNECTIONS_PER_USER = 1
    await cache.aadd(f"ws-slot:{user.pk}:0", "a-socket-of-a-dead-process", timeout=1)
    refused = await connect(user)
    assert (await refused.receive_json_from())["code"] == "too_many_connections"
    await refused.disconnect()

    await cache.adelete(f"ws-slot:{user.pk}:0")  # what the expiry does, without waiting for it
    communicator = await established(user)
    await assert_open(communicator)
    await communicator.disconnect()
