"""The Anthropic planner against a local server speaking the Messages API wire format (tool use)."""

from __future__ import annotations

import pytest

from sketchdojo.engine.providers.anthropic_llm import ANTHROPIC_VERSION, AnthropicPlanner
from sketchdojo.engine.providers.base import (
    ProviderAuthError,
    ProviderContentRefused,
    ProviderMalformedOutput,
    ProviderTransientError,
)
from sketchdojo.engine.providers.calls import collect_calls
from sketchdojo.engine.providers.prompts import SCRIPT_TOOL_NAME, script_json_schema
from sketchdojo.engine.providers.tests.samples import quick_options, script_payload
from sketchdojo.engine.providers.tests.wire import Reply

KEY = "sk-ant-test-secret"


def message(script: dict | None, *, stop_reason: str = "tool_use", text: str = "", tool_id: str = "toolu_01") -> Reply:
    content = [{"type": "text", "text": text}] if text else []
    if script is not None:
        content.append({"type": "tool_use", "id": tool_id, "name": SCRIPT_TOOL_NAME, "input": script})
    return Reply(
        200,
        {
            "id": "msg_01",
            "type": "message",
            "role": "assistant",
            "model": "claude-sonnet-4-5",
            "content": content,
            "stop_reason": stop_reason,
            "stop_sequence": None,
            "usage": {"input_tokens": 1500, "output_tokens": 900},
        },
    )


def api_error(status: int, error_type: str, text: str, **headers) -> Reply:
    return Reply(status, {"type": "error", "error": {"type": error_type, "message": text}}, headers=headers)


def planner(wire, delays, **overrides) -> AnthropicPlanner:
    options = {**quick_options(delays), "api_key": KEY, "base_url": wire.url, "model": "claude-sonnet-4-5"}
    return AnthropicPlanner(**{**options, **overrides})


def test_a_script_comes_back_from_the_forced_tool_call(wire, delays, plan_request):
    wire.reply(message(script_payload(3)))

    with collect_calls() as calls:
        script = planner(wire, delays).plan(plan_request)

    assert script.title == "The Lantern Thief"
    assert len(script.panels) == 3
    (sent,) = wire.received
    assert sent.path == "/v1/messages"
    assert sent.headers["x-api-key"] == KEY
    assert sent.headers["anthropic-version"] == ANTHROPIC_VERSION
    assert "authorization" not in sent.headers
    body = sent.json()
    assert body["model"] == "claude-sonnet-4-5"
    assert body["max_tokens"] == 16000
    assert body["tool_choice"] == {"type": "tool", "name": SCRIPT_TOOL_NAME}
    assert [t["name"] for t in body["tools"]] == [SCRIPT_TOOL_NAME]
    assert body["tools"][0]["input_schema"] == script_json_schema(strict=False)
    assert "Mina (protagonist): A wiry teenage courier with a red scarf" in body["messages"][0]["content"]
    assert "Number of panels: exactly 3." in body["messages"][0]["content"]
    assert [(c.provider, c.model, c.outcome, c.usage) for c in calls] == [
        ("anthropic", "claude-sonnet-4-5", "ok", {"input_tokens": 1500, "output_tokens": 900})
    ]


def test_a_429_is_retried_after_the_seconds_the_server_asked_for(wire, delays, plan_request):
    wire.reply(
        api_error(429, "rate_limit_error", "Number of requests has exceeded your rate limit", **{"retry-after": "2"})
    )
    wire.reply(message(script_payload(3)))

    script = planner(wire, delays).plan(plan_request)

    assert len(script.panels) == 3
    assert delays == [2.0]
    assert len(wire.received) == 2


def test_overloaded_529s_until_the_retries_run_out_fail_as_transient(wire, delays, plan_request):
    wire.reply(*[api_error(529, "overloaded_error", "Overloaded") for _ in range(3)])

    with pytest.raises(ProviderTransientError) as raised:
        planner(wire, delays).plan(plan_request)

    assert str(raised.value) == (
        "Anthropic is busy or unavailable (HTTP 529): overloaded_error: Overloaded (gave up after 3 attempts)"
    )
    assert raised.value.provider == "anthropic"
    assert len(wire.received) == 3


def test_500s_until_the_retries_run_out_fail_as_transient(wire, delays, plan_request):
    wire.reply(*[api_error(500, "api_error", "Internal server error") for _ in range(2)])

    with pytest.raises(ProviderTransientError):
        planner(wire, delays, max_retries=1).plan(plan_request)

    assert len(wire.received) == 2
    assert len(delays) == 1


def test_a_server_slower_than_the_timeout_is_a_transient_failure(wire, delays, plan_request):
    wire.reply(Reply(200, {}, delay=1.0))

    with pytest.raises(ProviderTransientError, match=r"Anthropic did not answer within 0\.2 s"):
        planner(wire, delays, timeout=0.2, max_retries=0).plan(plan_request)

    assert len(wire.received) == 1


def test_an_invalid_script_goes_back_as_an_error_tool_result_and_the_repair_is_used(wire, delays, plan_request):
    broken = script_payload(3)
    broken["panels"][1]["characters"][0]["name"] = "Stranger"
    wire.reply(message(broken, tool_id="toolu_bad"), message(script_payload(3)))

    with collect_calls() as calls:
        script = planner(wire, delays).plan(plan_request)

    assert len(script.panels) == 3
    assert [c.outcome for c in calls] == ["malformed", "ok"]
    retry = wire.received[1].json()["messages"]
    assert retry[1]["role"] == "assistant"
    assert retry[1]["content"][0]["id"] == "toolu_bad"
    (result,) = retry[2]["content"]
    assert result["type"] == "tool_result"
    assert result["tool_use_id"] == "toolu_bad"
    assert result["is_error"] is True
    assert "panel 2 has unknown character 'Stranger'" in result["content"]


def test_an_answer_without_the_tool_call_twice_fails_as_malformed_output(wire, delays, plan_request):
    wire.reply(message(None, stop_reason="end_turn", text="Here is a story..."))
    wire.reply(message(None, stop_reason="end_turn", text="Once upon a time..."))

    with pytest.raises(ProviderMalformedOutput) as raised:
        planner(wire, delays).plan(plan_request)

    assert str(raised.value) == (
        "Anthropic (claude-sonnet-4-5) did not return a valid script after a repair attempt: "
        "the answer did not call the submit_script tool"
    )
    assert wire.received[1].json()["messages"][2]["content"].startswith("That script was rejected")


def test_a_refusal_fails_with_its_reason_and_is_not_retried(wire, delays, plan_request):
    wire.reply(message(None, stop_reason="refusal", text="I can't write this story."))

    with pytest.raises(ProviderContentRefused) as raised:
        planner(wire, delays).plan(plan_request)

    assert str(raised.value) == "Anthropic refused to write this story: I can't write this story."
    assert len(wire.received) == 1


def test_a_rejected_key_fails_at_once_without_retry(wire, delays, plan_request):
    wire.reply(api_error(401, "authentication_error", "invalid x-api-key"))

    with pytest.raises(ProviderAuthError) as raised:
        planner(wire, delays).plan(plan_request)

    assert str(raised.value) == "The Anthropic key was rejected (HTTP 401); check ANTHROPIC_API_KEY."
    assert len(wire.received) == 1
    assert delays == []


def test_no_key_is_a_clear_configuration_error(wire, delays, plan_request):
    with pytest.raises(ProviderAuthError, match="set ANTHROPIC_API_KEY"):
        planner(wire, delays, api_key="").plan(plan_request)

    assert wire.received == []
