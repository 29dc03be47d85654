"""Translating bubbles with the LLM providers, against local servers speaking their wire formats."""

from __future__ import annotations

import json

import pytest

from sketchdojo.engine.planner import LocalStoryPlanner
from sketchdojo.engine.providers.anthropic_llm import AnthropicPlanner
from sketchdojo.engine.providers.base import ProviderMalformedOutput, TranslationUnsupported
from sketchdojo.engine.providers.openai_llm import OpenAIPlanner
from sketchdojo.engine.providers.tests.samples import quick_options
from sketchdojo.engine.providers.tests.test_openai_llm import completion
from sketchdojo.engine.providers.tests.wire import Reply
from sketchdojo.engine.providers.translation import (
    TRANSLATION_SCHEMA_NAME,
    TRANSLATION_TOOL_NAME,
    TranslationLine,
    TranslationRequest,
    parse_translation,
    translation_json_schema,
)

REQUEST = TranslationRequest(
    source_language="en",
    target_language="es",
    title="Storm Village",
    lines=(
        TranslationLine(id="p1:0", text="The storm is coming!", speaker="Alex", style="shout"),
        TranslationLine(id="p2:0", text="That night, the village slept.", style="narration"),
    ),
)
SPANISH = {
    "translations": [
        {"id": "p1:0", "text": "¡Se acerca la tormenta!"},
        {"id": "p2:0", "text": "Esa noche, la aldea dormía."},
    ]
}


def openai_translator(wire, delays) -> OpenAIPlanner:
    return OpenAIPlanner(**quick_options(delays), api_key="sk-test", base_url=f"{wire.url}/v1", model="gpt-4o-mini")


def test_openai_translates_in_one_strict_structured_call(wire, delays):
    wire.reply(completion(json.dumps(SPANISH, ensure_ascii=False)))

    texts = openai_translator(wire, delays).translate(REQUEST)

    assert texts == {"p1:0": "¡Se acerca la tormenta!", "p2:0": "Esa noche, la aldea dormía."}
    (sent,) = wire.received
    body = sent.json()
    assert sent.path == "/v1/chat/completions"
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": TRANSLATION_SCHEMA_NAME, "schema": translation_json_schema(), "strict": True},
    }
    prompt = body["messages"][-1]["content"]
    assert "from en into es" in prompt
    assert '"text": "The storm is coming!"' in prompt
    assert '"speaker": "Alex"' in prompt


def test_openai_gets_one_repair_round_naming_the_missing_id(wire, delays):
    wire.reply(completion(json.dumps({"translations": [SPANISH["translations"][0]]})))
    wire.reply(completion(json.dumps(SPANISH)))

    texts = openai_translator(wire, delays).translate(REQUEST)

    assert texts["p2:0"] == "Esa noche, la aldea dormía."
    _first, second = wire.received
    repair = second.json()["messages"]
    assert repair[-2]["role"] == "assistant"
    assert "missing ids: p2:0" in repair[-1]["content"]


def test_openai_second_malformed_answer_fails_clearly(wire, delays):
    wire.reply(completion("not json"))
    wire.reply(completion(json.dumps({"translations": [{"id": "zzz", "text": "?"}]})))

    with pytest.raises(ProviderMalformedOutput, match="did not return a valid translation after a repair attempt"):
        openai_translator(wire, delays).translate(REQUEST)
    assert len(wire.received) == 2


def test_anthropic_translates_through_the_forced_tool(wire, delays):
    wire.reply(
        Reply(
            200,
            {
                "id": "msg_01",
                "type": "message",
                "role": "assistant",
                "model": "claude-sonnet-4-5",
                "content": [{"type": "tool_use", "id": "toolu_1", "name": TRANSLATION_TOOL_NAME, "input": SPANISH}],
                "stop_reason": "tool_use",
                "usage": {"input_tokens": 300, "output_tokens": 80},
            },
        )
    )
    translator = AnthropicPlanner(
        **quick_options(delays), api_key="sk-ant", base_url=wire.url, model="claude-sonnet-4-5"
    )

    assert translator.translate(REQUEST)["p1:0"] == "¡Se acerca la tormenta!"
    (sent,) = wire.received
    assert sent.json()["tool_choice"] == {"type": "tool", "name": TRANSLATION_TOOL_NAME}


def test_the_offline_planner_cannot_translate():
    with pytest.raises(TranslationUnsupported):
        LocalStoryPlanner().translate(REQUEST)


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        ({"translations": [*SPANISH["translations"], SPANISH["translations"][0]]}, "id 'p1:0' appears twice"),
        ({"translations": [{"id": "p1:0", "text": " "}, SPANISH["translations"][1]]}, "the text of 'p1:0' is empty"),
        ({"nope": []}, 'no "translations" list'),
        ("```json\n" + json.dumps(SPANISH) + "\n```", None),
    ],
)
def test_answers_are_checked_against_the_request(answer, problem):
    if problem is None:
        assert len(parse_translation(answer, REQUEST, provider="openai")) == 2
        return
    with pytest.raises(ProviderMalformedOutput, match=problem.replace("(", r"\(")):
        parse_translation(answer, REQUEST, provider="openai")
