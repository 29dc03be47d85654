"""Admin sign-in results feed the API login's lockout counters (see accounts.backends); a saved or
deleted user is no longer taken from the authentication cache (accounts.authcache)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts import authcache
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


@receiver(post_save, sender=get_user_model(), dispatch_uid="accounts.user_saved")
@receiver(post_delete, sender=get_user_model(), dispatch_uid="accounts.user_deleted")
def user_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        authcache.users_changed([instance.pk])
