"""The per-user socket slots in the cache (issue 15, finding 15): take, renew, free, expire."""

import uuid

import pytest
from django.core.cache import cache

from sketchdojo.api.websocket import ConnectionSlots

pytestmark = pytest.mark.asyncio


@pytest.fixture
def user_id():
    """A user of its own per test (the cache may be a Redis shared with other tests)."""
    user = uuid.uuid4().hex
    yield user
    cache.delete_many([f"ws-slot:{user}:{index}" for index in range(2)])


async def test_sockets_take_the_free_slots_in_order_and_the_one_past_the_limit_gets_none(user_id):
    first, second, third = (ConnectionSlots(user_id, c, limit=2, ttl=60) for c in "abc")
    assert [await first.acquire(), await second.acquire(), await third.acquire()] == [True, True, False]
    assert (first.key, second.key, third.key) == (f"ws-slot:{user_id}:0", f"ws-slot:{user_id}:1", None)


async def test_a_released_slot_is_taken_by_the_next_socket_and_a_release_never_frees_anothers_slot(user_id):
    first, second = (ConnectionSlots(user_id, c, limit=1, ttl=60) for c in "ab")
    await first.acquire()
    await cache.aset(f"ws-slot:{user_id}:0", "someone-else")  # expired and taken meanwhile
    await first.release()
    assert await cache.aget(f"ws-slot:{user_id}:0") == "someone-else"
    await cache.adelete(f"ws-slot:{user_id}:0")
    assert await second.acquire() is True
    assert await cache.aget(f"ws-slot:{user_id}:0") == "b"


async def test_the_heartbeat_takes_an_expired_slot_back_or_moves_to_a_free_one(user_id):
    socket = ConnectionSlots(user_id, "a", limit=2, ttl=60)
    await socket.acquire()
    await cache.adelete(f"ws-slot:{user_id}:0")  # expired: the heartbeat came late
    await socket.refresh()
    assert (socket.key, await cache.aget(f"ws-slot:{user_id}:0")) == (f"ws-slot:{user_id}:0", "a")

    await cache.aset(f"ws-slot:{user_id}:0", "b")  # expired and taken by another socket
    await socket.refresh()
    assert (socket.key, await cache.aget(f"ws-slot:{user_id}:1")) == (f"ws-slot:{user_id}:1", "a")
