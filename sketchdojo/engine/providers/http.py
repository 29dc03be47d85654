"""How every provider talks HTTP: timeouts, retries with backoff, Retry-After, and what a status means.

All four providers share this, so a 429 from Anthropic and one from Stability AI are handled alike:
timeouts, connection errors, 408/409/429 and 5xx are retried with exponential backoff and full
jitter (or exactly the server's `Retry-After`), at most `PROVIDER_MAX_RETRIES` times and within a
time budget well below the Celery soft limit; 401/403 fail at once with "the <provider> key was
rejected"; every attempt holds a slot of the provider's concurrency cap and is recorded as a
`ProviderCall`. Keys never reach a log line or an exception message.
"""

from __future__ import annotations

import io
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import requests
from django.conf import settings
from PIL import Image, ImageOps, UnidentifiedImageError

from sketchdojo.engine.providers.base import (
    ProviderAuthError,
    ProviderError,
    ProviderMalformedOutput,
    ProviderTransientError,
)
from sketchdojo.engine.providers.calls import ProviderCall, timed_call

logger = logging.getLogger(__name__)

T = TypeVar("T")

# A server asking for a longer pause than this gets a failure now; the task can be retried later.
MAX_RETRY_AFTER_SECONDS = 60.0
# Whatever PROVIDER_TIMEOUT_SECONDS says, one call must end this long before the task's soft limit.
SOFT_LIMIT_MARGIN_SECONDS = 30.0
MESSAGE_LIMIT = 300


def setting(name: str, default: Any) -> Any:
    """A Django setting, or `default` when Django is not configured (the engine runs without it too)."""
    return getattr(settings, name, default) if settings.configured else default


def default_timeout() -> float:
    """Seconds one HTTP call may take: PROVIDER_TIMEOUT_SECONDS, kept below the Celery soft limit."""
    timeout = float(setting("PROVIDER_TIMEOUT_SECONDS", 120.0))
    soft_limit = float(setting("CELERY_TASK_SOFT_TIME_LIMIT", 600))
    return max(1.0, min(timeout, soft_limit - SOFT_LIMIT_MARGIN_SECONDS))


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a transient failure is retried."""

    max_retries: int = 4
    backoff_base: float = 1.0
    backoff_max: float = 30.0
    max_retry_after: float = MAX_RETRY_AFTER_SECONDS
    budget_seconds: float | None = None  # all attempts and pauses together

    @classmethod
    def from_settings(cls, **overrides: Any) -> RetryPolicy:
        values: dict[str, Any] = {
            "max_retries": int(setting("PROVIDER_MAX_RETRIES", 4)),
            "backoff_base": float(setting("TASK_RETRY_BACKOFF_SECONDS", 1.0)),
            "budget_seconds": float(setting("CELERY_TASK_SOFT_TIME_LIMIT", 600)) / 2,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def delay(self, retry_index: int, retry_after: float | None) -> float | None:
        """Seconds to wait before retry number `retry_index` (0-based); None when the wait is too long."""
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None
        return random.uniform(0, min(self.backoff_max, self.backoff_base * 2**retry_index))


def parse_retry_after(value: str | None) -> float | None:
    """`Retry-After` as seconds: either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def redact(text: str, *secrets: str) -> str:
    """`text` shortened for a message, with every secret in it replaced."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[redacted]")
    text = " ".join(text.split())
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"


def is_transient_status(status: int) -> bool:
    return status in (408, 409, 429) or status >= 500


def error_for_status(
    *,
    provider: str,
    label: str,
    status: int,
    message: str,
    retry_after: float | None = None,
    key_setting: str = "",
) -> ProviderError:
    """The error a non-2xx answer means (content refusals are recognised by each provider first)."""
    detail = f": {message}" if message else ""
    if is_transient_status(status):
        return ProviderTransientError(
            f"{label} is busy or unavailable (HTTP {status}){detail}",
            provider=provider,
            status=status,
            retry_after=retry_after,
        )
    if status in (401, 403):
        hint = f"; check {key_setting}" if key_setting else ""
        return ProviderAuthError(
            f"The {label} key was rejected (HTTP {status}){hint}.", provider=provider, status=status
        )
    if status == 402:
        return ProviderError(
            f"{label} refused the call: the account is out of credits (HTTP 402).", provider=provider, status=status
        )
    return ProviderError(f"{label} rejected the request (HTTP {status}){detail}", provider=provider, status=status)


class ThreadSessions:
    """One `requests.Session` per thread: panels are drawn from a thread pool, and a Session is not
    documented as thread-safe; each thread still reuses its own connections."""

    def __init__(self):
        self._local = threading.local()

    def get(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session


def send(
    session: requests.Session,
    method: str,
    url: str,
    *,
    provider: str,
    label: str,
    timeout: float,
    **kwargs: Any,
) -> requests.Response:
    """One request; timeouts and connection failures become `ProviderTransientError`."""
    try:
        return session.request(method, url, timeout=timeout, **kwargs)
    except requests.Timeout as exc:
        raise ProviderTransientError(f"{label} did not answer within {timeout:g} s.", provider=provider) from exc
    except requests.ConnectionError as exc:
        raise ProviderTransientError(
            f"Could not connect to {label} ({exc.__class__.__name__}).", provider=provider
        ) from exc


def call_with_retries(
    attempt: Callable[[ProviderCall], T],
    *,
    provider: str,
    label: str,
    kind: str,
    model: str,
    policy: RetryPolicy,
    limiter: Any,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run `attempt` until it succeeds or fails for good.

    This is THE retry layer: at most `policy.max_retries + 1` attempts (PROVIDER_MAX_RETRIES + 1), one
    backoff formula (`RetryPolicy.delay`: the server's `Retry-After`, else full-jitter exponential).
    Each try holds one slot of `limiter`, released before any backoff sleep and re-acquired after,
    and is recorded as a ProviderCall; `attempt` receives that record to fill in usage and tokens.
    Only `ProviderTransientError` is retried; when the budget is spent it is raised again with
    `attempts` set, so callers must not retry it on top (`exc.retries_exhausted`).
    """
    started = time.monotonic()
    tries = policy.max_retries + 1
    for index in range(tries):
        try:
            with limiter.slot(), timed_call(provider=provider, kind=kind, model=model, attempt=index + 1) as call:
                return attempt(call)
        except ProviderTransientError as exc:
            delay = policy.delay(index, exc.retry_after) if index + 1 < tries else None
            over_budget = (
                delay is not None
                and policy.budget_seconds is not None
                and time.monotonic() - started + delay > policy.budget_seconds
            )
            if delay is None or over_budget:
                attempts = f"{index + 1} attempt" + ("s" if index else "")
                raise ProviderTransientError(
                    f"{exc} (gave up after {attempts})",
                    provider=provider,
                    status=exc.status,
                    retry_after=exc.retry_after,
                    attempts=index + 1,
                ) from exc
            logger.warning(
                "%s %s call failed (%s); retry %d of %d in %.2f s",
                label,
                kind,
                exc.status or "no answer",
                index + 1,
                policy.max_retries,
                delay,
            )
            sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


def decode_image(data: bytes, *, width: int, height: int, provider: str, label: str) -> Image.Image:
    """Image bytes from a provider, cropped to the panel's shape and scaled to its size."""
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ProviderMalformedOutput(
            f"{label} answered with something that is not an image.", provider=provider
        ) from exc
    return ImageOps.fit(image.convert("RGB"), (width, height), method=Image.Resampling.LANCZOS)
