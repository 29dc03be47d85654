"""Sign-in lockout, shaped so that nobody can lock an owner out of their own account.

- Per (account, address) pair: after LOGIN_FAILURE_LIMIT failures within
  LOGIN_FAILURE_WINDOW_SECONDS, that address may not try that account again (even with the
  right password) until the window, counted from the pair's first failure, has passed.
- Per address: LOGIN_ADDRESS_FAILURE_LIMIT failures across all accounts in the window, against
  one address spraying many names.
- Per account, slower, against many addresses: past LOGIN_ACCOUNT_FAILURE_SOFT_LIMIT failures
  in the window, an address that has itself failed for this account waits 2^(excess) seconds
  (capped at LOGIN_ACCOUNT_BACKOFF_MAX_SECONDS) after the account's latest failure. An address
  that has not failed for the account is never held back by it: the owner still signs in.

A success clears the account's and the pair's counts. Each check is O(1): a few cache keys (Redis
in production) that expire with the window.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

from sketchdojo.api.throttles import hit_counter


def client_address(request) -> str:
    """The client address as the API throttles see it (honours NUM_PROXIES); also axes' view."""
    return BaseThrottle().get_ident(request)


def login_account_key(*, login: str, user) -> str:
    """The account a sign-in attempt is counted against: the user's id, or for names that match
    nobody a digest of the name (any case; any text can arrive here, cache keys must stay tame)."""
    if user is not None:
        return str(user.pk)
    return hashlib.sha256(login.strip().lower().encode()).hexdigest()


def _window() -> int:
    return settings.LOGIN_FAILURE_WINDOW_SECONDS


def _pair_key(account: str, address: str) -> str:
    return f"login-failures:pair:{account}:{address}"


def _address_key(address: str) -> str:
    return f"login-failures:addr:{address}"


def _account_key(account: str) -> str:
    return f"login-failures:account:{account}"


def login_lockout_seconds(*, account: str, address: str) -> int:
    """Seconds until this address may try this account again; 0 when it may now."""
    now = time.time()
    pair, addr, acct = _pair_key(account, address), _address_key(address), _account_key(account)
    values = cache.get_many(
        [f"{pair}:count", f"{pair}:start", f"{addr}:count", f"{addr}:start", f"{acct}:count", f"{acct}:last"]
    )
    wait = 0.0
    for key, limit in ((pair, settings.LOGIN_FAILURE_LIMIT), (addr, settings.LOGIN_ADDRESS_FAILURE_LIMIT)):
        if values.get(f"{key}:count", 0) >= limit:
            wait = max(wait, values.get(f"{key}:start", now) + _window() - now)
    excess = values.get(f"{acct}:count", 0) - settings.LOGIN_ACCOUNT_FAILURE_SOFT_LIMIT
    if excess > 0 and values.get(f"{pair}:count", 0) > 0:
        backoff = min(2 ** min(excess, 32), settings.LOGIN_ACCOUNT_BACKOFF_MAX_SECONDS)
        wait = max(wait, values.get(f"{acct}:last", now) + backoff - now)
    return max(int(wait + 0.999), 1) if wait > 0 else 0


def login_failure_record(*, account: str, address: str) -> None:
    now = time.time()
    for key in (_pair_key(account, address), _address_key(address)):
        cache.add(f"{key}:start", now, timeout=_window())
        hit_counter(f"{key}:count", _window())
    acct = _account_key(account)
    hit_counter(f"{acct}:count", _window())
    cache.set(f"{acct}:last", now, timeout=_window())


def login_failures_clear(*, account: str, address: str) -> None:
    """Forget the account's and this pair's failures after a successful sign-in (the address
    keeps its count across other accounts)."""
    pair, acct = _pair_key(account, address), _account_key(account)
    cache.delete_many([f"{pair}:count", f"{pair}:start", f"{acct}:count", f"{acct}:last"])
