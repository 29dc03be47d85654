"""The signed-in user of a token, remembered in this process until the user or any revocation changes.

Why: every authenticated request read its user from the database (one query, with the revocation
check in it). Alone that query costs 87 µs; with 20 requests in flight it cost far more, since each
of its database calls hands the GIL to another thread (bench.api: `/auth/me` served about 0.6 of
`/health/liveness`, and 0.84 with the query taken out).

How it stays exact: the user row (as loaded, after every check passed) is kept per token (user, jti,
family) with the two versions it was read under: the user's (`auth:v:<user id>`, replaced whenever
the user row is saved, deleted or updated in bulk) and the revocations' (`auth:rv`, replaced whenever
any token or family is revoked). Both versions ride on the cache read that already checks the
token's revocation keys, so a remembered user costs no extra round trip and no query; a version
that changed, or went missing from the cache, sends the request to the database as before. The
versions work as sketchdojo.versions describes: a remembered row is never older than its versions.

With Redis every process shares the versions. In the embedded default (process memory) a change
made by another process (a `manage.py changepassword` while the server runs) reaches this process's
remembered users after at most LOCAL_SECONDS; changes made through the server (the API, the admin,
the embedded worker) apply at once.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from threading import Lock

from django.db import DEFAULT_DB_ALIAS

from sketchdojo import versions

LOCAL_SECONDS = 30
LOCAL_SIZE = 10_000
REVOCATIONS_KEY = "auth:rv"

_remembered: OrderedDict[tuple, tuple] = OrderedDict()
_lock = Lock()


def user_version_key(user_id) -> str:
    return f"auth:v:{user_id}"


def version_keys(user_id) -> list[str]:
    """The cache keys to read with the token's revocation keys (`versions_of` reads the answer)."""
    return [user_version_key(user_id), REVOCATIONS_KEY]


def remembered_user(model, *, user_id, jti, family, found: dict):
    """A fresh instance of the remembered user of this token, if both versions in `found` still match."""
    key = (str(user_id), jti, family)
    with _lock:
        entry = _remembered.get(key)
    if entry is None:
        return None
    attnames, values, user_version, revocations_version, stored_at = entry
    if (
        user_version != found.get(user_version_key(user_id))
        or revocations_version != found.get(REVOCATIONS_KEY)
        or time.monotonic() - stored_at > LOCAL_SECONDS
    ):
        return None
    return model.from_db(DEFAULT_DB_ALIAS, attnames, values)


def versions_of(user_id, found: dict) -> tuple[str, str]:
    """The (user, revocations) versions of `found`, a missing one created now (so nothing matches it yet)."""
    user_key, revocations_key = version_keys(user_id)
    return versions.current(user_key, found), versions.current(revocations_key, found)


def remember(user, *, jti, family, versions: tuple[str, str]) -> None:
    """Keep `user` (it passed every check) for the next requests with this token, under `versions`."""
    attnames = [field.attname for field in user._meta.concrete_fields]
    values = [getattr(user, name) for name in attnames]
    with _lock:
        _remembered[(str(user.pk), jti, family)] = (attnames, values, *versions, time.monotonic())
        _remembered.move_to_end((str(user.pk), jti, family))
        while len(_remembered) > LOCAL_SIZE:
            _remembered.popitem(last=False)


def users_changed(user_ids) -> None:
    """These users' rows changed: what was remembered of them is stale now and after the commit."""
    versions.renew(user_version_key(user_id) for user_id in user_ids if user_id is not None)


def revocations_changed() -> None:
    """A token or a family was revoked: every remembered user is checked against the database again."""
    versions.renew([REVOCATIONS_KEY])


def forget_all() -> None:
    """Drop what this process remembers (tests)."""
    with _lock:
        _remembered.clear()
