"""Retry policy, Retry-After parsing, status classification and secret redaction shared by all providers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from sketchdojo.engine.providers.base import ProviderAuthError, ProviderError, ProviderTransientError
from sketchdojo.engine.providers.calls import collect_calls
from sketchdojo.engine.providers.http import (
    RetryPolicy,
    call_with_retries,
    default_timeout,
    error_for_status,
    parse_retry_after,
    redact,
)
from sketchdojo.engine.providers.limits import LocalLimiter


def retried(attempt, *, policy: RetryPolicy, sleep, kind: str = "llm"):
    """`call_with_retries` for a provider "p" with a limiter of its own (one slot)."""
    return call_with_retries(
        attempt,
        provider="p",
        label="P",
        kind=kind,
        model="m",
        policy=policy,
        limiter=LocalLimiter(f"p:{kind}", 1),
        sleep=sleep,
    )


def test_retry_after_in_seconds_is_read_as_seconds():
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("0") == 0.0


def test_retry_after_as_an_http_date_is_read_as_seconds_from_now():
    when = datetime.now(UTC) + timedelta(seconds=120)

    seconds = parse_retry_after(format_datetime(when, usegmt=True))

    assert 100 < seconds <= 120


def test_a_missing_or_unreadable_retry_after_is_none():
    assert parse_retry_after(None) is None
    assert parse_retry_after("") is None
    assert parse_retry_after("soon") is None


def test_backoff_grows_exponentially_with_full_jitter_and_a_cap():
    policy = RetryPolicy(backoff_base=1.0, backoff_max=5.0)

    for retry_index, cap in [(0, 1.0), (1, 2.0), (2, 4.0), (3, 5.0), (8, 5.0)]:
        assert all(0 <= policy.delay(retry_index, None) <= cap for _ in range(50))


def test_the_servers_retry_after_is_honoured_unless_it_is_too_long():
    policy = RetryPolicy(max_retry_after=60)

    assert policy.delay(0, 3.0) == 3.0
    assert policy.delay(0, 3600.0) is None


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 529])
def test_timeouts_conflicts_rate_limits_and_server_errors_are_transient(status):
    error = error_for_status(provider="stability", label="Stability AI", status=status, message="x", retry_after=2)

    assert isinstance(error, ProviderTransientError)
    assert (error.provider, error.status, error.retry_after) == ("stability", status, 2)


@pytest.mark.parametrize("status", [401, 403])
def test_a_rejected_key_is_an_auth_error(status):
    error = error_for_status(provider="stability", label="Stability AI", status=status, message="x")

    assert type(error) is ProviderAuthError
    assert str(error) == f"The Stability AI key was rejected (HTTP {status})."


def test_other_client_errors_are_permanent():
    error = error_for_status(provider="openai", label="OpenAI", status=404, message="model not found")

    assert type(error) is ProviderError
    assert str(error) == "OpenAI rejected the request (HTTP 404): model not found"


def test_redact_removes_secrets_and_shortens_long_text():
    assert redact("bad key sk-123 given", "sk-123", "") == "bad key [redacted] given"
    assert len(redact("x" * 1000)) == 300


def test_the_timeout_stays_below_the_celery_soft_limit(settings):
    settings.PROVIDER_TIMEOUT_SECONDS = 900
    settings.CELERY_TASK_SOFT_TIME_LIMIT = 600

    assert default_timeout() == 570


def test_a_transient_failure_is_retried_and_each_attempt_recorded():
    answers = iter([ProviderTransientError("busy", provider="p", status=503), "drawn"])
    pauses = []

    def attempt(call):
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    with collect_calls() as calls:
        result = retried(
            attempt, policy=RetryPolicy(max_retries=3, backoff_base=0.5), sleep=pauses.append, kind="image"
        )

    assert result == "drawn"
    assert [(c.attempt, c.outcome, c.status) for c in calls] == [(1, "transient", 503), (2, "ok", None)]
    assert len(pauses) == 1
    assert 0 <= pauses[0] <= 0.5


def test_retries_stop_when_the_time_budget_would_be_exceeded():
    def attempt(call):
        raise ProviderTransientError("busy", provider="p", status=429, retry_after=30)

    with pytest.raises(ProviderTransientError, match=r"busy \(gave up after 1 attempt\)"):
        retried(
            attempt,
            policy=RetryPolicy(max_retries=5, budget_seconds=10),
            sleep=lambda seconds: pytest.fail("must not wait past the budget"),
        )


def test_permanent_failures_are_not_retried():
    tries = []

    def attempt(call):
        tries.append(call.attempt)
        raise ProviderAuthError("The P key was rejected (HTTP 401).", provider="p", status=401)

    with collect_calls() as calls, pytest.raises(ProviderAuthError):
        retried(attempt, policy=RetryPolicy(max_retries=5), sleep=lambda seconds: pytest.fail("must not retry"))

    assert tries == [1]
    assert [(c.outcome, c.status) for c in calls] == [("auth", 401)]
