"""Rate limits as O(1) sliding-window counters in the cache (Redis in production).

DRF's built-in throttles keep a per-request history list in the cache; these keep one integer
per client and window, so a check costs the same at 60/min or 6000/min. A fixed window lets
twice the rate through around a window boundary, so the count is the two-bucket approximation
of a sliding window (as in Cloudflare's and nginx's limiters): the current window's count plus
the previous window's, weighted by how much of it still lies within the last `duration`
seconds. Rates come from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], read at call time so settings
overrides apply.
"""

import contextlib
import math
import time

from django.core.cache import cache
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    num, period = rate.split("/")
    return int(num), _PERIODS[period.strip()[0].lower()]


def hit_counter(key: str, duration: int) -> int:
    """Increment and return the counter stored at `key`, created for `duration` seconds."""
    cache.add(key, 0, timeout=duration + 1)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=duration + 1)
        return 1


def sliding_window_wait(*, limit: int, duration: int, elapsed: float, previous: int, current: int) -> float:
    """Seconds until one more request fits: the weighted count plus one must be <= `limit`.

    `elapsed` is how far into the current window we are; `previous` and `current` are the
    counts of the previous and current windows (without the refused request).
    """
    room = limit - 1 - current  # what the previous window's weighted share must drop to
    if room >= 0 and previous > 0:
        # previous * (duration - elapsed - wait) / duration <= room, within this window
        wait = (duration - elapsed) - duration * room / previous
        if wait <= duration - elapsed:
            return max(wait, 0.0)
    # Next window: this window becomes the previous one, weighted down as it slides out.
    into_next = duration * (1 - (limit - 1) / current) if current > 0 else 0.0
    return (duration - elapsed) + max(into_next, 0.0)


class CounterRateThrottle(BaseThrottle):
    scope: str = ""
    _wait: float | None = None

    def get_ident_key(self, request, view) -> str | None:
        raise NotImplementedError

    def allow_request(self, request, view) -> bool:
        rate = api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
        if not rate:
            return True
        ident = self.get_ident_key(request, view)
        if ident is None:
            return True
        limit, duration = parse_rate(rate)
        now = time.time()
        window = int(now // duration)
        elapsed = now - window * duration
        key = f"throttle:{self.scope}:{ident}"
        # Both buckets live two windows: the current one is read as "previous" during the next.
        current = hit_counter(f"{key}:{window}", 2 * duration)
        previous = cache.get(f"{key}:{window - 1}", 0)
        if previous * (duration - elapsed) / duration + current > limit:
            with contextlib.suppress(ValueError):  # refused requests do not count
                cache.decr(f"{key}:{window}")
            self._wait = sliding_window_wait(
                limit=limit, duration=duration, elapsed=elapsed, previous=previous, current=current - 1
            )
            return False
        return True

    def wait(self) -> float | None:
        return None if self._wait is None else max(math.ceil(self._wait), 1)


class UserRateThrottle(CounterRateThrottle):
    """General API: per user when signed in, per client address otherwise."""

    scope = "user"

    def get_ident_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return f"user:{request.user.pk}"
        return f"addr:{self.get_ident(request)}"


class AddressRateThrottle(CounterRateThrottle):
    def get_ident_key(self, request, view):
        return f"addr:{self.get_ident(request)}"


class LoginRateThrottle(AddressRateThrottle):
    scope = "login"


class RegisterRateThrottle(AddressRateThrottle):
    scope = "register"


class GenerationRateThrottle(UserRateThrottle):
    scope = "generation"


class PanelGenerationRateThrottle(UserRateThrottle):
    scope = "panel_generation"
