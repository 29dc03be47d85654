"""Rate limits as O(1) fixed-window counters in the cache (Redis in production).

DRF's built-in throttles keep a per-request history list in the cache; these keep one integer
per client and window, so a check costs the same at 60/min or 6000/min. Rates come from
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], read at call time so settings overrides apply.
"""

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
        count = hit_counter(f"throttle:{self.scope}:{ident}:{window}", duration)
        if count > limit:
            self._wait = duration - (now % duration)
            return False
        return True

    def wait(self) -> float | None:
        return self._wait


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
