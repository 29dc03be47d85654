"""Benchmark: the per-request cost of the auth plumbing (throttle counters, login lockout, revocation).

The throttle and lockout checks must cost the same whatever the rate or the number of hits so far
(one cache counter, not a history list): the figure at 5,000 prior hits is compared with the one
at 10 prior hits of the same run. Uses whatever cache the settings choose (local memory by
default; Redis when REDIS_URL is set). Run: `.venv/bin/python -m bench.auth`.
"""

from __future__ import annotations

import statistics
import time
import uuid

from bench import Measurement

REPEAT = 2000


def _median_us(fn, repeat: int = REPEAT) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - start) * 1e6)
    return statistics.median(timings)


def _throttle_cost(prior_hits: int) -> float:
    from rest_framework.test import APIRequestFactory

    from sketchdojo.api.throttles import LoginRateThrottle

    request = APIRequestFactory().post("/api/v1/auth/login", REMOTE_ADDR=f"10.{uuid.uuid4().int % 250}.0.1")
    throttle = LoginRateThrottle()
    for _ in range(prior_hits):
        throttle.allow_request(request, None)
    return _median_us(lambda: throttle.allow_request(request, None))


def _lockout_cost(prior_failures: int) -> float:
    from accounts.lockout import login_failure_record, login_lockout_seconds

    account, address = uuid.uuid4().hex, uuid.uuid4().hex
    for _ in range(prior_failures):
        login_failure_record(account=account, address=address)
    return _median_us(lambda: login_lockout_seconds(account=account, address=address))


def _revocation_cost() -> float:
    from accounts.revocation import access_token_is_revoked, access_token_revoke

    for _ in range(1000):
        access_token_revoke(jti=uuid.uuid4().hex, expires_at=int(time.time()) + 600)
    jti = uuid.uuid4().hex
    return _median_us(lambda: access_token_is_revoked(jti))


def run() -> list[Measurement]:
    from django.conf import settings
    from django.test import override_settings

    rest = settings.REST_FRAMEWORK
    rates = {**rest["DEFAULT_THROTTLE_RATES"], "login": "1000000/min"}
    with override_settings(REST_FRAMEWORK={**rest, "DEFAULT_THROTTLE_RATES": rates}):
        throttle_10 = _throttle_cost(10)
        throttle_5000 = _throttle_cost(5000)
    lockout_10 = _lockout_cost(10)
    lockout_5000 = _lockout_cost(5000)
    cache = "redis" if settings.REDIS_URL else "locmem"
    return [
        Measurement(
            f"login throttle check after 5,000 hits ({cache})",
            throttle_5000,
            "µs",
            target=throttle_10 * 2,
            baseline=throttle_10,
            baseline_name="after 10 hits",
        ),
        Measurement(
            f"lockout check after 5,000 failures ({cache})",
            lockout_5000,
            "µs",
            target=lockout_10 * 2,
            baseline=lockout_10,
            baseline_name="after 10 failures",
        ),
        Measurement(f"revoked-token lookup, 1,000 revoked ({cache})", _revocation_cost(), "µs"),
    ]


if __name__ == "__main__":
    import os
    import sys

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from bench.__main__ import render

    print(render([("auth", m) for m in run()]))
    sys.exit(0)
