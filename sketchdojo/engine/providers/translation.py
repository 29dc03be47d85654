"""Translating a webtoon's bubbles with an LLM: one structured call per webtoon, one repair round.

The request lists every bubble as `{id, speaker, style, text}` (ids are the caller's, e.g.
"<panel id>:<bubble index>"); the model answers `{"translations": [{"id", "text"}, ...]}` with every
id exactly once. A malformed answer (not JSON, an id missing, unknown or repeated, an empty text)
goes back once with what was wrong; a second one raises `ProviderMalformedOutput`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sketchdojo.engine.providers.base import ProviderMalformedOutput
from sketchdojo.engine.providers.prompts import MalformedAnswer, StructuredAsk, decode_answer

TRANSLATION_SCHEMA_NAME = "webtoon_translation"
TRANSLATION_TOOL_NAME = "submit_translation"
MAX_TRANSLATED_TEXT = 1000

TRANSLATION_SYSTEM_PROMPT = (
    "You are a professional comics translator and letterer. You translate the speech bubbles, "
    "thoughts and captions of a webtoon into the target language: natural, idiomatic dialogue a "
    "native reader would expect in a comic, true to each speaker's voice, tone and register, about as "
    "short as the original so it still fits its balloon. Keep character names as they are (transliterate "
    "them only for a language written in another script when that is the custom). Never add notes, "
    "explanations or quotation marks that are not in the original."
)


@dataclass(frozen=True)
class TranslationLine:
    """One bubble to translate; `id` is echoed back with its translation."""

    id: str
    text: str
    speaker: str | None = None
    style: str = "normal"


@dataclass(frozen=True)
class TranslationRequest:
    source_language: str
    target_language: str
    lines: tuple[TranslationLine, ...]
    title: str = ""
    synopsis: str = ""


def translation_user_prompt(request: TranslationRequest) -> str:
    lines = [
        {"id": line.id, "speaker": line.speaker or "(narration)", "style": line.style, "text": line.text}
        for line in request.lines
    ]
    parts = [
        f"Translate this webtoon's bubbles from {request.source_language} into {request.target_language} "
        "(BCP 47 tags).",
    ]
    if request.title:
        parts.append(f"Title: {request.title}")
    if request.synopsis:
        parts.append(f"Synopsis: {request.synopsis}")
    parts.append(
        "The bubbles, in reading order:\n" + json.dumps(lines, ensure_ascii=False, indent=1) + "\n\n"
        'Answer {"translations": [{"id": ..., "text": ...}, ...]} with every id above exactly once.'
    )
    return "\n\n".join(parts)


def translation_schema_prompt() -> str:
    """For servers without structured output: the schema spelled out in the instructions."""
    schema = json.dumps(translation_json_schema(), separators=(",", ":"))
    return f"Answer with one JSON object only (no prose, no code fence) matching this JSON schema:\n{schema}"


def translation_json_schema() -> dict[str, Any]:
    """The answer's schema; strict as OpenAI's structured output wants it (every property required)."""
    return {
        "type": "object",
        "properties": {
            "translations": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"id": {"type": "string"}, "text": {"type": "string"}},
                    "required": ["id", "text"],
                    "additionalProperties": False,
                },
            }
        },
        "required": ["translations"],
        "additionalProperties": False,
    }


def translation_repair_prompt(problem: str) -> str:
    return (
        f"That translation was rejected: {problem}\n"
        "Send the whole corrected translation again, with every id exactly once and a non-empty text for each."
    )


def parse_translation(answer: str | dict[str, Any], request: TranslationRequest, *, provider: str) -> dict[str, str]:
    """The translations by id, checked against the request; `MalformedAnswer` says what is wrong."""
    try:
        data = decode_answer(answer, provider=provider)
    except ProviderMalformedOutput as exc:
        raise MalformedAnswer(str(exc), provider=provider, reply=answer) from exc
    items = data.get("translations")
    if not isinstance(items, list):
        raise MalformedAnswer('the answer has no "translations" list', provider=provider, reply=answer)
    wanted = [line.id for line in request.lines]
    found: dict[str, str] = {}
    seen: set[str] = set()
    problems: list[str] = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("text"), str):
            problems.append("every item must be an object with a string id and a string text")
            continue
        key, text = item["id"], item["text"].strip()
        if key in seen and key in wanted:
            problems.append(f"id {key!r} appears twice")
            continue
        seen.add(key)
        if key not in wanted:
            problems.append(f"unknown id {key!r}")
        elif not text:
            problems.append(f"the text of {key!r} is empty")
        elif len(text) > MAX_TRANSLATED_TEXT:
            problems.append(f"the text of {key!r} is longer than {MAX_TRANSLATED_TEXT} characters")
        else:
            found[key] = text
    missing = [key for key in wanted if key not in seen]
    if missing:
        problems.append("missing ids: " + ", ".join(missing))
    if problems:
        raise MalformedAnswer("; ".join(dict.fromkeys(problems)), provider=provider, reply=answer)
    return found


def translation_ask(request: TranslationRequest, *, provider: str) -> StructuredAsk:
    """The translation as a structured answer, asked like the script and the recap (one repair round)."""
    return StructuredAsk(
        name=TRANSLATION_SCHEMA_NAME,
        description="Submit the translated bubbles.",
        system=TRANSLATION_SYSTEM_PROMPT,
        schema=lambda strict: translation_json_schema(),
        parse=lambda answer: parse_translation(answer, request, provider=provider),
        json_mode_prompt=translation_schema_prompt,
        what="translation",
    )
