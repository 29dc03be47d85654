"""Writes for accounts: registration, sign-in, token rotation and sign-out.

Views, the admin and commands all go through these functions, so the rules (case-insensitive
uniqueness, password policy, lockout, single-use refresh tokens, instant logout) live here once.
"""

import hashlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import update_last_login
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from accounts import selectors
from accounts.lockout import login_failure_record, login_failures_clear, login_lockout_seconds
from accounts.revocation import access_token_revoke

User = get_user_model()

EMAIL_TAKEN = "A user with that email already exists."
USERNAME_TAKEN = "A user with that username already exists."


class LoginLockedOut(Exception):
    """Too many failed sign-ins for this account or address; try again after `retry_after` s."""

    def __init__(self, retry_after: int):
        super().__init__(f"Too many failed sign-in attempts. Try again in {retry_after} seconds.")
        self.retry_after = retry_after


class InvalidCredentials(Exception):
    """Unknown sign-in name or wrong password (deliberately not saying which)."""


class AccountSuspended(Exception):
    """The password was right but staff have deactivated the account."""


class InvalidRefreshToken(Exception):
    """The refresh token is malformed, expired, already used/blacklisted, or not the caller's."""


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int


def _token_pair(refresh: RefreshToken) -> TokenPair:
    return TokenPair(
        access_token=str(refresh.access_token),
        refresh_token=str(refresh),
        token_type="bearer",
        expires_in=int(jwt_settings.ACCESS_TOKEN_LIFETIME.total_seconds()),
    )


@transaction.atomic
def user_register(*, email: str, username: str, password: str) -> User:
    """Create an active, unverified user. Raises ValidationError naming every bad field."""
    email = User.objects.normalize_email(email.strip())
    username = User.normalize_username(username.strip())
    errors: dict[str, list[str]] = {}
    if selectors.email_is_taken(email=email):
        errors["email"] = [EMAIL_TAKEN]
    if selectors.username_is_taken(username=username):
        errors["username"] = [USERNAME_TAKEN]
    try:
        validate_password(password, user=User(email=email, username=username))
    except ValidationError as exc:
        errors["password"] = list(exc.messages)
    if errors:
        raise ValidationError(errors)
    try:
        # A savepoint, so a lost race with a concurrent registration leaves the outer transaction usable.
        with transaction.atomic():
            return User.objects.create_user(email=email, username=username, password=password)
    except IntegrityError as exc:
        # Lost a race with a concurrent registration: the database's unique indexes decided.
        if selectors.email_is_taken(email=email):
            raise ValidationError({"email": [EMAIL_TAKEN]}) from exc
        raise ValidationError({"username": [USERNAME_TAKEN]}) from exc


def user_login(*, login: str, password: str, address: str) -> TokenPair:
    """Check the credentials (email or username, any case) and issue a token pair.

    Raises LoginLockedOut, InvalidCredentials or AccountSuspended.
    """
    user = selectors.user_get_by_login(login=login)
    # Unknown names are counted too (hashed: any text can arrive here, cache keys must stay tame).
    account = str(user.pk) if user else hashlib.sha256(login.strip().lower().encode()).hexdigest()
    wait = login_lockout_seconds(account=account, address=address)
    if wait:
        raise LoginLockedOut(wait)
    if user is None:
        make_password(password)  # same cost as a real check, so timing does not reveal unknown names
        login_failure_record(account=account, address=address)
        raise InvalidCredentials
    if not user.check_password(password):
        login_failure_record(account=account, address=address)
        raise InvalidCredentials
    if not user.is_active:
        raise AccountSuspended
    login_failures_clear(account=account)
    update_last_login(None, user)
    return _token_pair(RefreshToken.for_user(user))


def _refresh_token_load(raw: str) -> RefreshToken:
    try:
        return RefreshToken(raw)  # checks signature, expiry, type and the blacklist
    except TokenError as exc:
        raise InvalidRefreshToken(str(exc)) from exc


@transaction.atomic
def tokens_refresh(*, refresh_token: str) -> TokenPair:
    """Rotate: the given refresh token is blacklisted and a new pair issued. Single use, even under races."""
    refresh = _refresh_token_load(refresh_token)
    user = User.objects.filter(pk=refresh.payload.get(jwt_settings.USER_ID_CLAIM), is_active=True).first()
    if user is None:
        raise InvalidRefreshToken("The account of this token no longer exists or is suspended.")
    _blacklisted, created = refresh.blacklist()
    if not created:
        raise InvalidRefreshToken("Token is blacklisted")
    return _token_pair(RefreshToken.for_user(user))


@transaction.atomic
def user_logout(*, user: User, refresh_token: str, access_token: AccessToken | None) -> None:
    """Blacklist the user's refresh token and revoke the access token of this request at once."""
    refresh = _refresh_token_load(refresh_token)
    if str(refresh.payload.get(jwt_settings.USER_ID_CLAIM)) != str(user.pk):
        raise InvalidRefreshToken("This refresh token belongs to another account.")
    _blacklisted, created = refresh.blacklist()
    if not created:
        raise InvalidRefreshToken("Token is blacklisted")
    if access_token is not None:
        access_token_revoke(jti=access_token["jti"], expires_at=access_token["exp"])


def user_set_active(*, users, is_active: bool) -> int:
    """Suspend (is_active=False) or reactivate users; returns how many changed.

    A suspended user can no longer sign in or refresh, and their access tokens stop working on
    the next request (the JWT authentication refuses inactive users).
    """
    return users.exclude(is_active=is_active).update(is_active=is_active)
