"""The per-request auth path stays cheap (issue 16) and exactly as strict."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.models import Revocation, User
from accounts.revocation import access_token_revoke, token_family_revoke
from accounts.serializers import UserSerializer, user_data
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _client(token) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


@pytest.mark.parametrize("quota", [None, 7])
@pytest.mark.parametrize("verified", [False, True])
def test_user_data_is_exactly_the_serializers_output(quota, verified):
    user = UserFactory(monthly_generation_quota=quota, is_verified=verified)
    user.refresh_from_db()

    assert user_data(user) == UserSerializer(user).data


def test_me_costs_one_query_the_user_with_its_revocation_check_then_none(settings):
    user = UserFactory()
    client = _client(RefreshToken.for_user(user).access_token)

    with CaptureQueriesContext(connection) as first:
        assert client.get("/api/v1/auth/me").status_code == 200
    with CaptureQueriesContext(connection) as again:
        response = client.get("/api/v1/auth/me")

    assert len(first) == 1  # embedded: the revocation rows are an EXISTS in it; Redis: a cache read
    if not settings.REDIS_URL:
        assert "accounts_revocation" in first[0]["sql"]
    assert len(again) == 0  # the user is remembered for this token until it or a revocation changes
    assert response.json()["id"] == str(user.pk)


@pytest.mark.parametrize("what", ["jti", "family"])
def test_a_token_revoked_in_the_database_only_is_refused(what, settings):
    """The embedded default after a restart: the rows are there, the process-memory cache is empty."""
    if settings.REDIS_URL:
        pytest.skip("with Redis the cache is the only store of revocations")
    user = UserFactory()
    refresh = RefreshToken.for_user(user)
    refresh["fam"] = "family-1"
    access = refresh.access_token
    access["fam"] = "family-1"
    if what == "jti":
        access_token_revoke(jti=access["jti"], expires_at=int(access["exp"]))
    else:
        token_family_revoke(family="family-1", expires_at=float(refresh["exp"]))
    cache.clear()
    assert Revocation.objects.count() == 1

    response = _client(access).get("/api/v1/auth/me")

    assert response.status_code == 401
    assert response.json()["error"] == "token_revoked"


def test_an_expired_revocation_row_no_longer_refuses(settings):
    if settings.REDIS_URL:
        pytest.skip("with Redis the cache is the only store of revocations")
    user = UserFactory()
    access = RefreshToken.for_user(user).access_token
    Revocation.objects.create(key=f"jti:{access['jti']}", expires_at="2000-01-01T00:00:00Z")

    assert _client(access).get("/api/v1/auth/me").status_code == 200


def test_a_deleted_users_token_is_refused():
    user = UserFactory()
    access = RefreshToken.for_user(user).access_token
    User.objects.filter(pk=user.pk).delete()

    response = _client(access).get("/api/v1/auth/me")

    assert response.status_code == 401
    assert response.json()["error"] == "user_not_found"


@pytest.mark.parametrize("keys", [[], ["jti:a"], ["jti:a", "fam:b"]])
def test_the_compiled_user_lookup_is_the_orm_query_with_this_requests_values(keys, settings):
    from datetime import UTC, datetime

    from accounts import authentication
    from accounts.revocation import revoked_in_database

    user = UserFactory()
    now = datetime(2030, 1, 2, 3, 4, 5, 123000, tzinfo=UTC)
    with_revocations = revoked_in_database(keys, now=now) is not None
    compiled = authentication._compile(User, len(keys), with_revocations)
    assert compiled is not None
    sql, params = compiled.sql, list(compiled.params)
    for position, what, index in compiled.slots:
        params[position] = {
            "id": authentication._prep_id(User, user.pk),
            "now": authentication._prep_time(now),
            "key": keys[index] if index is not None else None,
        }[what]

    expected_sql, expected_params = authentication._user_queryset(User, user.pk, keys, now).query.sql_with_params()

    assert (sql, params) == (expected_sql, list(expected_params))
    assert with_revocations is (bool(keys) and not settings.REDIS_URL)


def test_a_token_with_a_malformed_user_id_is_refused():
    user = UserFactory()
    access = RefreshToken.for_user(user).access_token
    access["user_id"] = "not-a-uuid"

    response = _client(access).get("/api/v1/auth/me")

    assert response.status_code == 401
    assert response.json()["error"] == "user_not_found"
