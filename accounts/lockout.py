"""Sign-in lockout: too many failed logins for one account or one address → locked for a while.

After LOGIN_FAILURE_LIMIT failures within LOGIN_FAILURE_WINDOW_SECONDS, further attempts (even
with the right password) are refused until that window, counted from the first failure, has
passed. Each check is O(1): one counter and one start time per account and per address, kept in
the cache (Redis in production) and expiring with the window.
"""

import time

from django.conf import settings
from django.core.cache import cache

from sketchdojo.api.throttles import hit_counter


def _window() -> int:
    return settings.LOGIN_FAILURE_WINDOW_SECONDS


def _keys(*, account: str | None, address: str) -> list[str]:
    keys = [f"login-failures:addr:{address}"]
    if account:
        keys.append(f"login-failures:account:{account}")
    return keys


def login_lockout_seconds(*, account: str | None, address: str) -> int:
    """Seconds until sign-in is allowed again for this account/address; 0 when not locked."""
    now = time.time()
    wait = 0
    for key in _keys(account=account, address=address):
        values = cache.get_many([f"{key}:count", f"{key}:start"])
        if values.get(f"{key}:count", 0) >= settings.LOGIN_FAILURE_LIMIT:
            started = values.get(f"{key}:start", now)
            wait = max(wait, int(started + _window() - now + 0.999), 1)
    return wait


def login_failure_record(*, account: str | None, address: str) -> None:
    now = time.time()
    for key in _keys(account=account, address=address):
        cache.add(f"{key}:start", now, timeout=_window())
        hit_counter(f"{key}:count", _window())


def login_failures_clear(*, account: str) -> None:
    """Forget an account's failures after a successful sign-in (the address keeps its count)."""
    key = f"login-failures:account:{account}"
    cache.delete_many([f"{key}:count", f"{key}:start"])
