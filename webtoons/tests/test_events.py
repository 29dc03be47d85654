"""The realtime transport's group names, and the events the pipeline publishes to the channel layer."""

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from panels.events import publish_panel_ready
from sketchdojo.realtime import task_group, user_group, webtoon_group
from tasks.events import publish_task_update
from webtoons.generation.events import publish_webtoon_update
from webtoons.tests.factories import PanelFactory, TaskFactory

pytestmark = pytest.mark.django_db


def _listen(*groups):
    """Join a fresh channel to the groups; the returned function receives `count` messages.

    The messages are received in one event loop (channels-redis keeps its receive buffers per loop).
    """
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    for group in groups:
        async_to_sync(layer.group_add)(group, channel)

    async def take(count):
        return [await layer.receive(channel) for _ in range(count)]

    return lambda count=1: async_to_sync(take)(count)


def test_group_names_are_one_per_task_user_and_webtoon():
    assert task_group("abc") == "task_abc"
    assert user_group(7) == "user_7"
    assert webtoon_group("w1") == "webtoon_w1"


def test_task_updates_reach_the_task_group_with_increasing_sequence(django_capture_on_commit_callbacks):
    task = TaskFactory(current_step="Queued", total_steps=8)
    receive = _listen(task_group(task.pk))

    with django_capture_on_commit_callbacks(execute=True):
        publish_task_update(task)
        publish_task_update(task)

    first, second = receive(2)
    assert first["type"] == "task.update"
    assert first["task_id"] == str(task.pk)
    assert (first["sequence"], second["sequence"]) == (1, 2)
    assert first["data"]["status"] == "pending"
    assert first["data"]["progress"] == 0.0
    assert first["data"]["current_step"] == "Queued"
    assert first["data"]["total_steps"] == 8
    assert first["data"]["webtoon_id"] == str(task.webtoon_id)
    assert first["data"]["error_message"] == ""
    assert first["timestamp"]
    task.refresh_from_db()
    assert task.event_sequence == 2


def test_task_updates_also_reach_the_owners_group(django_capture_on_commit_callbacks):
    task = TaskFactory()
    receive = _listen(user_group(task.user_id))

    with django_capture_on_commit_callbacks(execute=True):
        publish_task_update(task)

    assert receive()[0]["task_id"] == str(task.pk)


def test_panel_ready_and_webtoon_update_reach_the_webtoon_group(django_capture_on_commit_callbacks):
    panel = PanelFactory(sequence_number=4)
    receive = _listen(webtoon_group(panel.webtoon_id))

    with django_capture_on_commit_callbacks(execute=True):
        publish_panel_ready(panel, task_id="t-1")
        publish_webtoon_update(panel.webtoon)

    ready, update = receive(2)
    assert ready == {
        "type": "panel.ready",
        "webtoon_id": str(panel.webtoon_id),
        "panel_id": str(panel.pk),
        "sequence_number": 4,
        "image_url": None,
        "version": 1,
        "task_id": "t-1",
    }
    assert update["type"] == "webtoon.update"
    assert update["webtoon_id"] == str(panel.webtoon_id)
    assert update["data"]["status"] == "planning"
    assert update["data"]["panel_count"] == 1


def test_events_are_sent_only_once_the_transaction_commits(django_capture_on_commit_callbacks):
    task = TaskFactory()
    receive_later = _listen(task_group(task.pk))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish_task_update(task)

    # Deferred: the event (and the list cache's version change for the task's new sequence).
    assert [callback.__qualname__.split(".")[0] for callback in callbacks] == ["renew", "publish"]
    with django_capture_on_commit_callbacks(execute=True):
        publish_task_update(task)
    assert receive_later()[0]["sequence"] == 2
