"""Revoked access-token ids, kept in the cache (Redis in production) until the token expires."""

import time

from django.core.cache import cache


def _key(jti: str) -> str:
    return f"revoked-jti:{jti}"


def access_token_revoke(*, jti: str, expires_at: int) -> None:
    ttl = int(expires_at - time.time()) + 1
    if ttl > 0:
        cache.set(_key(jti), 1, timeout=ttl)


def access_token_is_revoked(jti: str | None) -> bool:
    return bool(jti) and cache.get(_key(jti)) is not None
