"""The /api/v1/auth endpoints, driven the way the guide's curl examples drive them."""

import time

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken
from rest_framework_simplejwt.tokens import RefreshToken

import config.settings as configured
from accounts.tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()

GUIDE_REGISTER_BODY = b"""{
    "email": "user@example.com",
    "username": "johndoe",
    "password": "SecurePassword123"
  }"""
GUIDE_LOGIN_BODY = "username=user@example.com&password=SecurePassword123"


@pytest.fixture
def throttle_rates(settings):
    """Set some throttle rates for one test (the others keep their configured values)."""

    def set_rates(**rates):
        rest = settings.REST_FRAMEWORK
        settings.REST_FRAMEWORK = {**rest, "DEFAULT_THROTTLE_RATES": {**rest["DEFAULT_THROTTLE_RATES"], **rates}}

    return set_rates


def _login(client, username, password=DEFAULT_PASSWORD, **extra):
    return client.post("/api/v1/auth/login", {"username": username, "password": password}, format="json", **extra)


def _bearer(access_token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token}")
    return client


def _assert_envelope(response, status_code: int, error: str):
    body = response.json()
    assert response.status_code == status_code, body
    assert body["status"] == "error"
    assert body["error"] == error
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["details"], dict)
    return body


# --- register ------------------------------------------------------------------------------------


def test_the_guides_register_curl_creates_the_user_without_echoing_the_password(api_client, settings):
    settings.PASSWORD_HASHERS = configured.PASSWORD_HASHERS  # the suite hashes fast
    response = api_client.generic("POST", "/api/v1/auth/register", GUIDE_REGISTER_BODY, content_type="application/json")

    assert response.status_code == 201
    body = response.json()
    user = User.objects.get()
    assert body == {
        "id": str(user.pk),
        "email": "user@example.com",
        "username": "johndoe",
        "is_active": True,
        "is_verified": False,
        "generation_quota": 200,
        "created_at": body["created_at"],
    }
    assert "password" not in response.content.decode()
    assert user.check_password("SecurePassword123")
    assert user.password.startswith("argon2$")


def test_register_accepts_a_trailing_slash(api_client):
    response = api_client.post(
        "/api/v1/auth/register/",
        {"email": "a@example.com", "username": "alice", "password": DEFAULT_PASSWORD},
        format="json",
    )

    assert response.status_code == 201


def test_register_names_every_missing_field(api_client):
    response = api_client.post("/api/v1/auth/register", {}, format="json")

    body = _assert_envelope(response, 400, "validation_error")
    assert set(body["details"]) == {"email", "username", "password"}
    assert User.objects.count() == 0


def test_register_rejects_a_malformed_email_and_username(api_client):
    response = api_client.post(
        "/api/v1/auth/register",
        {"email": "not-an-email", "username": "john doe!", "password": DEFAULT_PASSWORD},
        format="json",
    )

    body = _assert_envelope(response, 400, "validation_error")
    assert set(body["details"]) == {"email", "username"}
    assert User.objects.count() == 0


@pytest.mark.parametrize(
    ("password", "reason"),
    [("short1A", "too short"), ("password123", "too common"), ("84920174639", "entirely numeric")],
)
def test_register_applies_djangos_password_validators(api_client, password, reason):
    response = api_client.post(
        "/api/v1/auth/register",
        {"email": "a@example.com", "username": "alice", "password": password},
        format="json",
    )

    body = _assert_envelope(response, 400, "validation_error")
    assert list(body["details"]) == ["password"]
    assert reason in " ".join(body["details"]["password"])
    assert User.objects.count() == 0


def test_register_rejects_a_password_too_similar_to_the_username(api_client):
    response = api_client.post(
        "/api/v1/auth/register",
        {"email": "a@example.com", "username": "moonlightsonata", "password": "moonlightsonata1"},
        format="json",
    )

    body = _assert_envelope(response, 400, "validation_error")
    assert list(body["details"]) == ["password"]


def test_register_with_a_username_differing_only_in_case_is_refused(api_client, user):
    response = api_client.post(
        "/api/v1/auth/register",
        {"email": "other@example.com", "username": "JohnDoe", "password": DEFAULT_PASSWORD},
        format="json",
    )

    body = _assert_envelope(response, 400, "validation_error")
    assert body["details"] == {"username": ["A user with that username already exists."]}
    assert User.objects.count() == 1


def test_register_with_an_email_differing_only_in_case_is_refused(api_client, user):
    response = api_client.post(
        "/api/v1/auth/register",
        {"email": "USER@Example.COM", "username": "someoneelse", "password": DEFAULT_PASSWORD},
        format="json",
    )

    body = _assert_envelope(response, 400, "validation_error")
    assert body["details"] == {"email": ["A user with that email already exists."]}
    assert User.objects.count() == 1


def test_register_names_both_taken_fields_at_once(api_client, user):
    response = api_client.post(
        "/api/v1/auth/register",
        {"email": "User@example.com", "username": "JOHNDOE", "password": DEFAULT_PASSWORD},
        format="json",
    )

    body = _assert_envelope(response, 400, "validation_error")
    assert set(body["details"]) == {"email", "username"}


def test_register_ignores_a_stale_authorization_header(api_client):
    api_client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")

    response = api_client.post(
        "/api/v1/auth/register",
        {"email": "a@example.com", "username": "alice", "password": DEFAULT_PASSWORD},
        format="json",
    )

    assert response.status_code == 201


def test_register_is_throttled_per_address(api_client, throttle_rates):
    throttle_rates(register="2/hour")
    for n in range(2):
        response = api_client.post(
            "/api/v1/auth/register",
            {"email": f"u{n}@example.com", "username": f"user{n}", "password": DEFAULT_PASSWORD},
            format="json",
        )
        assert response.status_code == 201

    response = api_client.post(
        "/api/v1/auth/register",
        {"email": "u9@example.com", "username": "user9", "password": DEFAULT_PASSWORD},
        format="json",
    )

    body = _assert_envelope(response, 429, "rate_limited")
    assert 1 <= int(response["Retry-After"]) <= 3600
    assert body["details"]["retry_after_seconds"] == int(response["Retry-After"])
    assert User.objects.count() == 2


# --- login ---------------------------------------------------------------------------------------


def test_the_guides_login_curl_returns_a_bearer_token_pair(api_client, user):
    response = api_client.generic(
        "POST", "/api/v1/auth/login", GUIDE_LOGIN_BODY, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access_token", "refresh_token", "token_type", "expires_in"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 1800
    me = _bearer(body["access_token"]).get("/api/v1/auth/me")
    assert me.status_code == 200
    assert me.json()["username"] == "johndoe"


def test_guide_register_then_login_then_me_works_end_to_end(api_client):
    api_client.generic("POST", "/api/v1/auth/register", GUIDE_REGISTER_BODY, content_type="application/json")

    login = api_client.generic(
        "POST", "/api/v1/auth/login", GUIDE_LOGIN_BODY, content_type="application/x-www-form-urlencoded"
    )
    me = _bearer(login.json()["access_token"]).get("/api/v1/auth/me")

    assert login.status_code == 200
    assert me.json()["email"] == "user@example.com"


@pytest.mark.parametrize("login", ["johndoe", "JohnDoe", "JOHNDOE", "user@example.com", "USER@EXAMPLE.com"])
def test_login_accepts_username_or_email_in_any_case_as_json(api_client, user, login):
    response = _login(api_client, login)

    assert response.status_code == 200
    assert response.json()["token_type"] == "bearer"


def test_login_accepts_multipart_form_data(api_client, user):
    response = api_client.post(
        "/api/v1/auth/login", {"username": "johndoe", "password": DEFAULT_PASSWORD}, format="multipart"
    )

    assert response.status_code == 200


def test_login_records_the_time_of_sign_in(api_client, user):
    _login(api_client, "johndoe")

    user.refresh_from_db()
    assert user.last_login is not None


def test_login_with_a_wrong_password_is_unauthorized(api_client, user):
    response = _login(api_client, "johndoe", "WrongPassword999")

    body = _assert_envelope(response, 401, "invalid_credentials")
    assert body["message"] == "Incorrect username/email or password."
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_login_with_an_unknown_name_gives_the_same_answer_as_a_wrong_password(api_client, user):
    response = _login(api_client, "nobody")

    body = _assert_envelope(response, 401, "invalid_credentials")
    assert body["message"] == "Incorrect username/email or password."


def test_login_names_missing_fields(api_client):
    response = api_client.post("/api/v1/auth/login", "", content_type="application/x-www-form-urlencoded")

    body = _assert_envelope(response, 400, "validation_error")
    assert set(body["details"]) == {"username", "password"}


def test_a_suspended_user_with_the_right_password_gets_the_wrong_password_answer(api_client):
    UserFactory(username="suspended", is_active=False)

    right = _login(api_client, "suspended")
    wrong = _login(api_client, "suspended", "WrongPassword999")

    assert (right.status_code, right.json()) == (wrong.status_code, wrong.json())
    _assert_envelope(right, 401, "invalid_credentials")


def test_a_suspended_user_with_a_wrong_password_learns_nothing_about_the_account(api_client):
    UserFactory(username="suspended", is_active=False)

    response = _login(api_client, "suspended", "WrongPassword999")

    _assert_envelope(response, 401, "invalid_credentials")


def test_login_is_throttled_per_address(api_client, user, throttle_rates):
    throttle_rates(login="3/min")
    for _ in range(3):
        assert _login(api_client, "johndoe").status_code == 200

    response = _login(api_client, "johndoe")

    body = _assert_envelope(response, 429, "rate_limited")
    assert 1 <= int(response["Retry-After"]) <= 60
    assert body["details"]["retry_after_seconds"] == int(response["Retry-After"])


def test_login_throttle_counts_each_address_separately(api_client, user, throttle_rates):
    throttle_rates(login="1/min")
    assert _login(api_client, "johndoe", REMOTE_ADDR="10.0.0.1").status_code == 200

    response = _login(api_client, "johndoe", REMOTE_ADDR="10.0.0.2")

    assert response.status_code == 200


def test_ten_failed_logins_lock_that_address_out_of_the_account_even_for_the_right_password(
    api_client, user, throttle_rates
):
    throttle_rates(login="1000/min")
    for _ in range(10):
        assert _login(api_client, "johndoe", "WrongPassword999", REMOTE_ADDR="10.0.0.1").status_code == 401

    response = _login(api_client, "JohnDoe", REMOTE_ADDR="10.0.0.1")

    body = _assert_envelope(response, 429, "rate_limited")
    assert 15 * 60 - 5 <= int(response["Retry-After"]) <= 15 * 60
    assert body["details"]["retry_after_seconds"] == int(response["Retry-After"])
    user.refresh_from_db()
    assert user.last_login is None


def test_the_pair_lock_covers_sign_in_by_email_too(api_client, user, throttle_rates):
    throttle_rates(login="1000/min")
    for _ in range(10):
        _login(api_client, "johndoe", "WrongPassword999", REMOTE_ADDR="10.0.0.1")

    response = _login(api_client, "user@example.com", REMOTE_ADDR="10.0.0.1")

    assert response.status_code == 429


def test_an_attacker_failing_from_one_address_does_not_lock_the_owner_out_from_theirs(api_client, user, throttle_rates):
    throttle_rates(login="1000/min")
    for _ in range(10):
        _login(api_client, "johndoe", "WrongPassword999", REMOTE_ADDR="10.6.6.6")

    assert _login(api_client, "johndoe", REMOTE_ADDR="10.6.6.6").status_code == 429
    assert _login(api_client, "johndoe", REMOTE_ADDR="10.0.0.1").status_code == 200


def test_failures_from_many_addresses_back_off_those_addresses_but_never_the_owners(
    api_client, user, throttle_rates, settings
):
    throttle_rates(login="1000/min")
    settings.LOGIN_ACCOUNT_FAILURE_SOFT_LIMIT = 20
    for n in range(23):  # 3 past the soft limit: 2^3 s of backoff
        assert _login(api_client, "johndoe", "WrongPassword999", REMOTE_ADDR=f"10.0.0.{n}").status_code == 401

    attacker = _login(api_client, "johndoe", "WrongPassword999", REMOTE_ADDR="10.0.0.5")
    owner = _login(api_client, "johndoe", REMOTE_ADDR="192.168.1.10")

    body = _assert_envelope(attacker, 429, "rate_limited")
    assert 7 <= int(attacker["Retry-After"]) <= 8
    assert body["details"]["retry_after_seconds"] == int(attacker["Retry-After"])
    assert owner.status_code == 200


def test_many_failed_logins_from_one_address_lock_that_address_for_every_account(api_client, throttle_rates, settings):
    throttle_rates(login="1000/min")
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 10
    UserFactory(username="victim")
    for n in range(10):
        assert _login(api_client, f"guess{n}", "WrongPassword999", REMOTE_ADDR="10.9.9.9").status_code == 401

    locked = _login(api_client, "victim", REMOTE_ADDR="10.9.9.9")
    elsewhere = _login(api_client, "victim", REMOTE_ADDR="10.1.1.1")

    _assert_envelope(locked, 429, "rate_limited")
    assert elsewhere.status_code == 200


def test_nine_failures_then_success_do_not_lock_the_account(api_client, user, throttle_rates):
    throttle_rates(login="1000/min")
    for _ in range(9):
        _login(api_client, "johndoe", "WrongPassword999", REMOTE_ADDR="10.0.0.1")

    assert _login(api_client, "johndoe", REMOTE_ADDR="10.0.0.1").status_code == 200
    for _ in range(9):  # the success reset the pair's count
        assert _login(api_client, "johndoe", "WrongPassword999", REMOTE_ADDR="10.0.0.1").status_code == 401
    assert _login(api_client, "johndoe", REMOTE_ADDR="10.0.0.1").status_code == 200


def test_the_lock_lifts_when_the_window_has_passed(api_client, user, throttle_rates, monkeypatch):
    throttle_rates(login="1000/min")
    for _ in range(10):
        _login(api_client, "johndoe", "WrongPassword999", REMOTE_ADDR="10.0.0.1")
    assert _login(api_client, "johndoe", REMOTE_ADDR="10.0.0.1").status_code == 429

    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 15 * 60 + 1)

    assert _login(api_client, "johndoe", REMOTE_ADDR="10.0.0.1").status_code == 200


# --- refresh -------------------------------------------------------------------------------------


def _pair(client, login="johndoe"):
    return _login(client, login).json()


def test_refresh_returns_a_new_working_pair(api_client, user):
    pair = _pair(api_client)

    response = api_client.post("/api/v1/auth/refresh", {"refresh_token": pair["refresh_token"]}, format="json")

    assert response.status_code == 200
    new = response.json()
    assert new["token_type"] == "bearer"
    assert new["expires_in"] == 1800
    assert new["refresh_token"] != pair["refresh_token"]
    assert _bearer(new["access_token"]).get("/api/v1/auth/me").status_code == 200


def test_a_refresh_token_works_only_once(api_client, user):
    pair = _pair(api_client)
    api_client.post("/api/v1/auth/refresh", {"refresh_token": pair["refresh_token"]}, format="json")

    response = api_client.post("/api/v1/auth/refresh", {"refresh_token": pair["refresh_token"]}, format="json")

    body = _assert_envelope(response, 401, "token_not_valid")
    assert body["message"] == "Token is blacklisted"
    assert BlacklistedToken.objects.filter(token__jti=RefreshToken(pair["refresh_token"], verify=False)["jti"]).exists()


def test_refresh_rejects_an_access_token(api_client, user):
    pair = _pair(api_client)

    response = api_client.post("/api/v1/auth/refresh", {"refresh_token": pair["access_token"]}, format="json")

    _assert_envelope(response, 401, "token_not_valid")


def test_refresh_rejects_garbage(api_client):
    response = api_client.post("/api/v1/auth/refresh", {"refresh_token": "garbage"}, format="json")

    _assert_envelope(response, 401, "token_not_valid")


def test_refresh_names_the_missing_field(api_client):
    response = api_client.post("/api/v1/auth/refresh", {}, format="json")

    body = _assert_envelope(response, 400, "validation_error")
    assert list(body["details"]) == ["refresh_token"]


def test_a_suspended_user_cannot_refresh(api_client, user):
    pair = _pair(api_client)
    User.objects.filter(pk=user.pk).update(is_active=False)

    response = api_client.post("/api/v1/auth/refresh", {"refresh_token": pair["refresh_token"]}, format="json")

    _assert_envelope(response, 401, "token_not_valid")
    assert not BlacklistedToken.objects.exists()


# --- me ------------------------------------------------------------------------------------------


def test_me_returns_the_signed_in_user(auth_client, user):
    response = auth_client.get("/api/v1/auth/me")

    assert response.status_code == 200
    assert response.json()["id"] == str(user.pk)
    assert response.json()["email"] == "user@example.com"


def test_me_needs_authentication(api_client):
    response = api_client.get("/api/v1/auth/me")

    _assert_envelope(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_me_rejects_a_forged_token(api_client):
    response = _bearer("eyJhbGciOiJIUzI1NiJ9.e30.forged").get("/api/v1/auth/me")

    _assert_envelope(response, 401, "token_not_valid")


def test_me_rejects_a_refresh_token_used_as_access_token(api_client, user):
    pair = _pair(api_client)

    response = _bearer(pair["refresh_token"]).get("/api/v1/auth/me")

    _assert_envelope(response, 401, "token_not_valid")


def test_a_suspended_users_access_token_stops_working(auth_client, user):
    User.objects.filter(pk=user.pk).update(is_active=False)

    response = auth_client.get("/api/v1/auth/me")

    _assert_envelope(response, 401, "user_inactive")


# --- logout --------------------------------------------------------------------------------------


def test_logout_revokes_the_access_token_and_the_refresh_token_at_once(api_client, user):
    pair = _pair(api_client)
    client = _bearer(pair["access_token"])

    response = client.post("/api/v1/auth/logout", {"refresh_token": pair["refresh_token"]}, format="json")

    assert response.status_code == 204
    me = client.get("/api/v1/auth/me")
    assert _assert_envelope(me, 401, "token_revoked") == {
        "status": "error",
        "error": "token_revoked",
        "message": "Token has been revoked.",
        "details": {},
    }
    refresh = api_client.post("/api/v1/auth/refresh", {"refresh_token": pair["refresh_token"]}, format="json")
    _assert_envelope(refresh, 401, "token_not_valid")


def test_logout_leaves_the_users_other_sessions_working(api_client, user):
    first = _pair(api_client)
    second = _pair(api_client)

    _bearer(first["access_token"]).post("/api/v1/auth/logout", {"refresh_token": first["refresh_token"]}, format="json")

    assert _bearer(second["access_token"]).get("/api/v1/auth/me").status_code == 200


def test_logout_needs_authentication(api_client, user):
    pair = _pair(api_client)

    response = api_client.post("/api/v1/auth/logout", {"refresh_token": pair["refresh_token"]}, format="json")

    _assert_envelope(response, 401, "not_authenticated")
    assert not BlacklistedToken.objects.exists()


def test_logout_with_another_users_refresh_token_changes_nothing(api_client, user, other_user, other_client):
    pair = _pair(api_client)

    response = other_client.post("/api/v1/auth/logout", {"refresh_token": pair["refresh_token"]}, format="json")

    body = _assert_envelope(response, 400, "validation_error")
    assert list(body["details"]) == ["refresh_token"]
    assert not BlacklistedToken.objects.exists()
    assert other_client.get("/api/v1/auth/me").status_code == 200


def test_logout_names_the_missing_refresh_token_and_keeps_the_access_token(auth_client):
    response = auth_client.post("/api/v1/auth/logout", {}, format="json")

    body = _assert_envelope(response, 400, "validation_error")
    assert list(body["details"]) == ["refresh_token"]
    assert auth_client.get("/api/v1/auth/me").status_code == 200
