"""The one place that names realtime groups and publishes generation events to the channel layer.

The pipeline (Celery workers, or the embedded worker thread) calls the `publish_*` functions; the
WebSocket consumer joins the groups named here and forwards each event to the browser. Every event
is sent to the channel layer as a dict whose `type` is the consumer handler (`task.update` →
`task_update`, ...) and whose other keys are exactly the client payload of SPEC §5, so the consumer
only has to swap the `type`:

    {"type": "task.update", "task_id", "sequence", "data": {...}, "timestamp"}   → client "task_update"
    {"type": "panel.ready", "webtoon_id", "panel_id", "sequence_number", "image_url", "task_id", "version"}
                                                                                   → client "panel_ready"
    {"type": "webtoon.update", "webtoon_id", "data": {...}, "timestamp"}          → client "webtoon_update"

Task updates go to the task's group and its owner's group; panel and webtoon events to the webtoon's
group and the owner's group. `sequence` is the task's `event_sequence`, bumped atomically in the
database for each published update, so a client can drop any update older than the last it showed.
Publishing never breaks the pipeline: a channel layer failure is logged and swallowed (the Task row is
the truth; a client that reconnects re-reads it).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.db.models import F

from sketchdojo.links import file_url

if TYPE_CHECKING:
    from panels.models import Panel
    from tasks.models import Task
    from webtoons.models import Webtoon

logger = logging.getLogger("sketchdojo.realtime")

TASK_UPDATE = "task.update"
PANEL_READY = "panel.ready"
WEBTOON_UPDATE = "webtoon.update"

# The event loop of the ASGI server in this process (set by `bind_server_loop`). With the in-memory
# channel layer, events from worker threads must be handed to that loop, where the consumers wait.
_server_loop: asyncio.AbstractEventLoop | None = None
_loop_lock = threading.Lock()


def task_group(task_id) -> str:
    return f"task_{task_id}"


def user_group(user_id) -> str:
    return f"user_{user_id}"


def webtoon_group(webtoon_id) -> str:
    return f"webtoon_{webtoon_id}"


def _now() -> str:
    return datetime.now(UTC).isoformat()


def task_update_data(task: Task) -> dict[str, Any]:
    """The `data` of a task_update: the task's state as the client shows it."""
    return {
        "status": task.status,
        "progress": round(float(task.progress), 2),
        "current_step": task.current_step,
        "total_steps": task.total_steps,
        "error_message": task.error_message,
        "task_type": task.task_type,
        "webtoon_id": str(task.webtoon_id) if task.webtoon_id else None,
        "panel_id": str(task.panel_id) if task.panel_id else None,
        "retry_count": task.retry_count,
        "started_at": task.started_at.isoformat() if task.started_at else None,
        "completed_at": task.completed_at.isoformat() if task.completed_at else None,
        "estimated_duration_seconds": task.estimated_duration_seconds,
        "result": task.result or {},
    }


def task_update_message(task: Task) -> dict[str, Any]:
    """The task_update client payload for the task's current row (no sequence bump).

    The consumer sends this right after `subscribe_task`, so a reconnecting client is never behind.
    """
    return {
        "task_id": str(task.pk),
        "sequence": task.event_sequence,
        "data": task_update_data(task),
        "timestamp": _now(),
    }


def panel_ready_message(panel: Panel, *, task_id=None) -> dict[str, Any]:
    return {
        "webtoon_id": str(panel.webtoon_id),
        "panel_id": str(panel.pk),
        "sequence_number": panel.sequence_number,
        "image_url": file_url(panel.image),
        "version": panel.version,
        "task_id": str(task_id) if task_id else None,
    }


def webtoon_update_data(webtoon: Webtoon) -> dict[str, Any]:
    return {
        "status": webtoon.status,
        "title": webtoon.title,
        "panel_count": webtoon.panels.count(),
        "thumbnail_url": file_url(webtoon.thumbnail),
        "strip_url": file_url(webtoon.strip),
        "published_url": webtoon.published_url or None,
    }


def webtoon_update_message(webtoon: Webtoon) -> dict[str, Any]:
    """The webtoon_update client payload for the webtoon as it is now (also the subscribe snapshot)."""
    return {"webtoon_id": str(webtoon.pk), "data": webtoon_update_data(webtoon), "timestamp": _now()}


def bind_server_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Remember the ASGI server's event loop (called once by config.asgi on the first request)."""
    global _server_loop
    with _loop_lock:
        _server_loop = loop


def _send(groups: list[str], message: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return

    async def send_all():
        for group in groups:
            await layer.group_send(group, message)

    try:
        loop = _server_loop
        in_memory = layer.__class__.__name__ == "InMemoryChannelLayer"
        if in_memory and loop is not None and loop.is_running():
            try:
                running = asyncio.get_running_loop()
            except RuntimeError:
                running = None
            if running is loop:
                loop.create_task(send_all())
            else:
                asyncio.run_coroutine_threadsafe(send_all(), loop).result(timeout=5)
        else:
            async_to_sync(send_all)()
    except Exception:  # the Task row is the truth; a client re-reads it on subscribe
        logger.warning("Could not publish %s to %s", message.get("type"), groups, exc_info=True)


def _after_commit(fn) -> None:
    """Publish once the surrounding transaction (if any) has committed, so readers see the new rows."""
    transaction.on_commit(fn)


def publish_task_update(task: Task) -> dict[str, Any]:
    """Bump the task's event sequence, re-read the row and publish its state; returns the payload.

    The increment and the read happen in one transaction (the row stays locked between them), so
    every published update of a task has its own, increasing sequence number.
    """
    from tasks.models import Task

    with transaction.atomic():
        Task.objects.filter(pk=task.pk).update(event_sequence=F("event_sequence") + 1)
        fresh = Task.objects.get(pk=task.pk)
    task.event_sequence = fresh.event_sequence
    payload = task_update_message(fresh)
    message = {"type": TASK_UPDATE, **payload}
    _after_commit(lambda: _send([task_group(fresh.pk), user_group(fresh.user_id)], message))
    return payload


def publish_panel_ready(panel: Panel, *, task_id=None) -> dict[str, Any]:
    """Tell watchers of the webtoon that a panel has (new) lettered art."""
    payload = panel_ready_message(panel, task_id=task_id)
    owner_id = panel.webtoon.project.user_id
    message = {"type": PANEL_READY, **payload}
    _after_commit(lambda: _send([webtoon_group(panel.webtoon_id), user_group(owner_id)], message))
    return payload


def publish_webtoon_update(webtoon: Webtoon) -> dict[str, Any]:
    """Tell watchers of the webtoon that its status, strip or publication changed."""
    payload = webtoon_update_message(webtoon)
    owner_id = webtoon.project.user_id
    message = {"type": WEBTOON_UPDATE, **payload}
    _after_commit(lambda: _send([webtoon_group(webtoon.pk), user_group(owner_id)], message))
    return payload


SESSION_REVOKED = "session.revoked"


def publish_session_revoked(user_id) -> None:
    """Ask every open socket of the user to re-check its token (after logout, suspension or a
    password change): the sockets whose token ended close with 4401, the others carry on."""
    _after_commit(lambda: _send([user_group(user_id)], {"type": SESSION_REVOKED}))
