"""Reads of users: finding the account a sign-in name refers to."""

from django.contrib.auth import get_user_model
from django.db.models import Q

User = get_user_model()


def user_get_by_login(*, login: str) -> User | None:
    """The user whose email or username equals `login`, ignoring case.

    Usernames may contain "@", so a name can match one user's email and another's username;
    the email match wins when `login` looks like an email, the username match otherwise.
    """
    login = login.strip()
    if not login:
        return None
    candidates = list(User.objects.filter(Q(email__iexact=login) | Q(username__iexact=login))[:2])
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    by_email = "@" in login
    for candidate in candidates:
        if (candidate.email.lower() == login.lower()) == by_email:
            return candidate
    return candidates[0]


def email_is_taken(*, email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


def username_is_taken(*, username: str) -> bool:
    return User.objects.filter(username__iexact=username).exists()
