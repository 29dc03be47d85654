"""The OpenAI planner against a local server speaking the chat completions wire format (SDK by base_url)."""

from __future__ import annotations

import json
import traceback

import pytest

from sketchdojo.engine.providers.base import (
    ProviderAuthError,
    ProviderContentRefused,
    ProviderMalformedOutput,
    ProviderTransientError,
)
from sketchdojo.engine.providers.calls import collect_calls
from sketchdojo.engine.providers.openai_llm import OpenAIPlanner
from sketchdojo.engine.providers.prompts import SCRIPT_SCHEMA_NAME, script_json_schema
from sketchdojo.engine.providers.tests.samples import openai_error, quick_options, script_payload
from sketchdojo.engine.providers.tests.wire import Reply

KEY = "sk-test-secret-key"


def completion(content: str | None, *, finish_reason: str = "stop", refusal: str | None = None) -> Reply:
    return Reply(
        200,
        {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 1700000000,
            "model": "gpt-4o-mini",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": refusal},
                    "finish_reason": finish_reason,
                }
            ],
            "usage": {"prompt_tokens": 812, "completion_tokens": 640, "total_tokens": 1452},
        },
    )


def planner(wire, delays, **overrides) -> OpenAIPlanner:
    options = {**quick_options(delays), "api_key": KEY, "base_url": f"{wire.url}/v1", "model": "gpt-4o-mini"}
    return OpenAIPlanner(**{**options, **overrides})


def test_a_script_comes_back_validated_from_a_strict_json_schema_request(wire, delays, plan_request):
    wire.reply(completion(json.dumps(script_payload(3))))

    with collect_calls() as calls:
        script = planner(wire, delays).plan(plan_request)

    assert script.title == "The Lantern Thief"
    assert [p.sequence for p in script.panels] == [1, 2, 3]
    (sent,) = wire.received
    assert sent.method == "POST"
    assert sent.path == "/v1/chat/completions"
    assert sent.headers["authorization"] == f"Bearer {KEY}"
    body = sent.json()
    assert body["model"] == "gpt-4o-mini"
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": SCRIPT_SCHEMA_NAME, "schema": script_json_schema(strict=True), "strict": True},
    }
    system, user = body["messages"]
    assert system["role"] == "system"
    assert "Mina (protagonist): A wiry teenage courier with a red scarf" in user["content"]
    assert "Number of panels: exactly 3." in user["content"]
    assert "- shot: extreme_wide, wide, medium, close_up, extreme_close_up" in user["content"]
    assert [(c.provider, c.kind, c.model, c.outcome, c.status) for c in calls] == [
        ("openai", "llm", "gpt-4o-mini", "ok", 200)
    ]
    assert calls[0].usage == {"input_tokens": 812, "output_tokens": 640}


def test_the_strict_schema_requires_every_property_and_forbids_extra_ones():
    schema = script_json_schema(strict=True)

    panel = schema["$defs"]["PanelScript"]
    assert panel["additionalProperties"] is False
    assert sorted(panel["required"]) == sorted(panel["properties"])
    assert "default" not in json.dumps(schema)
    assert panel["properties"]["shot"] == {"$ref": "#/$defs/Shot"}


def test_a_429_is_retried_after_the_seconds_the_server_asked_for(wire, delays, plan_request):
    wire.reply(openai_error(429, "Rate limit reached", code="rate_limit_exceeded", **{"Retry-After": "1"}))
    wire.reply(completion(json.dumps(script_payload(3))))

    with collect_calls() as calls:
        script = planner(wire, delays).plan(plan_request)

    assert len(script.panels) == 3
    assert delays == [1.0]
    assert [(c.attempt, c.outcome, c.status) for c in calls] == [(1, "transient", 429), (2, "ok", 200)]


def test_500s_until_the_retries_run_out_fail_as_transient(wire, delays, plan_request):
    wire.reply(*[openai_error(500, "The server had an error") for _ in range(3)])

    with pytest.raises(ProviderTransientError) as raised:
        planner(wire, delays, max_retries=2).plan(plan_request)

    assert raised.value.provider == "openai"
    assert raised.value.status == 500
    assert "gave up after 3 attempts" in str(raised.value)
    assert len(wire.received) == 3
    assert len(delays) == 2
    assert all(0 <= d <= 0.002 for d in delays)


def test_a_server_slower_than_the_timeout_is_a_transient_failure(wire, delays, plan_request):
    wire.reply(Reply(200, {}, delay=1.0))

    with pytest.raises(ProviderTransientError) as raised:
        planner(wire, delays, timeout=0.2, max_retries=0).plan(plan_request)

    assert "did not answer within 0.2 s" in str(raised.value)
    assert len(wire.received) == 1


def test_malformed_json_is_sent_back_once_with_the_problem_and_the_repair_is_used(wire, delays, plan_request):
    wire.reply(completion('{"title": "broken'), completion(json.dumps(script_payload(3))))

    with collect_calls() as calls:
        script = planner(wire, delays).plan(plan_request)

    assert len(script.panels) == 3
    assert [c.outcome for c in calls] == ["malformed", "ok"]
    retry = wire.received[1].json()["messages"]
    assert retry[2] == {"role": "assistant", "content": '{"title": "broken'}
    assert retry[3]["role"] == "user"
    assert retry[3]["content"].startswith("That script was rejected: the answer is not valid JSON")
    assert delays == []


def test_a_wrong_panel_count_twice_fails_as_malformed_output(wire, delays, plan_request):
    wire.reply(completion(json.dumps(script_payload(2))), completion(json.dumps(script_payload(4))))

    with pytest.raises(ProviderMalformedOutput) as raised:
        planner(wire, delays).plan(plan_request)

    assert str(raised.value) == (
        "OpenAI (gpt-4o-mini) did not return a valid script after a repair attempt: "
        "it has 4 panels, exactly 3 were asked for"
    )
    assert raised.value.provider == "openai"
    assert len(wire.received) == 2


def test_a_refusal_fails_with_its_reason_and_is_not_retried(wire, delays, plan_request):
    wire.reply(completion(None, refusal="I can't help with that request."))

    with pytest.raises(ProviderContentRefused) as raised:
        planner(wire, delays).plan(plan_request)

    assert str(raised.value) == "OpenAI refused to write this story: I can't help with that request."
    assert len(wire.received) == 1


def test_a_rejected_key_fails_at_once_without_retry_or_the_key_in_the_message(wire, delays, plan_request):
    wire.reply(openai_error(401, f"Incorrect API key provided: {KEY}.", code="invalid_api_key"))

    with pytest.raises(ProviderAuthError) as raised:
        planner(wire, delays).plan(plan_request)

    assert str(raised.value) == "The OpenAI key was rejected (HTTP 401); check OPENAI_API_KEY."
    assert KEY not in "".join(traceback.format_exception(raised.value))
    assert len(wire.received) == 1
    assert delays == []


def test_a_server_without_json_schema_support_gets_json_mode_with_the_schema_in_the_instructions(
    wire, delays, plan_request
):
    wire.reply(
        openai_error(400, "response_format json_schema is not supported by this model", param="response_format"),
        completion(json.dumps(script_payload(3))),
    )
    provider = planner(wire, delays)

    script = provider.plan(plan_request)

    assert len(script.panels) == 3
    fallback = wire.received[1].json()
    assert fallback["response_format"] == {"type": "json_object"}
    assert "matching this JSON schema" in fallback["messages"][0]["content"]
    assert provider.uses_json_schema is False
    assert planner(wire, delays).uses_json_schema is False  # the next planner for this server skips the 400


def test_a_local_server_needs_no_key(wire, delays, plan_request):
    wire.reply(completion(json.dumps(script_payload(3))))

    planner(wire, delays, api_key="").plan(plan_request)

    assert wire.received[0].headers["authorization"] == "Bearer not-needed"


def test_no_key_and_no_local_server_is_a_clear_configuration_error(plan_request):
    provider = OpenAIPlanner(api_key="", base_url="", redis_url="")

    with pytest.raises(ProviderAuthError, match="set OPENAI_API_KEY"):
        provider.plan(plan_request)


def test_a_content_filtered_answer_is_a_refusal(wire, delays, plan_request):
    wire.reply(completion("", finish_reason="content_filter"))

    with pytest.raises(ProviderContentRefused, match="content filtered"):
        planner(wire, delays).plan(plan_request)


def test_an_answer_cut_off_at_the_token_limit_is_repaired_with_a_request_for_brevity(wire, delays, plan_request):
    wire.reply(completion('{"title": "Long', finish_reason="length"), completion(json.dumps(script_payload(3))))

    script = planner(wire, delays).plan(plan_request)

    assert len(script.panels) == 3
    assert "cut off at the model's output limit" in wire.received[1].json()["messages"][3]["content"]
