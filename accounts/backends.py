"""Authentication backends: the admin sign-in, locked like the API login.

Only the admin login form calls authenticate() with a request in this project (the API login
checks passwords in accounts.services). Two guards apply there:

- django-axes: per (account, address) pair, LOGIN_FAILURE_LIMIT failures in the window, with its
  audit trail of attempts in the admin;
- the API login's own counters (accounts.lockout), shared with /api/v1/auth/login: the same
  pair and address limits and the slower per-account backoff, so a failure on either door
  counts on both. The signal receivers in accounts.signals record failures and successes.
"""

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied

from accounts import selectors
from accounts.lockout import client_address, login_account_key, login_lockout_seconds


class AdminLockoutBackend(AxesStandaloneBackend):
    """Refuses locked sign-ins; never authenticates anyone itself (the ModelBackend does).

    Without a request (test clients, management commands) there is no client address to judge:
    it steps aside.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        wait = login_lockout_seconds(account=admin_account_key(username), address=client_address(request))
        if wait:
            request.axes_locked_out = True  # AxesMiddleware turns this into the lockout response
            request.login_retry_after = wait
            raise AxesBackendPermissionDenied("Too many failed sign-in attempts.")
        return super().authenticate(request, username=username, password=password, **kwargs)


def admin_account_key(username: str | None) -> str:
    login = username or ""
    return login_account_key(login=login, user=selectors.user_get_by_login(login=login))
