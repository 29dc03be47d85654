"""Rate limits as O(1) token buckets in the cache (Redis in production).

DRF's built-in throttles keep a per-request history list in the cache. A fixed-window counter
is O(1) but lets twice the rate through around a window boundary. These use GCRA, the generic
cell rate algorithm (a token bucket kept as one number per client, the "theoretical arrival
time"): "60/min" allows a burst of 60, then one request per second as the bucket refills, so no
60-second span ever sees much more than 60, and the Retry-After of a refused request is exact
and at most period/limit seconds. On Redis the check-and-update is one Lua script (atomic across
processes); without Redis the cache is process memory and a lock makes it atomic. Rates come
from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], read at call time so settings overrides apply.
"""

import threading
import time

from django.core.cache import cache, caches
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


_GCRA_LUA = """
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local tolerance = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or ARGV[1])
if tat < now then tat = now end
if tat - tolerance > now then return tostring(tat - tolerance - now) end
local new = tat + interval
redis.call('SET', KEYS[1], tostring(new), 'PX', math.ceil((new - now) * 1000) + 1000)
return '0'
"""
_local_lock = threading.Lock()
_gcra_script = None  # redis-py Script: EVALSHA, loading the script again if Redis lost it


def gcra_decide(*, tat: float | None, now: float, limit: int, duration: int) -> tuple[float, float | None]:
    """One GCRA step: (seconds to wait, 0 when allowed; the new arrival time, None if refused).

    `tat` is the stored theoretical arrival time (None for a new client): each allowed request
    moves it on by duration/limit, and a request is allowed while it is at most
    duration - duration/limit ahead of now (a full bucket holds `limit` requests).
    """
    interval = duration / limit
    tat = max(tat if tat is not None else now, now)
    wait = tat - (duration - interval) - now
    if wait > 0:
        return wait, None
    return 0.0, tat + interval


def gcra_take(key: str, *, limit: int, duration: int) -> float:
    """Take one request from the bucket at `key`; returns 0 if allowed, else seconds to wait."""
    now = time.time()
    backend = caches["default"]
    if hasattr(backend, "client") and hasattr(backend.client, "get_client"):  # django-redis
        global _gcra_script
        interval = duration / limit
        redis = backend.client.get_client(write=True)
        if _gcra_script is None:
            _gcra_script = redis.register_script(_GCRA_LUA)
        args = [repr(now), repr(interval), repr(duration - interval)]
        return float(_gcra_script(keys=[backend.make_key(key)], args=args, client=redis))
    with _local_lock:
        wait, new_tat = gcra_decide(tat=cache.get(key), now=now, limit=limit, duration=duration)
        if new_tat is not None:
            cache.set(key, new_tat, timeout=int(new_tat - now) + 2)
    return wait


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
        wait = gcra_take(f"throttle:{self.scope}:{ident}", limit=limit, duration=duration)
        if wait > 0:
            self._wait = wait
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
