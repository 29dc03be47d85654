"""Suite-wide fixtures: a clean cache per test (throttles, revoked tokens), API clients, services check."""

import os

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient


def pytest_configure(config):
    if os.environ.get("SKETCHDOJO_REQUIRE_SERVICES"):
        # In the services pass a missing MariaDB or Redis is a failure, never a skip.
        import redis
        from django.conf import settings

        redis.Redis.from_url(settings.REDIS_URL, socket_timeout=3).ping()
        assert settings.DATABASES["default"]["ENGINE"].endswith(".mysql"), "DATABASE_URL must be MySQL"


def _clear_cache():
    cache.clear()  # on Redis: only this test worker's key space (see _clear_only_this_workers_keys)
    from accounts import authcache

    authcache.forget_all()  # users remembered by the token authentication of this process


@pytest.fixture(autouse=True, scope="session")
def _clear_only_this_workers_keys():
    """On Redis, `cache.clear()` is FLUSHDB: it would wipe every xdist worker's keys.

    The workers share one Redis database and differ by key prefix (config/settings.py). A test
    in one worker calling `cache.clear()` once emptied another worker's throttle bucket between
    two requests, so `test_generate_is_throttled_per_user` saw 202 instead of 429. In tests,
    `clear()` deletes this worker's key space only.
    """
    try:
        from django_redis.cache import RedisCache
    except ImportError:  # pragma: no cover - django-redis is a dependency
        yield
        return
    original = RedisCache.clear

    def clear_own_keys(self, *args, **kwargs):
        self.delete_pattern("*")

    RedisCache.clear = clear_own_keys
    yield
    RedisCache.clear = original


@pytest.fixture(autouse=True, scope="session")
def _static_files_without_manifest():
    """Pages (admin, /docs, web pages) render in tests without a prior `collectstatic`."""
    from django.conf import settings
    from django.test.utils import override_settings

    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    with override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain}):
        yield


@pytest.fixture(autouse=True, scope="session")
def _exports_answer_at_once():
    """The first GET of an export answers 202 at once: tests run its build job themselves (eager Celery
    on commit) instead of waiting EXPORT_WAIT_SECONDS for an embedded worker that tests do not start.

    A test about the wait sets `settings.EXPORT_WAIT_SECONDS` itself.
    """
    from django.test.utils import override_settings

    with override_settings(EXPORT_WAIT_SECONDS=0):
        yield


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Argon2 costs ~100 MB and tens of ms per hash by design; tests sign in hundreds of times.

    A test about hashing itself sets `settings.PASSWORD_HASHERS` back to the configured list.
    """
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _clean_cache():
    _clear_cache()
    yield
    _clear_cache()


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


def _client_for(user) -> APIClient:
    """An APIClient that sends a real JWT access token for `user` (Authorization: Bearer)."""
    from rest_framework_simplejwt.tokens import RefreshToken

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
    return client


@pytest.fixture
def user(db):
    from accounts.tests.factories import UserFactory

    return UserFactory(username="johndoe", email="user@example.com")


@pytest.fixture
def other_user(db):
    from accounts.tests.factories import UserFactory

    return UserFactory(username="janedoe", email="jane@example.com")


@pytest.fixture
def auth_client(user) -> APIClient:
    return _client_for(user)


@pytest.fixture
def other_client(other_user) -> APIClient:
    return _client_for(other_user)
