"""The embedded default's in-memory channel layer delivers group sends like channels' own."""

import asyncio

import pytest

from sketchdojo import layers
from sketchdojo.layers import FastInMemoryChannelLayer


def _run(coroutine):
    return asyncio.run(coroutine)


def test_a_group_send_reaches_every_member_once_and_no_one_else():
    async def scenario():
        layer = FastInMemoryChannelLayer()
        members = [await layer.new_channel() for _ in range(3)]
        outsider = await layer.new_channel()
        for channel in members:
            await layer.group_add("user_1", channel)
        await layer.group_add("user_2", outsider)

        await layer.group_send("user_1", {"type": "task.update", "data": {"progress": 10}})

        received = [await asyncio.wait_for(layer.receive(channel), 1) for channel in members]
        assert received == [{"type": "task.update", "data": {"progress": 10}}] * 3
        assert outsider not in layer.channels
        assert all(channel not in layer.channels for channel in members)  # queues emptied and dropped

    _run(scenario())


def test_the_sent_message_is_a_copy_of_the_callers():
    async def scenario():
        layer = FastInMemoryChannelLayer()
        channel = await layer.new_channel()
        await layer.group_add("g", channel)
        message = {"type": "task.update", "data": {"progress": 10}}

        await layer.group_send("g", message)
        message["data"]["progress"] = 99

        assert (await layer.receive(channel))["data"] == {"progress": 10}

    _run(scenario())


def test_a_full_channel_misses_the_message_and_the_others_still_get_it():
    async def scenario():
        layer = FastInMemoryChannelLayer(capacity=1)
        full, other = await layer.new_channel(), await layer.new_channel()
        await layer.group_add("g", full)
        await layer.group_add("g", other)
        await layer.send(full, {"type": "first"})

        await layer.group_send("g", {"type": "second"})

        assert await layer.receive(full) == {"type": "first"}
        assert await layer.receive(other) == {"type": "second"}
        assert full not in layer.channels

    _run(scenario())


def test_expired_messages_and_memberships_are_swept_once_the_interval_passed(monkeypatch):
    async def scenario():
        layer = FastInMemoryChannelLayer(expiry=60, group_expiry=60)
        channel = await layer.new_channel()
        await layer.group_add("g", channel)
        await layer.group_send("g", {"type": "old"})
        queue = layer.channels[channel]
        queue._queue[0] = (0.0, queue._queue[0][1])  # expired long ago

        layer._swept_at = float("inf")  # within the interval: not swept yet
        layer._clean_expired()
        assert channel in layer.channels and channel in layer.groups["g"]

        monkeypatch.setattr(layers, "SWEEP_SECONDS", 0.0)
        layer._swept_at = 0.0
        layer._clean_expired()
        assert channel not in layer.channels
        assert channel not in layer.groups.get("g", {})

    _run(scenario())


@pytest.mark.parametrize("backend", ["sketchdojo.layers.FastInMemoryChannelLayer"])
def test_the_embedded_default_uses_it(settings, backend):
    if settings.REDIS_URL:
        pytest.skip("with REDIS_URL the channel layer is channels-redis")
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"] == backend
