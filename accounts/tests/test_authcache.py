"""A token's user is remembered between requests (accounts.authcache), and never past a change."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts import authcache, services
from accounts.models import User
from accounts.tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _signed_in(user) -> tuple[APIClient, services.TokenPair]:
    pair = services.user_login(login=user.username, password=DEFAULT_PASSWORD, address="10.0.0.9")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {pair.access_token}")
    return client, pair


def _queries(client) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        status = client.get("/api/v1/auth/me").status_code
    return status, len(queries)


@pytest.fixture
def user():
    return UserFactory(username="mara", email="mara@example.com")


def test_the_second_request_of_a_token_reads_no_user_row(user):
    client, _ = _signed_in(user)

    assert _queries(client) == (200, 1)
    assert _queries(client) == (200, 0)


def test_a_changed_password_ends_a_remembered_token_at_once(user):
    client, _ = _signed_in(user)
    assert _queries(client) == (200, 1)

    user.set_password("AnotherPassword456")
    user.save()

    response = client.get("/api/v1/auth/me")
    assert response.status_code == 401
    assert response.json()["error"] == "password_changed"


def test_a_suspension_in_bulk_ends_a_remembered_token_at_once(user):
    client, _ = _signed_in(user)
    assert _queries(client) == (200, 1)

    services.user_set_active(users=User.objects.filter(pk=user.pk), is_active=False)

    response = client.get("/api/v1/auth/me")
    assert response.status_code == 401
    assert response.json()["error"] == "user_inactive"


def test_a_deleted_user_is_not_remembered(user):
    client, _ = _signed_in(user)
    assert _queries(client) == (200, 1)

    user.delete()

    assert client.get("/api/v1/auth/me").json()["error"] == "user_not_found"


def test_logout_ends_the_token_and_the_users_other_tokens_are_checked_again(user):
    first, pair = _signed_in(user)
    second, _ = _signed_in(user)
    assert _queries(first) == (200, 1)
    assert _queries(second) == (200, 1)

    first.post("/api/v1/auth/logout", {"refresh_token": pair.refresh_token}, format="json")

    assert first.get("/api/v1/auth/me").json()["error"] == "token_revoked"
    assert _queries(second) == (200, 1)  # a revocation sends every remembered user to the database once
    assert _queries(second) == (200, 0)


def test_a_profile_edit_shows_on_the_next_request(user):
    client, _ = _signed_in(user)
    client.get("/api/v1/auth/me")

    user.email = "mara.new@example.com"
    user.is_verified = True
    user.save()

    body = client.get("/api/v1/auth/me").json()
    assert (body["email"], body["is_verified"]) == ("mara.new@example.com", True)


def test_lost_versions_send_the_request_to_the_database(user):
    client, _ = _signed_in(user)
    assert _queries(client) == (200, 1)

    cache.clear()  # an evicted or restarted cache: nothing remembered can match a new version

    assert _queries(client) == (200, 1)


def test_a_remembered_user_is_a_fresh_instance_each_time(user):
    client, _ = _signed_in(user)
    client.get("/api/v1/auth/me")
    found = cache.get_many(authcache.version_keys(user.pk))
    jti_and_family = next(iter(authcache._remembered))[1:]

    one = authcache.remembered_user(User, user_id=user.pk, jti=jti_and_family[0], family=jti_and_family[1], found=found)
    two = authcache.remembered_user(User, user_id=user.pk, jti=jti_and_family[0], family=jti_and_family[1], found=found)

    assert one is not two
    assert one.pk == two.pk == user.pk
    assert not one._state.adding
