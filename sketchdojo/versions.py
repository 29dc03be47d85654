"""Versions in the cache: random tokens that say "what was stored under me is still current".

Both caches of derived data (sketchdojo.listcache's list pages, accounts.authcache's users) keep an
entry with the version it was read under and serve it only while that is still the version. A
writer `renew`s the versions it affects at once (so its own transaction reads fresh data) and again
when the transaction commits (so an entry read by another request before the commit is never
served after it). A reader takes the version *before* it reads the data (`current`), so an entry
can only be older than its version, never newer. A version the cache lost (evicted, restarted) is
replaced by a new random one, which nothing stored matches: a lost version costs a miss, never a
stale answer.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction

VERSION_SECONDS = 24 * 3600


def current(key: str, found: dict) -> str:
    """The version at `key` as `found` in a cache read, created now when missing."""
    version = found.get(key)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(key, version, timeout=VERSION_SECONDS):
            version = cache.get(key) or version
    return version


def renew(keys: Iterable[str]) -> None:
    """Replace the versions at `keys` now and again when the current transaction commits."""
    keys = set(keys)
    if keys:
        _replace(keys)
        transaction.on_commit(lambda: _replace(keys))


def _replace(keys: set[str]) -> None:
    cache.set_many({key: uuid.uuid4().hex for key in keys}, timeout=VERSION_SECONDS)
