"""Admin sign-in results feed the API login's lockout counters (see accounts.backends)."""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from accounts.backends import admin_account_key
from accounts.lockout import client_address, login_account_key, login_failure_record, login_failures_clear


@receiver(user_login_failed, dispatch_uid="accounts.admin_login_failed")
def admin_login_failed(sender, credentials, request=None, **kwargs):
    if request is None or getattr(request, "login_retry_after", None):
        return  # no address to count against, or refused while locked (not a new guess)
    account = admin_account_key(credentials.get("username"))
    login_failure_record(account=account, address=client_address(request))


@receiver(user_logged_in, dispatch_uid="accounts.admin_logged_in")
def admin_logged_in(sender, request, user, **kwargs):
    if request is not None:
        login_failures_clear(account=login_account_key(login="", user=user), address=client_address(request))
