"""The realtime socket, `/api/v1/ws/connect` (SPEC §5): generation progress pushed to its owner.

Channels only carries messages here: the consumer authenticates, checks access through the
selectors, joins the groups named by `sketchdojo.realtime` and forwards the events the pipeline
publishes. A signed-in socket always sits in its user's group, so a user gets their own tasks'
updates without subscribing; subscribing to a task or webtoon adds an immediate snapshot (a client
that reconnects is never behind). An event can reach a socket through two groups (user and task),
so each is forwarded once, by its identity (task updates: only when newer than the last one sent).

A socket lives as long as its sign-in: it is closed with 4401 when its access token expires (a
timer set at `exp`), and when the accounts services announce a logout, suspension or password
change (`session.revoked` on the user's group) that ends the token it signed in with. One user has
at most WS_MAX_CONNECTIONS_PER_USER signed-in sockets; the next one gets an `error` and 4429.

This ledger-level consumer knows tasks only; `webtoons.consumers` adds the webtoon subscriptions
(a subclass extends `_HANDLERS`) and is the one config.routing mounts.
"""

import asyncio
import json
import logging
import time
import uuid
from collections import OrderedDict
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.http import Http404

from sketchdojo import realtime
from sketchdojo.api.websocket import ConnectionSlots, SocketSession, session_for_token, session_is_current
from sketchdojo.metrics import WEBSOCKET_CONNECTIONS
from tasks.events import task_update_message
from tasks.selectors import task_get

CLOSE_UNAUTHENTICATED = 4401
CLOSE_TOO_MANY_CONNECTIONS = 4429
AUTHENTICATE_WITHIN_SECONDS = 10
# A socket's slot in the per-user count expires this long after its last heartbeat (a crashed
# process frees its slots by then); a live socket renews it every third of that.
CONNECTION_SLOT_SECONDS = 60
SESSION_EXPIRED = "Your session expired: sign in again and reconnect."
SESSION_ENDED = "Your session ended (signed out, suspended or password changed): sign in again."
_SEEN_EVENTS_KEPT = 512
# Channel-layer events the consumer only forwards (no database): see GenerationConsumer.dispatch.
_FORWARDED_EVENTS = frozenset({realtime.TASK_UPDATE, realtime.PANEL_READY, realtime.WEBTOON_UPDATE})

logger = logging.getLogger("sketchdojo.realtime")


@database_sync_to_async
def _task_snapshot(user, task_id):
    try:
        return task_update_message(task_get(user=user, task_id=task_id))
    except Http404:
        return None


class GenerationConsumer(AsyncWebsocketConsumer):
    """One browser tab (or script) following its owner's generations."""

    async def connect(self):
        self.connection_id = uuid.uuid4().hex
        self.user = None
        self.groups_joined: set[str] = set()
        self._seen: OrderedDict[tuple, None] = OrderedDict()
        self._last_sequence: dict[str, int] = {}
        self._auth_timer: asyncio.TimerHandle | None = None
        self.session: SocketSession | None = None
        self._expiry_timer: asyncio.TimerHandle | None = None
        self._slots: ConnectionSlots | None = None
        self._heartbeat: asyncio.Task | None = None
        await self.accept()
        WEBSOCKET_CONNECTIONS.inc()
        self._counted = True
        token = self._query_token()
        if token is not None:
            await self._authenticate(token)
        else:
            loop = asyncio.get_running_loop()
            self._auth_timer = loop.call_later(
                AUTHENTICATE_WITHIN_SECONDS, lambda: asyncio.ensure_future(self._auth_timeout())
            )

    def _query_token(self) -> str | None:
        query = parse_qs(self.scope.get("query_string", b"").decode("latin1"))
        values = query.get("token")
        return values[0] if values else None

    async def _auth_timeout(self):
        if self.user is None:
            await self.close(code=CLOSE_UNAUTHENTICATED)

    async def _authenticate(self, token: str) -> None:
        session = await session_for_token(token)
        if session is None:
            await self.send_json({"type": "error", "message": "Invalid or expired token."})
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        if self._auth_timer is not None:
            self._auth_timer.cancel()
        limit = settings.WS_MAX_CONNECTIONS_PER_USER
        slots = ConnectionSlots(session.user.pk, self.connection_id, limit=limit, ttl=CONNECTION_SLOT_SECONDS)
        if not await slots.acquire():
            await self.error(
                f"Too many open connections for this account (at most {limit}): close another tab or socket first.",
                code="too_many_connections",
            )
            await self.close(code=CLOSE_TOO_MANY_CONNECTIONS)
            return
        self._slots = slots
        self._heartbeat = asyncio.ensure_future(self._keep_slot())
        self.session = session
        self.user = session.user
        loop = asyncio.get_running_loop()
        self._expiry_timer = loop.call_later(
            max(0.0, session.expires_at - time.time()),
            lambda: asyncio.ensure_future(self._end_session(SESSION_EXPIRED)),
        )
        await self._join(realtime.user_group(self.user.pk))
        await self.send_json(
            {"type": "connection_established", "connection_id": self.connection_id, "user_id": str(self.user.pk)}
        )

    async def _keep_slot(self) -> None:
        while True:
            await asyncio.sleep(CONNECTION_SLOT_SECONDS / 3)
            try:
                await self._slots.refresh()
            except Exception:  # a cache hiccup must not kill the socket; the next beat retries
                logger.warning("Could not renew socket slot", exc_info=True)

    async def _end_session(self, message: str) -> None:
        """Stop forwarding at once, tell the client why, and close with 4401."""
        if self.user is None:
            return
        self.user = None
        self.session = None
        await self.error(message, code="session_ended")
        await self.close(code=CLOSE_UNAUTHENTICATED)

    async def disconnect(self, code):
        for timer in (self._auth_timer, self._expiry_timer):
            if timer is not None:
                timer.cancel()
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            self._heartbeat = None
        if self._slots is not None:
            await self._slots.release()
            self._slots = None
        for group in list(self.groups_joined):
            await self.channel_layer.group_discard(group, self.channel_name)
        self.groups_joined.clear()
        if getattr(self, "_counted", False):
            WEBSOCKET_CONNECTIONS.dec()
            self._counted = False

    async def _join(self, group: str) -> None:
        if group not in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
            self.groups_joined.add(group)

    async def _leave(self, group: str) -> None:
        if group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)
            self.groups_joined.discard(group)

    async def dispatch(self, message):
        """Forward realtime events straight away; everything else as channels does it.

        channels closes stale database connections before every handler, in a worker thread (a
        thread hop per message). A forwarded event touches no database, and one event goes to every
        socket of a user: 100 sockets meant 100 thread hops per event, through one executor, on the
        server's event loop, which made live updates seconds late during a generation.
        """
        if message.get("type") in _FORWARDED_EVENTS:
            await getattr(self, get_handler_name(message))(message)
            return
        await super().dispatch(message)

    async def send_json(self, content: dict) -> None:
        await self.send(text_data=json.dumps(content))

    async def error(self, message: str, **extra) -> None:
        await self.send_json({"type": "error", "message": message, **extra})

    # --- client messages ---------------------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None):
        try:
            message = json.loads(text_data if text_data is not None else bytes_data)
        except (TypeError, ValueError, RecursionError):
            await self.error("Messages must be JSON objects.")
            return
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            await self.error("Messages must be JSON objects with a string 'type'.")
            return
        kind = message["type"]
        if kind == "ping":
            await self.send_json({"type": "pong", "timestamp": time.time()})
            return
        if kind == "authenticate":
            if self.user is not None:
                await self.error("Already authenticated.")
            else:
                await self._authenticate(str(message.get("token") or ""))
            return
        if self.user is None:
            await self.error("Authenticate first: send {'type': 'authenticate', 'token': '<access token>'}.")
            return
        handler = self._HANDLERS.get(kind)
        if handler is None:
            await self.error(f"Unknown message type {kind!r}.")
            return
        await handler(self, message)

    async def _subscribe_task(self, message):
        task_id = message.get("task_id")
        snapshot = await _task_snapshot(self.user, task_id) if task_id else None
        if snapshot is None:
            await self.error("Task not found.", task_id=task_id)
            return
        await self._join(realtime.task_group(snapshot["task_id"]))
        await self.send_json(
            {"type": "subscription_confirmed", "subscription_type": "task", "task_id": snapshot["task_id"]}
        )
        self._last_sequence[snapshot["task_id"]] = max(
            snapshot["sequence"], self._last_sequence.get(snapshot["task_id"], -1)
        )
        await self.send_json({"type": "task_update", **snapshot})

    async def _unsubscribe_task(self, message):
        task_id = str(message.get("task_id") or "")
        await self._leave(realtime.task_group(task_id))
        await self.send_json({"type": "unsubscription_confirmed", "subscription_type": "task", "task_id": task_id})

    _HANDLERS = {
        "subscribe_task": _subscribe_task,
        "unsubscribe_task": _unsubscribe_task,
    }

    # --- events from the pipeline (channel layer) ----------------------------------------------------

    def _forward_once(self, key: tuple) -> bool:
        """True the first time an event identity is seen on this socket."""
        if key in self._seen:
            return False
        self._seen[key] = None
        if len(self._seen) > _SEEN_EVENTS_KEPT:
            self._seen.popitem(last=False)
        return True

    async def _forward(self, event: dict, client_type: str, key: tuple) -> None:
        if self.user is None or not self._forward_once(key):
            return
        payload = {k: v for k, v in event.items() if k != "type"}
        await self.send_json({"type": client_type, **payload})

    async def task_update(self, event):
        # Workers publish after their own commits, so two updates of one task can cross on the way:
        # each carries the task's whole state, so anything not newer than what was sent is dropped.
        task_id, sequence = event.get("task_id"), event.get("sequence", 0)
        if self.user is None or sequence <= self._last_sequence.get(task_id, -1):
            return
        self._last_sequence[task_id] = sequence
        await self.send_json({"type": "task_update", **{k: v for k, v in event.items() if k != "type"}})

    async def session_revoked(self, event):
        # Sent to every socket of the user; only those whose own token ended close.
        session = self.session
        if session is not None and not await session_is_current(session):
            await self._end_session(SESSION_ENDED)

    async def panel_ready(self, event):
        key = ("panel", event.get("panel_id"), event.get("version"), event.get("image_url"))
        await self._forward(event, "panel_ready", key)

    async def webtoon_update(self, event):
        await self._forward(event, "webtoon_update", ("webtoon", event.get("webtoon_id"), event.get("timestamp")))
