"""What every remote provider holds: its key, timeout, retry policy and concurrency cap, and one way to call.

The four remote providers (OpenAI and Anthropic planners, Stability AI and OpenAI Images artists)
differ in their wire formats, not in how they are configured or how a call is retried, limited and
recorded; that part lives here once. A provider mixes `ProviderClient` in beside `LLMProvider` or
`ImageProvider`, takes the shared keyword arguments as `**options: Unpack[ClientOptions]`, resolves its
own base URL and model, and runs every request through `self.call`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypedDict, TypeVar

from sketchdojo.engine.providers.calls import ProviderCall
from sketchdojo.engine.providers.http import (
    RetryPolicy,
    call_with_retries,
    default_timeout,
    error_for_status,
    parse_retry_after,
    redact,
    setting,
)
from sketchdojo.engine.providers.limits import limiter_for

T = TypeVar("T")

# The setting and default that cap the calls in flight, by the kind of call.
CONCURRENCY_SETTINGS = {"llm": ("LLM_CONCURRENCY", 4), "image": ("IMAGE_CONCURRENCY", 8)}


class ClientOptions(TypedDict, total=False):
    """The keyword arguments every remote provider takes; each one left out comes from settings."""

    api_key: str | None
    timeout: float | None
    max_retries: int | None
    backoff_base: float | None
    concurrency: int | None
    redis_url: str | None
    sleep: Callable[[float], None]


class ProviderClient:
    """Configuration, retry policy and concurrency limiter of one remote provider.

    Subclasses set `name`, `label` (how messages name it), `kind` ("llm" or "image") and `key_setting`.
    """

    name: str = ""
    label: str = ""
    kind: str = ""
    key_setting: str = ""
    limits_itself = True  # every attempt holds a slot of `self.limiter`, none while a retry waits

    def __init__(
        self,
        *,
        model: str,
        api_key: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        backoff_base: float | None = None,
        concurrency: int | None = None,
        redis_url: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Explicit arguments win; what is left comes from settings (the key from `key_setting`).

        `model` is already resolved by the provider; `sleep` is what retries wait with (tests record it).
        """
        concurrency_setting, default_concurrency = CONCURRENCY_SETTINGS[self.kind]
        self.api_key = api_key if api_key is not None else setting(self.key_setting, "")
        self.model = model
        self.timeout = timeout or default_timeout()
        self.policy = RetryPolicy.from_settings(max_retries=max_retries, backoff_base=backoff_base)
        self.max_concurrency = concurrency or int(setting(concurrency_setting, default_concurrency))
        self.limiter = limiter_for(f"{self.name}:{self.kind}", limit=self.max_concurrency, redis_url=redis_url)
        self.sleep = sleep

    def raise_for_status(self, response, *, message: str | None = None) -> None:
        """Raise the ProviderError a non-2xx answer means (message: the body, keys redacted)."""
        if response.ok:
            return
        raise error_for_status(
            provider=self.name,
            label=self.label,
            status=response.status_code,
            message=redact(response.text, self.api_key) if message is None else message,
            retry_after=parse_retry_after(response.headers.get("retry-after")),
            key_setting=self.key_setting,
        )

    def call(self, attempt: Callable[[ProviderCall], T]) -> T:
        """Run `attempt` with this provider's retries, inside a limiter slot, recorded as a ProviderCall."""
        return call_with_retries(
            attempt,
            provider=self.name,
            label=self.label,
            kind=self.kind,
            model=self.model,
            policy=self.policy,
            limiter=self.limiter,
            sleep=self.sleep,
        )
