"""Writes for accounts: registration, sign-in, token rotation and sign-out.

Views, the admin and commands all go through these functions, so the rules (case-insensitive
uniqueness, password policy, lockout, single-use refresh tokens, instant logout) live here once.
"""

import time
import uuid
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import update_last_login
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from rest_framework_simplejwt.exceptions import TokenBackendError, TokenError
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.state import token_backend
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from accounts import authcache, selectors
from accounts.authentication import TOKEN_FAMILY_CLAIM, token_matches_password
from accounts.lockout import (
    login_account_key,
    login_failure_record,
    login_failures_clear,
    login_lockout_seconds,
)
from accounts.models import ModerationActionKind
from accounts.moderation import moderation_actions_record
from accounts.revocation import access_token_revoke, token_family_revoke, token_is_revoked
from accounts.sessions import sessions_recheck

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


class InvalidRefreshToken(Exception):
    """The refresh token is malformed, expired, already used/blacklisted, or not the caller's."""


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int


def _token_pair(user: User, *, family: str) -> TokenPair:
    """A new refresh token of the sign-in session `family`, and its access token (which inherits
    the family and the password digest)."""
    refresh = RefreshToken.for_user(user)
    refresh[TOKEN_FAMILY_CLAIM] = family
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

    Raises LoginLockedOut or InvalidCredentials. A suspended account gets InvalidCredentials
    too, right password or not, so the answer never confirms a guessed password.
    """
    user = selectors.user_get_by_login(login=login)
    account = login_account_key(login=login, user=user)  # unknown names are counted too
    wait = login_lockout_seconds(account=account, address=address)
    if wait:
        raise LoginLockedOut(wait)
    if user is None:
        make_password(password)  # same cost as a real check, so timing does not reveal unknown names
        login_failure_record(account=account, address=address)
        raise InvalidCredentials
    if not user.check_password(password) or not user.is_active:
        login_failure_record(account=account, address=address)
        raise InvalidCredentials
    login_failures_clear(account=account, address=address)
    update_last_login(None, user)
    return _token_pair(user, family=uuid.uuid4().hex)


def _refresh_token_load(raw: str) -> RefreshToken:
    try:
        return RefreshToken(raw)  # checks signature, expiry, type and the blacklist
    except TokenError as exc:
        _revoke_family_if_reused(raw)
        raise InvalidRefreshToken(str(exc)) from exc


def _revoke_family_if_reused(raw: str) -> None:
    """A genuine refresh token that was already rotated or logged out is being used again: the
    token was stolen or the client is confused, and nobody can tell which use is the owner's, so
    every token of its family ends (RFC 9700 §4.14.2)."""
    try:
        payload = token_backend.decode(raw, verify=True)  # our signature, not expired
    except TokenBackendError:
        return
    family = payload.get(TOKEN_FAMILY_CLAIM)
    if payload.get(jwt_settings.TOKEN_TYPE_CLAIM) != "refresh" or not family:
        return
    if BlacklistedToken.objects.filter(token__jti=payload.get(jwt_settings.JTI_CLAIM)).exists():
        token_family_revoke(family=family, expires_at=_family_expiry())


def _family_expiry() -> float:
    """Every token of a family expires by then: refresh tokens issued so far live this long."""
    return time.time() + jwt_settings.REFRESH_TOKEN_LIFETIME.total_seconds()


class _RefreshReused(Exception):
    def __init__(self, family: str):
        self.family = family


def tokens_refresh(*, refresh_token: str) -> TokenPair:
    """Rotate: the given refresh token is blacklisted and a new pair of the same family issued.

    Single use, even under races: the second use of a refresh token (sequential or concurrent)
    is refused and revokes its whole family. Refused too after a password change or logout.
    """
    refresh = _refresh_token_load(refresh_token)
    family = refresh.get(TOKEN_FAMILY_CLAIM) or uuid.uuid4().hex
    try:
        with transaction.atomic():
            return _tokens_rotate(refresh, family=family)
    except _RefreshReused as exc:
        # Outside the transaction: the revocation must outlive the refusal.
        token_family_revoke(family=exc.family, expires_at=_family_expiry())
        raise InvalidRefreshToken("Token is blacklisted") from exc


def _tokens_rotate(refresh: RefreshToken, *, family: str) -> TokenPair:
    user = User.objects.filter(pk=refresh.payload.get(jwt_settings.USER_ID_CLAIM), is_active=True).first()
    if user is None:
        raise InvalidRefreshToken("The account of this token no longer exists or is suspended.")
    if not token_matches_password(refresh, user):
        raise InvalidRefreshToken("The password has changed since this token was issued.")
    if token_is_revoked(jti=None, family=refresh.get(TOKEN_FAMILY_CLAIM)):
        raise InvalidRefreshToken("Token has been revoked.")
    _blacklisted, created = refresh.blacklist()
    if not created:  # a concurrent request used the same token first
        raise _RefreshReused(family)
    return _token_pair(user, family=family)


def user_logout(*, user: User, refresh_token: str, access_token: AccessToken | None) -> None:
    """End this sign-in session: its refresh token, every token of its family, and at once the
    access token of this request."""
    refresh = _refresh_token_load(refresh_token)
    if str(refresh.payload.get(jwt_settings.USER_ID_CLAIM)) != str(user.pk):
        raise InvalidRefreshToken("This refresh token belongs to another account.")
    _blacklisted, created = refresh.blacklist()
    if not created:
        raise InvalidRefreshToken("Token is blacklisted")
    family = refresh.get(TOKEN_FAMILY_CLAIM)
    if family:
        token_family_revoke(family=family, expires_at=_family_expiry())
    if access_token is not None:
        access_token_revoke(jti=access_token["jti"], expires_at=access_token["exp"])
    sessions_recheck(user_ids=[user.pk])  # this session's open sockets close (4401)


def user_set_active(*, users, is_active: bool, actor=None, reason: str = "") -> int:
    """Suspend (is_active=False) or reactivate users; returns how many changed.

    A suspended user can no longer sign in or refresh, their access tokens stop working on the
    next request (the JWT authentication refuses inactive users) and their open sockets close.
    Each changed user gets a line in the moderation log, with `actor` and `reason`.
    """
    with transaction.atomic():
        ids = list(users.exclude(is_active=is_active).select_for_update().values_list("pk", flat=True))
        changed = User.objects.filter(pk__in=ids).update(is_active=is_active)
        authcache.users_changed(ids)  # a bulk update sends no post_save
        moderation_actions_record(
            actor=actor,
            action=ModerationActionKind.REACTIVATE if is_active else ModerationActionKind.SUSPEND,
            reason=reason,
            targets=User.objects.filter(pk__in=ids),
        )
        if not is_active:
            sessions_recheck(user_ids=ids)
    return changed
