"""accounts.services and selectors: the rules behind the auth endpoints."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from rest_framework_simplejwt.tokens import RefreshToken

from accounts import selectors, services
from accounts.revocation import access_token_is_revoked
from accounts.tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_the_database_itself_refuses_a_username_differing_only_in_case(user):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="JOHNDOE", email="another@example.com")


def test_the_database_itself_refuses_an_email_differing_only_in_case(user):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="another", email="User@Example.com")


def test_register_stores_the_email_with_a_lowercased_domain():
    user = services.user_register(email="Mixed.Case@EXAMPLE.COM", username="mixed", password=DEFAULT_PASSWORD)

    assert user.email == "Mixed.Case@example.com"
    assert user.is_active is True
    assert user.is_verified is False


def test_register_losing_a_race_names_the_taken_field(user, monkeypatch):
    # Both existence checks pass (the other request has not committed yet); the index decides.
    monkeypatch.setattr(selectors, "username_is_taken", lambda **kwargs: False)

    with pytest.raises(ValidationError) as caught:
        services.user_register(email="new@example.com", username="JohnDoe", password=DEFAULT_PASSWORD)

    assert caught.value.message_dict == {"username": ["A user with that username already exists."]}
    assert User.objects.count() == 1


def test_login_name_prefers_the_email_match_when_it_looks_like_an_email():
    by_username = UserFactory(username="ann@example.com", email="ann.other@example.com")
    by_email = UserFactory(username="annie", email="ANN@example.com")

    assert selectors.user_get_by_login(login="ann@example.com") == by_email
    assert selectors.user_get_by_login(login="annie") == by_email
    assert selectors.user_get_by_login(login="ann.other@example.com") == by_username


def test_login_name_of_blank_matches_nobody(user):
    assert selectors.user_get_by_login(login="   ") is None


def test_login_service_refuses_a_locked_pair_before_checking_the_password(user, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    for _ in range(2):
        with pytest.raises(services.InvalidCredentials):
            services.user_login(login="johndoe", password="nope-nope-nope", address="10.0.0.1")

    with pytest.raises(services.LoginLockedOut) as caught:
        services.user_login(login="johndoe", password=DEFAULT_PASSWORD, address="10.0.0.1")

    assert 1 <= caught.value.retry_after <= settings.LOGIN_FAILURE_WINDOW_SECONDS


def test_refreshing_with_a_token_blacklisted_by_a_concurrent_request_fails(user, monkeypatch):
    raw = str(RefreshToken.for_user(user))
    # The concurrent request blacklisted the token after our blacklist check passed.
    monkeypatch.setattr(RefreshToken, "check_blacklist", lambda self: None)
    services.tokens_refresh(refresh_token=raw)

    with pytest.raises(services.InvalidRefreshToken):
        services.tokens_refresh(refresh_token=raw)


def test_logout_records_the_access_tokens_id_as_revoked(user):
    refresh = RefreshToken.for_user(user)
    access = refresh.access_token

    services.user_logout(user=user, refresh_token=str(refresh), access_token=access)

    assert access_token_is_revoked(access["jti"]) is True
    assert access_token_is_revoked(RefreshToken.for_user(user).access_token["jti"]) is False


def test_suspending_changes_only_users_not_already_suspended(user, other_user):
    User.objects.filter(pk=other_user.pk).update(is_active=False)

    changed = services.user_set_active(users=User.objects.all(), is_active=False)

    assert changed == 1
    assert list(User.objects.filter(is_active=True)) == []


def test_failed_logins_for_an_unknown_name_lock_that_name_whatever_its_case(settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    for login in ("Ghost With Spaces", "GHOST WITH SPACES"):
        with pytest.raises(services.InvalidCredentials):
            services.user_login(login=login, password="nope-nope-nope", address="10.0.0.1")

    with pytest.raises(services.LoginLockedOut):
        services.user_login(login="ghost with spaces", password="nope-nope-nope", address="10.0.0.1")
