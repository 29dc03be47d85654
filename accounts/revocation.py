"""Revoked access-token ids and refresh-token families, kept until the tokens would expire.

With Redis (production) they live in the cache, shared by every process. Without it (the
embedded default) the cache is process memory, so they are also written to the database and
read from there: a restart must not bring a revoked token back.
"""

import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Exists

from accounts import authcache
from accounts.models import Revocation


def _cache_key(key: str) -> str:
    return f"revoked:{key}"


def _persistent() -> bool:
    return not settings.REDIS_URL


def revocations_in_database() -> bool:
    """True when revocations are database rows (no Redis), so a lookup must read them."""
    return _persistent()


def _revoke(key: str, *, expires_at: float) -> None:
    ttl = int(expires_at - time.time()) + 1
    if ttl <= 0:
        return
    cache.set(_cache_key(key), 1, timeout=ttl)
    authcache.revocations_changed()
    if _persistent():
        when = datetime.fromtimestamp(expires_at, tz=UTC)
        # Expired rows are swept on each write (indexed; logouts are rare next to reads).
        Revocation.objects.filter(expires_at__lte=datetime.now(tz=UTC)).delete()
        try:
            with transaction.atomic():
                Revocation.objects.update_or_create(key=key, defaults={"expires_at": when})
        except IntegrityError:  # revoked concurrently by another request: already recorded
            pass


def revocation_keys(*, jti: str | None, family: str | None) -> list[str]:
    keys = [f"jti:{jti}"] if jti else []
    if family:
        keys.append(f"fam:{family}")
    return keys


def revocation_cache_keys(keys: list[str]) -> list[str]:
    return [_cache_key(key) for key in keys]


def revoked_in(found: dict, keys: list[str]) -> bool:
    """Whether a cache read that included `revocation_cache_keys(keys)` found any of them."""
    return any(_cache_key(key) in found for key in keys)


def revoked_in_cache(keys: list[str]) -> bool:
    return bool(keys) and revoked_in(cache.get_many(revocation_cache_keys(keys)), keys)


def revoked_in_database(keys: list[str], *, now: datetime | None = None):
    """An `Exists` of the live database rows for `keys`, to ride on another query; None with Redis.

    With Redis the cache is the only store; without it the rows are the truth (see the module doc).
    """
    if not keys or not _persistent():
        return None
    return Exists(Revocation.objects.filter(key__in=keys, expires_at__gt=now or datetime.now(tz=UTC)))


def _any_revoked(keys: list[str]) -> bool:
    if revoked_in_cache(keys):
        return True
    if not _persistent():
        return False
    return Revocation.objects.filter(key__in=keys, expires_at__gt=datetime.now(tz=UTC)).exists()


def access_token_revoke(*, jti: str, expires_at: int) -> None:
    _revoke(f"jti:{jti}", expires_at=expires_at)


def token_family_revoke(*, family: str, expires_at: float) -> None:
    """End every token of a sign-in session: refresh tokens of the family and their access tokens."""
    _revoke(f"fam:{family}", expires_at=expires_at)


def token_is_revoked(*, jti: str | None, family: str | None) -> bool:
    keys = revocation_keys(jti=jti, family=family)
    return bool(keys) and _any_revoked(keys)


def access_token_is_revoked(jti: str | None) -> bool:
    return token_is_revoked(jti=jti, family=None)
