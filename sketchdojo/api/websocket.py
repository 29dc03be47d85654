"""WebSocket plumbing: token authentication and an origin check that fits token auth.

The socket authenticates with a JWT (query `?token=` or a first `authenticate` message), never with
cookies, so a foreign page cannot ride a visitor's session: browsers' Origin is still checked against
ALLOWED_HOSTS and CORS_ORIGINS, while clients that send no Origin (wscat, servers, mobile apps) pass.

A socket lives as long as the token it signed in with: `SocketSession` keeps that token, and
`session_is_current` re-checks it (logout, suspension, password change end it) whenever the
accounts services ask the user's sockets to (a `session.revoked` event on the user's group).

`ConnectionSlots` caps the sockets of one user (WS_MAX_CONNECTIONS_PER_USER) with numbered slots
in the cache: a slot is taken with an atomic add and kept alive by the socket's heartbeat, so the
slots of a crashed process expire instead of leaking.

The JWT class is `settings.WEBSOCKET_AUTHENTICATION` and the check that a token still stands is
`settings.WEBSOCKET_TOKEN_IS_CURRENT` (import strings: the core names no app).
"""

import logging
from dataclasses import dataclass
from typing import Any

from channels.db import database_sync_to_async
from channels.security.websocket import OriginValidator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils.module_loading import import_string
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError

logger = logging.getLogger("sketchdojo.websocket")


class TokenClientOriginValidator(OriginValidator):
    def valid_origin(self, parsed_origin):
        return parsed_origin is None or super().valid_origin(parsed_origin)


def allowed_ws_origins() -> list[str]:
    """ALLOWED_HOSTS match by host name on any port; CORS_ORIGINS by scheme, host and port."""
    return [*settings.ALLOWED_HOSTS, *settings.CORS_ALLOWED_ORIGINS]


def origin_validated(application):
    return TokenClientOriginValidator(application, allowed_ws_origins())


@dataclass(frozen=True)
class SocketSession:
    """Who a socket acts for, and the validated access token that says so (`expires_at`: its exp)."""

    user: Any
    token: Any
    expires_at: float


@database_sync_to_async
def session_for_token(raw_token: str) -> SocketSession | None:
    """The session of an access token of an active user, or None (bad, expired, revoked, inactive)."""
    if not raw_token or len(raw_token) > 4096:
        return None
    auth = import_string(settings.WEBSOCKET_AUTHENTICATION)()
    try:
        validated = auth.get_validated_token(raw_token.encode())
        user = auth.get_user(validated)
    except (InvalidToken, TokenError, Exception):  # noqa: BLE001 - any failure is "not authenticated"
        return None
    if not user.is_active:
        return None
    return SocketSession(user=user, token=validated, expires_at=float(validated["exp"]))


@database_sync_to_async
def session_is_current(session: SocketSession) -> bool:
    """False once the token was revoked, the user suspended or deleted, or their password changed."""
    user = get_user_model().objects.filter(pk=session.user.pk).first()
    return user is not None and import_string(settings.WEBSOCKET_TOKEN_IS_CURRENT)(session.token, user)


class ConnectionSlots:
    """At most `limit` open sockets per user, counted in the (shared) cache.

    Slot `i` of a user is the key `ws-slot:<user>:<i>`, holding the connection id that took it.
    `acquire` takes the first free slot with `cache.add` (atomic in Redis and in process memory),
    `refresh` renews its expiry (the heartbeat), `release` frees it if it is still this socket's.
    A process that dies without releasing leaves slots that expire after `ttl` seconds.
    """

    def __init__(self, user_id, connection_id: str, *, limit: int, ttl: int):
        self.user_id, self.connection_id, self.limit, self.ttl = user_id, connection_id, limit, ttl
        self.key: str | None = None

    def _key(self, index: int) -> str:
        return f"ws-slot:{self.user_id}:{index}"

    async def acquire(self) -> bool:
        for index in range(self.limit):
            if await cache.aadd(self._key(index), self.connection_id, timeout=self.ttl):
                self.key = self._key(index)
                return True
        return False

    async def refresh(self) -> None:
        if self.key is None:
            return
        holder = await cache.aget(self.key)
        if holder == self.connection_id:
            await cache.atouch(self.key, timeout=self.ttl)
        elif holder is None and await cache.aadd(self.key, self.connection_id, timeout=self.ttl):
            logger.warning("Socket slot %s had expired (heartbeat late); taken again", self.key)
        else:  # expired and taken by another socket meanwhile: look for another free one
            self.key = None
            if not await self.acquire():
                logger.warning("User %s is over the socket cap after a late heartbeat", self.user_id)

    async def release(self) -> None:
        if self.key is not None and await cache.aget(self.key) == self.connection_id:
            await cache.adelete(self.key)
        self.key = None
