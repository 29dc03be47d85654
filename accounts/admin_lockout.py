"""The admin sign-in's answer once django-axes has locked an (account, address) pair."""

from axes.helpers import get_cool_off, get_failure_limit
from django.shortcuts import render


def lockout_response(request, original_response, credentials):
    """429 with Retry-After and a page saying so. The wait is the shared counters' (accounts.lockout)
    when they refused, else the cool-off axes applies from the latest failure."""
    retry_after = getattr(request, "login_retry_after", None) or int(get_cool_off(request).total_seconds())
    context = {"failure_limit": get_failure_limit(request, credentials), "retry_after": retry_after}
    response = render(request, "admin/lockout.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response
