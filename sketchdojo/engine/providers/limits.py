"""A cap on the calls in flight to one provider, shared by every worker that talks to it.

Provider accounts have concurrency and rate limits; a fleet of Celery workers each drawing eight
panels at once would trip them. With `REDIS_URL` set the cap is a Redis semaphore every worker on
every host shares: a sorted set of slot tokens scored by their expiry time, claimed and pruned in one
Lua script (so a worker killed mid-call frees its slot when the expiry passes). Without Redis (the
embedded, single-process default) it is a `threading.BoundedSemaphore` per process.

    with limiter_for("stability:image", limit=8).slot():
        ...one HTTP call...
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sketchdojo.engine.providers.base import ProviderTransientError
from sketchdojo.engine.providers.http import default_timeout, setting

DEFAULT_SLOT_TTL = 300.0
POLL_SECONDS = 0.05

# KEYS[1] the slot set; ARGV: token, limit, ttl seconds. Server time, so worker clocks do not matter.
_ACQUIRE_LUA = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
  redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[3])) + 1)
  return 1
end
return 0
"""


class LocalLimiter:
    """At most `limit` calls in flight in this process."""

    def __init__(self, name: str, limit: int, *, acquire_timeout: float = DEFAULT_SLOT_TTL):
        self.name = name
        self.limit = limit
        self.acquire_timeout = acquire_timeout
        self._semaphore = threading.BoundedSemaphore(limit)

    @contextmanager
    def slot(self) -> Iterator[None]:
        if not self._semaphore.acquire(timeout=self.acquire_timeout):
            raise _busy(self.name)
        try:
            yield
        finally:
            self._semaphore.release()


class RedisLimiter:
    """At most `limit` calls in flight across every process using this Redis; slots expire after `ttl`."""

    def __init__(
        self,
        name: str,
        limit: int,
        *,
        redis_url: str,
        ttl: float = DEFAULT_SLOT_TTL,
        acquire_timeout: float = DEFAULT_SLOT_TTL,
        key_prefix: str = "sketchdojo",
    ):
        # Lazy: redis-py loads the OpenTelemetry SDK when it is installed; only a Redis setup pays for it.
        import redis

        self.name = name
        self.limit = limit
        self.ttl = ttl
        self.acquire_timeout = acquire_timeout
        self.key = f"{key_prefix}:provider-slots:{name}"
        self._redis = redis.Redis.from_url(redis_url, socket_timeout=5)
        self._acquire = self._redis.register_script(_ACQUIRE_LUA)

    def in_flight(self) -> int:
        now = time.time()
        return int(self._redis.zcount(self.key, now, "+inf"))

    @contextmanager
    def slot(self) -> Iterator[None]:
        import redis  # lazy, as in __init__

        token = uuid.uuid4().hex
        deadline = time.monotonic() + self.acquire_timeout
        try:
            while not self._acquire(keys=[self.key], args=[token, self.limit, self.ttl]):
                if time.monotonic() >= deadline:
                    raise _busy(self.name)
                time.sleep(POLL_SECONDS)
        except redis.RedisError as exc:
            raise ProviderTransientError(
                f"Could not reach Redis to reserve a {self.name} call slot ({exc.__class__.__name__})."
            ) from exc
        try:
            yield
        finally:
            with suppress(redis.RedisError):  # else the slot expires by itself after `ttl`
                self._redis.zrem(self.key, token)


def _busy(name: str) -> ProviderTransientError:
    provider = name.split(":", 1)[0]
    return ProviderTransientError(f"Too many {name} calls in flight; try again shortly.", provider=provider)


_limiters: dict[tuple, LocalLimiter | RedisLimiter] = {}
_limiters_lock = threading.Lock()


def limiter_for(
    name: str, *, limit: int, redis_url: str | None = None, ttl: float | None = None
) -> LocalLimiter | RedisLimiter:
    """The process-wide limiter for `name` (e.g. "openai:llm"); Redis-backed when a Redis URL is known.

    `redis_url` defaults to `settings.REDIS_URL`; a slot's `ttl` to well over the longest call
    (twice the provider timeout plus a margin), so only a dead worker's slot ever expires. One
    instance per (name, limit, url, ttl) per process, so every provider object shares the same slots.
    """
    if redis_url is None:
        redis_url = setting("REDIS_URL", "")
    if ttl is None:
        ttl = max(DEFAULT_SLOT_TTL, 2 * default_timeout() + 30)
    key = (name, limit, redis_url or "", ttl)
    with _limiters_lock:
        limiter = _limiters.get(key)
        if limiter is None:
            if redis_url:
                limiter = RedisLimiter(name, limit, redis_url=redis_url, ttl=ttl, acquire_timeout=ttl)
            else:
                limiter = LocalLimiter(name, limit, acquire_timeout=ttl)
            _limiters[key] = limiter
        return limiter
