"""Provider call records: collected per block (nested, across threads when asked) and exported as metrics."""

from __future__ import annotations

import contextvars
from concurrent.futures import ThreadPoolExecutor

import pytest
from prometheus_client import REGISTRY

from sketchdojo.engine.providers import calls as calls_module
from sketchdojo.engine.providers.base import ProviderContentRefused
from sketchdojo.engine.providers.calls import ProviderCall, collect_calls, record_call, timed_call


def _count(provider: str, outcome: str) -> float:
    labels = {"provider": provider, "kind": "image", "outcome": outcome}
    return REGISTRY.get_sample_value("sketchdojo_provider_calls_total", labels) or 0.0


def test_a_recorded_call_reaches_the_collector_and_the_metrics():
    before = _count("test-metrics", "ok")

    with collect_calls() as calls:
        record_call(ProviderCall(provider="test-metrics", kind="image", model="m", latency_seconds=0.5))

    assert [(c.provider, c.outcome) for c in calls] == [("test-metrics", "ok")]
    assert _count("test-metrics", "ok") == before + 1


def test_calls_outside_any_collector_are_only_counted():
    with collect_calls() as calls:
        pass
    record_call(ProviderCall(provider="test-outside", kind="image", model="m"))

    assert calls == []


def test_nested_collectors_both_receive_the_inner_calls():
    with collect_calls() as outer:
        record_call(ProviderCall(provider="a", kind="llm", model="m"))
        with collect_calls() as inner:
            record_call(ProviderCall(provider="b", kind="image", model="m"))

    assert [c.provider for c in outer] == ["a", "b"]
    assert [c.provider for c in inner] == ["b"]


def test_thread_pool_jobs_submitted_with_the_context_are_collected():
    def job(n: int) -> None:
        record_call(ProviderCall(provider=f"panel-{n}", kind="image", model="m"))

    with collect_calls() as calls, ThreadPoolExecutor(max_workers=3) as pool:
        # copy_context() in the submitting thread: each job runs in a copy that sees the collector.
        futures = [pool.submit(contextvars.copy_context().run, job, n) for n in range(3)]
        for future in futures:
            future.result()

    assert sorted(c.provider for c in calls) == ["panel-0", "panel-1", "panel-2"]


def test_a_timed_call_takes_its_outcome_from_the_error_it_raises():
    before = _count("test-timed", "refused")

    with (
        collect_calls() as calls,
        pytest.raises(ProviderContentRefused),
        timed_call(provider="test-timed", kind="image", model="core") as call,
    ):
        call.status = 403
        raise ProviderContentRefused("flagged", provider="test-timed")

    (call,) = calls
    assert (call.outcome, call.status, call.error) == ("refused", 403, "flagged")
    assert call.latency_seconds >= 0
    assert _count("test-timed", "refused") == before + 1


def test_a_call_serialises_for_the_task_row():
    call = ProviderCall(
        provider="openai", kind="llm", model="gpt-4o-mini", attempt=2, latency_seconds=1.2345, usage={"input_tokens": 3}
    )

    data = call.as_dict()

    assert (data["attempts"], data["latency_ms"], data["tokens_in"], data["tokens_out"]) == (2, 1234, 3, None)
    assert data["provider"] == "openai"
    assert data["usage"] == {"input_tokens": 3}
    assert isinstance(data["started_at"], str)
    assert sorted(data) == [
        "attempt",
        "attempts",
        "error",
        "kind",
        "latency_ms",
        "latency_seconds",
        "model",
        "outcome",
        "provider",
        "started_at",
        "status",
        "tokens_in",
        "tokens_out",
        "usage",
    ]


def test_a_registered_observer_sees_each_finished_call_once_however_often_it_is_registered():
    seen = []
    calls_module.call_observer_register(seen.append)
    calls_module.call_observer_register(seen.append)
    try:
        record_call(ProviderCall(provider="test-observer", kind="llm", model="m"))
    finally:
        calls_module._observers.remove(seen.append)

    assert [(c.provider, c.kind) for c in seen] == [("test-observer", "llm")]
