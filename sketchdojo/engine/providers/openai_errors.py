"""The `openai` SDK as SketchDojo uses it, shared by the OpenAI planner and artist: the client, and what
its errors mean.

The SDK's own retries are off (`max_retries=0`); its exceptions are translated into the provider
errors of `base.py` here, so retries, Retry-After and metrics go through `providers/http.py` like
every other provider's. `OPENAI_BASE_URL` points both at any OpenAI-compatible server.
"""

from __future__ import annotations

import openai

from sketchdojo.engine.providers.base import ProviderContentRefused, ProviderError, ProviderTransientError
from sketchdojo.engine.providers.http import error_for_status, parse_retry_after, redact, setting

PROVIDER = "openai"
LABEL = "OpenAI"
KEY_SETTING = "OPENAI_API_KEY"
# Codes OpenAI uses when its safety system refuses a prompt or an image.
CONTENT_POLICY_CODES = {"content_policy_violation", "moderation_blocked", "content_filter"}
# Local servers need no key, but the SDK insists on one.
LOCAL_SERVER_KEY = "not-needed"


def base_url_setting(base_url: str | None) -> str:
    """The explicit base URL, else OPENAI_BASE_URL; empty means OpenAI itself."""
    return base_url if base_url is not None else setting("OPENAI_BASE_URL", "")


def sdk_client(*, api_key: str, base_url: str, timeout: float) -> openai.OpenAI:
    """An SDK client that leaves retries to `providers/http.py`."""
    return openai.OpenAI(api_key=api_key or LOCAL_SERVER_KEY, base_url=base_url or None, timeout=timeout, max_retries=0)


def retry_after(response) -> float | None:
    milliseconds = response.headers.get("retry-after-ms")
    if milliseconds:
        try:
            return max(0.0, float(milliseconds) / 1000)
        except ValueError:
            pass
    return parse_retry_after(response.headers.get("retry-after"))


def error_message(exc: openai.APIStatusError, api_key: str) -> str:
    body = exc.body
    message = body.get("message") if isinstance(body, dict) else body
    return redact(str(message or ""), api_key)


def safe_cause(exc: openai.OpenAIError) -> BaseException | None:
    """What the translated error may chain to: not a status error, whose text repeats the server's body
    (a 401 body echoes part of the key), so tracebacks in logs stay free of it."""
    return None if isinstance(exc, openai.APIStatusError) else exc


def translate(exc: openai.OpenAIError, *, api_key: str, timeout: float) -> ProviderError:
    """The provider error for an SDK exception (content refusals included)."""
    if isinstance(exc, openai.APITimeoutError):
        return ProviderTransientError(f"{LABEL} did not answer within {timeout:g} s.", provider=PROVIDER)
    if isinstance(exc, openai.APIConnectionError):
        return ProviderTransientError(f"Could not connect to {LABEL}.", provider=PROVIDER)
    if isinstance(exc, openai.APIStatusError):
        message = error_message(exc, api_key)
        if exc.code in CONTENT_POLICY_CODES:
            return ProviderContentRefused(
                f"{LABEL} refused this content: {message or exc.code}", provider=PROVIDER, status=exc.status_code
            )
        return error_for_status(
            provider=PROVIDER,
            label=LABEL,
            status=exc.status_code,
            message=message,
            retry_after=retry_after(exc.response),
            key_setting=KEY_SETTING,
        )
    return ProviderError(f"{LABEL} call failed ({exc.__class__.__name__}).", provider=PROVIDER)
