"""The realtime transport: the group names and `publish` (send to groups after commit).

The payloads are built by the apps that own them: task_update in `tasks.events`, panel_ready in
`panels.events`, webtoon_update in `webtoons.generation.events`; the WebSocket consumer joins the
groups named here and forwards each event to the browser. Every event
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
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.db import transaction

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


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


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
        in_memory = isinstance(layer, InMemoryChannelLayer)
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


def publish(groups: list[str], message: dict[str, Any]) -> None:
    """Send `message` to the groups once the surrounding transaction (if any) has committed."""
    _after_commit(lambda: _send(groups, message))


SESSION_REVOKED = "session.revoked"


def publish_session_revoked(user_id) -> None:
    """Ask every open socket of the user to re-check its token (after logout, suspension or a
    password change): the sockets whose token ended close with 4401, the others carry on."""
    _after_commit(lambda: _send([user_group(user_id)], {"type": SESSION_REVOKED}))
