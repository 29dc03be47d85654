"""The cap on provider calls in flight: per process without Redis, shared by every worker with Redis."""

from __future__ import annotations

import os
import threading
import time
import uuid

import pytest

from sketchdojo.engine.providers.base import ProviderTransientError
from sketchdojo.engine.providers.limits import LocalLimiter, RedisLimiter, limiter_for


class InFlight:
    """Counts holders of a slot; holders wait until released, so the peak is reached deterministically."""

    def __init__(self):
        self.now = 0
        self.peak = 0
        self.done = 0
        self.lock = threading.Lock()
        self.release = threading.Event()

    def hold(self, limiter) -> None:
        with limiter.slot():
            with self.lock:
                self.now += 1
                self.peak = max(self.peak, self.now)
            self.release.wait(timeout=10)
            with self.lock:
                self.now -= 1
                self.done += 1

    def wait_for(self, count: int) -> None:
        deadline = time.monotonic() + 10
        while self.now < count and time.monotonic() < deadline:
            time.sleep(0.01)


def run_holders(limiters, *, threads: int, limit: int) -> InFlight:
    flight = InFlight()
    workers = [threading.Thread(target=flight.hold, args=(limiters[i % len(limiters)],)) for i in range(threads)]
    for worker in workers:
        worker.start()
    flight.wait_for(limit)
    time.sleep(0.2)  # give the other threads every chance to (wrongly) get in
    in_flight_while_full = flight.now
    flight.release.set()
    for worker in workers:
        worker.join(timeout=20)
    assert in_flight_while_full == limit
    return flight


def test_a_local_limiter_lets_at_most_its_limit_in_at_once():
    flight = run_holders([LocalLimiter("test:image", 2)], threads=6, limit=2)

    assert flight.peak == 2
    assert flight.done == 6


def test_a_full_local_limiter_is_a_transient_error_after_the_wait():
    limiter = LocalLimiter("stability:image", 1, acquire_timeout=0.05)

    with limiter.slot(), pytest.raises(ProviderTransientError) as raised, limiter.slot():
        pass

    assert raised.value.provider == "stability"


def test_every_provider_object_in_a_process_shares_one_limiter():
    first = limiter_for("test-shared:llm", limit=3, redis_url="")
    second = limiter_for("test-shared:llm", limit=3, redis_url="")

    assert first is second
    assert isinstance(first, LocalLimiter)


def _redis_url() -> str:
    from django.conf import settings

    url = settings.REDIS_URL or os.environ.get("REDIS_URL", "")
    if not url:
        pytest.skip("needs REDIS_URL")
    return url


@pytest.fixture
def redis_limiters():
    url = _redis_url()
    prefix = f"test-{uuid.uuid4().hex}"
    made = []

    def make(limit: int, **options) -> RedisLimiter:
        limiter = RedisLimiter("stability:image", limit, redis_url=url, key_prefix=prefix, **options)
        made.append(limiter)
        return limiter

    yield make
    for limiter in made:
        limiter._redis.delete(limiter.key)


@pytest.mark.services
def test_redis_limiters_in_different_workers_share_one_cap(redis_limiters):
    # Two limiter objects on one key stand for two worker processes.
    workers = [redis_limiters(3), redis_limiters(3)]

    flight = run_holders(workers, threads=8, limit=3)

    assert flight.peak == 3
    assert flight.done == 8
    assert workers[0].in_flight() == 0


@pytest.mark.services
def test_a_slot_left_by_a_killed_worker_frees_itself_when_it_expires(redis_limiters):
    limiter = redis_limiters(1, acquire_timeout=0.2)
    server_now = float(limiter._redis.time()[0])
    limiter._redis.zadd(limiter.key, {"killed-worker": server_now - 1})  # its expiry has passed

    with limiter.slot():
        assert limiter.in_flight() == 1

    assert limiter._redis.zscore(limiter.key, "killed-worker") is None


@pytest.mark.services
def test_a_live_slot_keeps_a_full_redis_limiter_full(redis_limiters):
    limiter = redis_limiters(1, acquire_timeout=0.2)
    server_now = float(limiter._redis.time()[0])
    limiter._redis.zadd(limiter.key, {"busy-worker": server_now + 300})

    with pytest.raises(ProviderTransientError, match="Too many stability:image calls in flight"), limiter.slot():
        pass
