"""The test suite's own isolation: xdist workers share one Redis database (by key prefix)."""

import pytest
from django.conf import settings
from django.core.cache import cache

on_redis = pytest.mark.skipif(
    not hasattr(cache, "delete_pattern"), reason="needs django-redis (REDIS_URL): locmem is per process"
)


@on_redis
def test_cache_clear_in_a_test_leaves_other_workers_keys():
    redis = cache.client.get_client(write=True)
    other = f"{settings.CACHES['default']['KEY_PREFIX']}-other-worker:1:throttle:generation:user:1"
    redis.set(other, "1", ex=60)
    cache.set("mine", 1)
    try:
        cache.clear()

        assert cache.get("mine") is None
        assert redis.get(other) == b"1"
    finally:
        redis.delete(other)
