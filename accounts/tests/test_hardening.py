"""Issue 15's findings on accounts: each test here failed before the fix it names."""

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.secret_key import secret_key_from_file
from accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from sketchdojo.api import throttles

pytestmark = pytest.mark.django_db

User = get_user_model()
SOURCE_KEY = "django-insecure-embedded-default-only-never-for-production"


def _login(client, username="johndoe", password=DEFAULT_PASSWORD, **extra):
    return client.post("/api/v1/auth/login", {"username": username, "password": password}, format="json", **extra)


def _bearer(access_token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token}")
    return client


def _refresh(client, refresh_token: str):
    return client.post("/api/v1/auth/refresh", {"refresh_token": refresh_token}, format="json")


# --- 2: no SECRET_KEY in the source ---------------------------------------------------------------


def test_the_key_file_is_made_once_private_and_then_reused(tmp_path):
    path = tmp_path / "data" / ".secret_key"

    first = secret_key_from_file(path)
    second = secret_key_from_file(path)

    assert first == second
    assert len(first) >= 50
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secret_key_from_file(tmp_path / "other" / ".secret_key") != first


def _settings_key(env: dict) -> subprocess.CompletedProcess:
    code = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
    base = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "SECRET_KEY_FILE", "DATABASE_URL")}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        cwd=Path(django_settings.BASE_DIR),
        capture_output=True,
        text=True,
        check=False,
    )


def test_without_secret_key_the_embedded_default_keeps_a_random_key_beside_the_database(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3", "ENVIRONMENT": "development"}

    first = _settings_key(env)
    second = _settings_key(env)

    assert first.returncode == 0, first.stderr
    key = (tmp_path / ".secret_key").read_text().strip()
    assert first.stdout.strip() == second.stdout.strip() == key
    assert key != SOURCE_KEY
    assert stat.S_IMODE((tmp_path / ".secret_key").stat().st_mode) == 0o600


def test_production_still_refuses_to_start_without_secret_key(tmp_path):
    result = _settings_key({"DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3", "ENVIRONMENT": "production"})

    assert result.returncode != 0
    assert "SECRET_KEY must be set when ENVIRONMENT=production." in result.stderr
    assert not (tmp_path / ".secret_key").exists()


def test_the_running_suite_does_not_sign_with_the_old_source_key():
    assert django_settings.SECRET_KEY != SOURCE_KEY


# --- 3: /admin/login/ is locked like the API login ------------------------------------------------


def _admin_login(client, password, address):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "boss", "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_admin_login_locks_the_pair_after_ten_failures_but_not_the_owners_address(client):
    UserFactory(username="boss", is_staff=True, is_superuser=True)
    for _ in range(9):
        assert _admin_login(client, "WrongPassword999", "10.6.6.6").status_code == 200  # form error
    assert _admin_login(client, "WrongPassword999", "10.6.6.6").status_code == 429  # the 10th locks

    locked = _admin_login(client, DEFAULT_PASSWORD, "10.6.6.6")
    owner = _admin_login(client, DEFAULT_PASSWORD, "10.0.0.1")

    assert locked.status_code == 429
    assert 15 * 60 - 5 <= int(locked["Retry-After"]) <= 15 * 60
    assert b"Too many sign-in attempts" in locked.content
    assert owner.status_code == 302
    assert owner["Location"] == "/admin/"


def test_admin_login_success_resets_the_pairs_failures(client):
    UserFactory(username="boss", is_staff=True, is_superuser=True)
    for _ in range(9):
        _admin_login(client, "WrongPassword999", "10.0.0.1")
    assert _admin_login(client, DEFAULT_PASSWORD, "10.0.0.1").status_code == 302
    client.logout()

    for _ in range(9):
        assert _admin_login(client, "WrongPassword999", "10.0.0.1").status_code == 200

    assert _admin_login(client, DEFAULT_PASSWORD, "10.0.0.1").status_code == 302


def test_admin_and_api_login_count_failures_together(client, api_client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "login": "1000/min"},
    }
    UserFactory(username="boss", is_staff=True, is_superuser=True)
    for _ in range(10):
        _login(api_client, "boss", "WrongPassword999", REMOTE_ADDR="10.6.6.6")

    locked = _admin_login(client, DEFAULT_PASSWORD, "10.6.6.6")
    owner = _admin_login(client, DEFAULT_PASSWORD, "10.0.0.1")

    assert locked.status_code == 429
    assert 15 * 60 - 5 <= int(locked["Retry-After"]) <= 15 * 60
    assert owner.status_code == 302


def test_admin_failures_lock_the_api_login_of_that_pair(client, api_client, settings):
    settings.AXES_FAILURE_LIMIT = 100  # only the shared counters decide here
    UserFactory(username="boss", is_staff=True, is_superuser=True)
    for _ in range(10):
        assert _admin_login(client, "WrongPassword999", "10.6.6.6").status_code == 200

    assert _login(api_client, "boss", REMOTE_ADDR="10.6.6.6").status_code == 429
    assert _admin_login(client, DEFAULT_PASSWORD, "10.6.6.6").status_code == 429
    assert _login(api_client, "boss", REMOTE_ADDR="10.0.0.1").status_code == 200


# --- 5: a new password ends every token -----------------------------------------------------------


def test_a_password_change_ends_the_access_and_refresh_tokens_issued_before_it(api_client, user):
    pair = _login(api_client).json()

    user.set_password("AnotherGoodPassword42")
    user.save()

    me = _bearer(pair["access_token"]).get("/api/v1/auth/me")
    refreshed = _refresh(api_client, pair["refresh_token"])
    assert me.status_code == 401
    assert me.json()["error"] == "password_changed"
    assert refreshed.status_code == 401
    assert "access_token" not in refreshed.json()
    fresh = _login(api_client, password="AnotherGoodPassword42").json()
    assert _bearer(fresh["access_token"]).get("/api/v1/auth/me").status_code == 200


def test_a_password_set_by_staff_in_the_admin_ends_the_users_tokens(client, api_client, user):
    pair = _login(api_client).json()
    staff = UserFactory(username="boss", is_staff=True, is_superuser=True)
    client.force_login(staff)

    response = client.post(
        f"/admin/accounts/user/{user.pk}/password/",
        {"password1": "StaffChosenPassword77", "password2": "StaffChosenPassword77", "usable_password": "true"},
    )

    assert response.status_code == 302
    assert _bearer(pair["access_token"]).get("/api/v1/auth/me").status_code == 401
    assert _refresh(api_client, pair["refresh_token"]).status_code == 401


# --- 9: revocations survive a restart without Redis -----------------------------------------------


def test_a_logged_out_token_stays_revoked_after_the_process_memory_is_gone(api_client, user, settings):
    settings.REDIS_URL = ""
    pair = _login(api_client).json()
    client = _bearer(pair["access_token"])
    assert (
        client.post("/api/v1/auth/logout", {"refresh_token": pair["refresh_token"]}, format="json").status_code == 204
    )

    cache.clear()  # what a restart of `make run` does to the local-memory cache

    response = client.get("/api/v1/auth/me")
    assert response.status_code == 401
    assert response.json()["error"] == "token_revoked"


# --- 12: a suspended account says nothing about the password --------------------------------------


def test_a_suspended_account_answers_the_right_password_exactly_like_a_wrong_one(api_client):
    UserFactory(username="suspended", is_active=False)

    right = _login(api_client, "suspended")
    wrong = _login(api_client, "suspended", "WrongPassword999")

    assert right.status_code == wrong.status_code == 401
    assert right.json() == wrong.json()


# --- 13: refresh token families -------------------------------------------------------------------


def test_reusing_a_rotated_refresh_token_revokes_the_whole_family(api_client, user):
    first = _login(api_client).json()
    second = _refresh(api_client, first["refresh_token"]).json()

    reused = _refresh(api_client, first["refresh_token"])

    assert reused.status_code == 401
    assert _bearer(second["access_token"]).get("/api/v1/auth/me").status_code == 401
    assert _refresh(api_client, second["refresh_token"]).status_code == 401


def test_reuse_leaves_the_users_other_sessions_working(api_client, user):
    stolen = _login(api_client).json()
    other = _login(api_client).json()
    _refresh(api_client, stolen["refresh_token"])

    _refresh(api_client, stolen["refresh_token"])

    assert _bearer(other["access_token"]).get("/api/v1/auth/me").status_code == 200
    assert _refresh(api_client, other["refresh_token"]).status_code == 200


def test_logout_ends_every_token_of_the_sessions_family(api_client, user):
    first = _login(api_client).json()
    second = _refresh(api_client, first["refresh_token"]).json()
    # A refresh of the same session issued later, before logout, is part of the family too.
    access_of_first = first["access_token"]

    response = _bearer(second["access_token"]).post(
        "/api/v1/auth/logout", {"refresh_token": second["refresh_token"]}, format="json"
    )

    assert response.status_code == 204
    assert _bearer(access_of_first).get("/api/v1/auth/me").status_code == 401


# --- 18: passwords and usernames ------------------------------------------------------------------


def _register(client, username="alice", password=DEFAULT_PASSWORD):
    return client.post(
        "/api/v1/auth/register",
        {"email": "a@example.com", "username": username, "password": password},
        format="json",
    )


@pytest.mark.parametrize("password", [" " * 12, "a" * 12, "abababababab"])
def test_register_refuses_passwords_of_too_few_distinct_characters(api_client, password):
    response = _register(api_client, password=password)

    body = response.json()
    assert response.status_code == 400
    assert list(body["details"]) == ["password"]
    assert "at least 5 different characters" in " ".join(body["details"]["password"])
    assert User.objects.count() == 0


def test_register_refuses_a_nine_character_password():
    client = APIClient()

    response = _register(client, password="Zq8#mLw2p")

    assert response.status_code == 400
    assert "at least 10 characters" in " ".join(response.json()["details"]["password"])


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("j\u043ehndoe", "single script (found CYRILLIC, LATIN)"),  # Cyrillic small o
        ("admin\u202egnp", "not U+202E"),  # right-to-left override
        ("zero\u200bwidth", "not U+200B"),
        ("john doe", "not U+0020"),
    ],
)
def test_register_refuses_look_alike_and_invisible_usernames(api_client, username, message):
    response = _register(api_client, username=username)

    body = response.json()
    assert response.status_code == 400
    assert body["error"] == "validation_error"
    assert list(body["details"]) == ["username"]
    assert message in body["details"]["username"][0]


def test_register_stores_the_nfkc_form_of_the_username(api_client):
    response = _register(api_client, username="\uff4a\uff4f\uff48\uff4e")  # full-width "john"

    assert response.status_code == 201
    assert response.json()["username"] == "john"


@pytest.mark.parametrize("username", ["山田たろう", "nâïve.user_1", "Ивана-2"])
def test_register_accepts_usernames_of_one_script(api_client, username):
    assert _register(api_client, username=username).status_code == 201


# --- 21: token-bucket throttles -------------------------------------------------------------------


def test_the_throttle_does_not_let_twice_the_rate_through_at_a_window_boundary(user, settings, monkeypatch):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "user": "10/min"},
    }
    client = _bearer(_login(APIClient()).json()["access_token"])
    boundary = (int(time.time() // 60) + 1) * 60
    now = {"t": boundary - 0.5}  # just before a fixed window would have ended
    monkeypatch.setattr(throttles.time, "time", lambda: now["t"])
    assert [client.get("/api/v1/auth/me").status_code for _ in range(10)] == [200] * 10

    now["t"] = boundary + 0.5  # 1 s later, in the next fixed window

    refused = client.get("/api/v1/auth/me")
    assert refused.status_code == 429
    # One request's worth refills every 6 s; 1 s of it has passed.
    assert refused["Retry-After"] == "5"
    assert refused.json()["details"] == {"retry_after_seconds": 5}
    now["t"] = boundary + 5.5
    assert client.get("/api/v1/auth/me").status_code == 200
    assert client.get("/api/v1/auth/me").status_code == 429


@pytest.mark.parametrize(
    ("tat", "now", "expected"),
    [
        (None, 100.0, (0.0, 106.0)),  # a new client: allowed, one request of the bucket used
        (154.0, 100.0, (0.0, 160.0)),  # the 10th request of a burst still fits
        (160.0, 100.0, (6.0, None)),  # the 11th waits one refill interval
        (160.0, 103.0, (3.0, None)),
        (50.0, 100.0, (0.0, 106.0)),  # a long-idle client starts with a full bucket again
    ],
)
def test_gcra_allows_a_burst_of_the_limit_then_one_request_per_interval(tat, now, expected):
    assert throttles.gcra_decide(tat=tat, now=now, limit=10, duration=60) == expected


@pytest.mark.services  # SQLite's shared in-memory test database refuses concurrent writers
@pytest.mark.django_db(transaction=True)
def test_ten_parallel_uses_of_one_refresh_token_rotate_once_and_end_the_family(user):
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections

    from accounts import services

    first = services.user_login(login="johndoe", password=DEFAULT_PASSWORD, address="10.0.0.1")

    def use(_):
        try:
            return services.tokens_refresh(refresh_token=first.refresh_token)
        except services.InvalidRefreshToken:
            return None
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(use, range(10)))

    winners = [pair for pair in results if pair is not None]
    assert len(winners) == 1
    # The other nine were reuse: nobody can tell which caller was the owner, so the family ends.
    assert _bearer(winners[0].access_token).get("/api/v1/auth/me").status_code == 401
    assert _refresh(APIClient(), winners[0].refresh_token).status_code == 401
