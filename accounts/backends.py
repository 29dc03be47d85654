"""Authentication backends: django-axes guarding the admin sign-in."""

from axes.backends import AxesStandaloneBackend


class AdminLockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, skipped when there is no request to judge.

    Only sign-ins through a request (the admin login form) can be locked out; code paths that
    call authenticate() without one (test clients, management commands) have no client address
    and fall through to the ModelBackend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
