"""Episode recaps by the LLM providers (the series memory): one structured call, one repair round,
against local servers speaking the OpenAI chat completions and Anthropic Messages wire formats."""

from __future__ import annotations

import json

import pytest

from sketchdojo.engine.providers.anthropic_llm import RECAP_TOOL_NAME
from sketchdojo.engine.providers.base import ProviderMalformedOutput
from sketchdojo.engine.providers.prompts import RECAP_SCHEMA_NAME, recap_json_schema
from sketchdojo.engine.providers.tests.samples import script_payload
from sketchdojo.engine.providers.tests.test_anthropic_llm import planner as anthropic_planner
from sketchdojo.engine.providers.tests.test_openai_llm import completion
from sketchdojo.engine.providers.tests.test_openai_llm import planner as openai_planner
from sketchdojo.engine.providers.tests.wire import Reply
from sketchdojo.engine.script import Script
from sketchdojo.engine.series import CharacterState, EpisodeSummary, RecapRequest, StoryMemory

RECAP = {
    "summary": "Mina chases the lantern thief across the night market and loses him at the river.",
    "characters": [
        {
            "name": "Mina",
            "location": "the river bank",
            "knows": ["the thief works for the harbour guild"],
            "relationships": [{"name": "Jun", "relationship": "owes her a lantern"}],
        }
    ],
}


@pytest.fixture
def recap_request() -> RecapRequest:
    memory = StoryMemory(
        episodes=[EpisodeSummary(episode_number=1, title="Night Market", summary="Mina starts as a courier.")],
        characters=[CharacterState(name="Mina", location="the market")],
    )
    return RecapRequest(script=Script.model_validate(script_payload(3)), episode_number=2, memory=memory)


def anthropic_message(answer: dict | None, *, tool_id: str = "toolu_01") -> Reply:
    content = [] if answer is None else [{"type": "tool_use", "id": tool_id, "name": RECAP_TOOL_NAME, "input": answer}]
    return Reply(
        200,
        {
            "id": "msg_01",
            "type": "message",
            "role": "assistant",
            "model": "claude-sonnet-4-5",
            "content": content or [{"type": "text", "text": "A summary in prose."}],
            "stop_reason": "tool_use" if answer is not None else "end_turn",
            "stop_sequence": None,
            "usage": {"input_tokens": 900, "output_tokens": 120},
        },
    )


def test_openai_writes_the_recap_as_strict_structured_output(wire, delays, recap_request):
    wire.reply(completion(json.dumps(RECAP)))

    recap = openai_planner(wire, delays).recap(recap_request)

    assert recap.summary == RECAP["summary"]
    (mina,) = recap.characters
    assert (mina.location, mina.knows, mina.relationships) == (
        "the river bank",
        ["the thief works for the harbour guild"],
        {"Jun": "owes her a lantern"},
    )
    (sent,) = wire.received
    body = sent.json()
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": RECAP_SCHEMA_NAME, "schema": recap_json_schema(strict=True), "strict": True},
    }
    system, user = body["messages"]
    assert system["content"].startswith("You keep the story memory of a webtoon series.")
    assert user["content"].startswith("Episode 2 has just finished.")
    assert "- Episode 1: Mina starts as a courier." in user["content"]
    assert '"title":"The Lantern Thief"' in user["content"]


def test_openai_sends_a_malformed_recap_back_once_and_uses_the_repair(wire, delays, recap_request):
    wire.reply(completion(json.dumps({"summary": "Only a summary."})), completion(json.dumps(RECAP)))

    recap = openai_planner(wire, delays).recap(recap_request)

    assert recap.summary == RECAP["summary"]
    retry = wire.received[1].json()["messages"]
    assert retry[2] == {"role": "assistant", "content": json.dumps({"summary": "Only a summary."})}
    assert retry[3]["content"].startswith("That recap was rejected: characters: Field required")


def test_openai_fails_after_two_malformed_recaps(wire, delays, recap_request):
    wire.reply(completion("not json"), completion("still not json"))

    with pytest.raises(ProviderMalformedOutput) as raised:
        openai_planner(wire, delays).recap(recap_request)

    assert str(raised.value).startswith(
        "OpenAI (gpt-4o-mini) did not return a valid episode recap after a repair attempt: the answer is not valid JSON"
    )


def test_anthropic_writes_the_recap_through_a_forced_tool_call(wire, delays, recap_request):
    wire.reply(anthropic_message(RECAP))

    recap = anthropic_planner(wire, delays).recap(recap_request)

    assert recap.characters[0].relationships == {"Jun": "owes her a lantern"}
    body = wire.received[0].json()
    assert body["tool_choice"] == {"type": "tool", "name": RECAP_TOOL_NAME}
    assert [tool["name"] for tool in body["tools"]] == [RECAP_TOOL_NAME]
    assert body["tools"][0]["input_schema"] == recap_json_schema(strict=False)


def test_anthropic_repairs_once_then_gives_up(wire, delays, recap_request):
    wire.reply(anthropic_message({"summary": ""}, tool_id="toolu_bad"), anthropic_message(None))

    with pytest.raises(ProviderMalformedOutput) as raised:
        anthropic_planner(wire, delays).recap(recap_request)

    assert str(raised.value) == (
        "Anthropic (claude-sonnet-4-5) did not return a valid episode recap after a repair attempt: "
        "the answer did not call the submit_recap tool"
    )
    (result,) = wire.received[1].json()["messages"][2]["content"]
    assert result["tool_use_id"] == "toolu_bad"
    assert result["content"].startswith("That recap was rejected:")
