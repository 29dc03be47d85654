"""A record of every AI provider call: for the task row (what did this generation cost?) and Prometheus.

Each HTTP attempt to a provider becomes one `ProviderCall` (provider, kind, model, latency, outcome,
status, token or image usage). Calls are observed as the `sketchdojo_provider_calls_total` and
`sketchdojo_provider_call_duration_seconds` metrics, and handed to whoever is collecting:

    with collect_calls() as calls:
        script = planner.plan(request)
    task.result["provider_calls"] = [c.as_dict() for c in calls]

Collection uses a context variable, so it follows the code that runs inside the `with` block. A thread
pool does not copy context by itself: open `collect_calls()` inside the job each thread runs, or submit
each job with `pool.submit(contextvars.copy_context().run, job, ...)`, copying in the submitting
thread (the collector's list is shared and appends are safe).
Collectors nest: an inner block's calls also reach every outer one.

The engine knows nothing of Prometheus: whoever exports metrics registers an observer
(`call_observer_register`; the core's metrics do, in SketchDojoConfig.ready) and sees every finished call.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from sketchdojo.engine.providers.base import (
    ProviderAuthError,
    ProviderContentRefused,
    ProviderError,
    ProviderMalformedOutput,
    ProviderTransientError,
)

# Outcomes, also the `outcome` label of the metric.
OK = "ok"
TRANSIENT = "transient"
AUTH = "auth"
REFUSED = "refused"
MALFORMED = "malformed"
ERROR = "error"

_observers: list[Callable[[ProviderCall], None]] = []
_collectors: ContextVar[tuple[list[ProviderCall], ...]] = ContextVar("sketchdojo_provider_calls", default=())


@dataclass
class ProviderCall:
    """One attempt at one provider endpoint, as stored on the task and exported as metrics."""

    provider: str
    kind: str  # "llm" or "image"
    model: str
    attempt: int = 1
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    latency_seconds: float = 0.0
    outcome: str = OK
    status: int | None = None
    usage: dict[str, Any] = field(default_factory=dict)
    error: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The stored record. Never holds a prompt or a key: usage numbers and a redacted error only.

        Beside the raw fields: `attempts` (which try this was, 1-based), `latency_ms`, and
        `tokens_in` / `tokens_out` (None when the provider does not report tokens).
        """
        data = asdict(self)
        data["started_at"] = self.started_at.isoformat()
        data["latency_seconds"] = round(self.latency_seconds, 4)
        data["latency_ms"] = round(self.latency_seconds * 1000)
        data["attempts"] = self.attempt
        data["tokens_in"] = self.usage.get("input_tokens")
        data["tokens_out"] = self.usage.get("output_tokens")
        return data


@contextmanager
def collect_calls() -> Iterator[list[ProviderCall]]:
    """Collect the provider calls made inside the block into the list it yields."""
    calls: list[ProviderCall] = []
    token = _collectors.set((*_collectors.get(), calls))
    try:
        yield calls
    finally:
        _collectors.reset(token)


def call_observer_register(observer: Callable[[ProviderCall], None]) -> None:
    """Call `observer` with every finished call from now on (once per function, however often registered)."""
    if observer not in _observers:
        _observers.append(observer)


def record_call(call: ProviderCall) -> None:
    """Hand one finished call to every observer (metrics) and to every open collector."""
    for observer in _observers:
        observer(call)
    for calls in _collectors.get():
        calls.append(call)


@contextmanager
def timed_call(*, provider: str, kind: str, model: str, attempt: int = 1) -> Iterator[ProviderCall]:
    """Time the block as one call; its outcome follows the exception it raises (if any), then record it.

    The block may fill in `call.usage` and `call.status`; an exception's class decides the outcome.
    """
    call = ProviderCall(provider=provider, kind=kind, model=model, attempt=attempt)
    started = time.monotonic()
    try:
        yield call
    except BaseException as exc:
        outcomes = (
            (ProviderTransientError, TRANSIENT),
            (ProviderAuthError, AUTH),
            (ProviderContentRefused, REFUSED),
            (ProviderMalformedOutput, MALFORMED),
        )
        call.outcome = next((name for cls, name in outcomes if isinstance(exc, cls)), ERROR)
        if isinstance(exc, ProviderError):
            call.status = call.status if exc.status is None else exc.status
            call.error = str(exc)
        else:
            call.error = exc.__class__.__name__
        raise
    finally:
        call.latency_seconds = time.monotonic() - started
        record_call(call)
