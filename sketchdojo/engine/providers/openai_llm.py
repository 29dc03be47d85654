"""The OpenAI story planner: chat completions with structured output, through the official SDK.

`OPENAI_BASE_URL` points it at any OpenAI-compatible server (Ollama, vLLM, LM Studio), where the key
may be empty. The script is asked for as structured output against the Script schema
(`response_format: json_schema`, strict); a server that rejects that with a 400 gets JSON mode
(`json_object`) with the schema spelled out in the instructions, remembered for that server and
model for the life of the process.

Strict mode choice: OpenAI's strict structured output needs every property required and
`additionalProperties: false`, and rejects `default`/`maxLength`. We send a strict variant of the
Script schema (`prompts.script_json_schema(strict=True)`): the model spells out every field, and the
answer is still validated by `Script.model_validate` plus the panel count. A malformed answer is sent
back once with the validation problem; a second one raises `ProviderMalformedOutput`.
"""

from __future__ import annotations

import json
from typing import Any, Unpack

import openai

from sketchdojo.engine.providers import openai_errors
from sketchdojo.engine.providers.base import (
    LLMProvider,
    PlanRequest,
    ProviderAuthError,
    ProviderContentRefused,
    ProviderError,
    ProviderMalformedOutput,
)
from sketchdojo.engine.providers.calls import ProviderCall
from sketchdojo.engine.providers.client import ClientOptions, ProviderClient
from sketchdojo.engine.providers.http import setting
from sketchdojo.engine.providers.openai_errors import LOCAL_SERVER_KEY
from sketchdojo.engine.providers.prompts import (
    PLANNER_SYSTEM_PROMPT,
    SCRIPT_SCHEMA_NAME,
    MalformedAnswer,
    parse_script,
    plan_with_one_repair,
    planner_schema_prompt,
    repair_prompt,
    script_json_schema,
)
from sketchdojo.engine.providers.translation import (
    TRANSLATION_SCHEMA_NAME,
    TRANSLATION_SYSTEM_PROMPT,
    TranslationRequest,
    parse_translation,
    translate_with_one_repair,
    translation_json_schema,
    translation_repair_prompt,
    translation_schema_prompt,
)
from sketchdojo.engine.script import Script

__all__ = ["LOCAL_SERVER_KEY", "OpenAIPlanner"]

# (base URL, model) pairs that answered 400 to json_schema: this process asks them in JSON mode.
_JSON_MODE_ONLY: set[tuple[str, str]] = set()


class _StructuredOutputUnsupported(ProviderError):
    """The server answered 400 to `response_format: json_schema`: switch to JSON mode."""


class OpenAIPlanner(ProviderClient, LLMProvider):
    """Plans a script with an OpenAI (or OpenAI-compatible) chat model."""

    name = openai_errors.PROVIDER
    label = openai_errors.LABEL
    kind = "llm"
    key_setting = openai_errors.KEY_SETTING

    def __init__(
        self,
        *,
        base_url: str | None = None,
        model: str | None = None,
        **options: Unpack[ClientOptions],
    ):
        super().__init__(model=model or setting("OPENAI_MODEL", "gpt-4o-mini"), **options)
        self.base_url = openai_errors.base_url_setting(base_url)
        self.uses_json_schema = (self.base_url, self.model) not in _JSON_MODE_ONLY
        self.client = openai_errors.sdk_client(api_key=self.api_key, base_url=self.base_url, timeout=self.timeout)

    def plan(self, request: PlanRequest) -> Script:
        if not self.api_key and not self.base_url:
            raise ProviderAuthError(
                "No OpenAI key is configured: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server).",
                provider=self.name,
            )
        return plan_with_one_repair(
            request,
            ask=lambda messages: self._ask(messages, request),
            repair_turn=_repair_turn,
            provider=self.name,
            label=self.label,
            model=self.model,
        )

    def _ask(self, messages: list[dict[str, Any]], request: PlanRequest) -> Script:
        try:
            return self.call(lambda call: self._complete(call, messages, request))
        except _StructuredOutputUnsupported:
            self.uses_json_schema = False
            _JSON_MODE_ONLY.add((self.base_url, self.model))
            return self.call(lambda call: self._complete(call, messages, request))

    def _response_format(self) -> dict[str, Any]:
        if self.uses_json_schema:
            return {
                "type": "json_schema",
                "json_schema": {"name": SCRIPT_SCHEMA_NAME, "schema": script_json_schema(strict=True), "strict": True},
            }
        return {"type": "json_object"}

    def _complete(self, call: ProviderCall, messages: list[dict[str, Any]], request: PlanRequest) -> Script:
        system = PLANNER_SYSTEM_PROMPT
        if not self.uses_json_schema:
            system += "\n\n" + planner_schema_prompt()
        content = self._chat(call, messages, system=system, response_format=self._response_format(), what="story")
        try:
            return parse_script(content, request, provider=self.name)
        except ProviderMalformedOutput as exc:
            raise MalformedAnswer(str(exc), provider=self.name, reply=content) from exc

    def translate(self, request: TranslationRequest) -> dict[str, str]:
        if not self.api_key and not self.base_url:
            raise ProviderAuthError(
                "No OpenAI key is configured: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server).",
                provider=self.name,
            )
        return translate_with_one_repair(
            request,
            ask=lambda messages: self._ask_translation(messages, request),
            repair_turn=_translation_repair_turn,
            provider=self.name,
            label=self.label,
            model=self.model,
        )

    def _ask_translation(self, messages: list[dict[str, Any]], request: TranslationRequest) -> dict[str, str]:
        try:
            return self.call(lambda call: self._complete_translation(call, messages, request))
        except _StructuredOutputUnsupported:
            self.uses_json_schema = False
            _JSON_MODE_ONLY.add((self.base_url, self.model))
            return self.call(lambda call: self._complete_translation(call, messages, request))

    def _complete_translation(
        self, call: ProviderCall, messages: list[dict[str, Any]], request: TranslationRequest
    ) -> dict[str, str]:
        system = TRANSLATION_SYSTEM_PROMPT
        response_format: dict[str, Any] = {"type": "json_object"}
        if self.uses_json_schema:
            response_format = {
                "type": "json_schema",
                "json_schema": {"name": TRANSLATION_SCHEMA_NAME, "schema": translation_json_schema(), "strict": True},
            }
        else:
            system += "\n\n" + translation_schema_prompt()
        content = self._chat(call, messages, system=system, response_format=response_format, what="translation")
        return parse_translation(content, request, provider=self.name)

    def _chat(
        self, call: ProviderCall, messages: list[dict[str, Any]], *, system: str, response_format: dict, what: str
    ) -> str:
        """One chat completion; the answer's text, or the provider error that says what went wrong."""
        try:
            completion = self.client.chat.completions.create(
                model=self.model,
                messages=[{"role": "system", "content": system}, *messages],
                response_format=response_format,
            )
        except openai.BadRequestError as exc:
            if self.uses_json_schema and _rejects_json_schema(exc):
                raise _StructuredOutputUnsupported(
                    f"{self.label} does not support json_schema output", provider=self.name, status=400
                ) from exc
            raise openai_errors.translate(
                exc, api_key=self.api_key, timeout=self.timeout
            ) from openai_errors.safe_cause(exc)
        except openai.OpenAIError as exc:
            raise openai_errors.translate(
                exc, api_key=self.api_key, timeout=self.timeout
            ) from openai_errors.safe_cause(exc)
        except ValueError as exc:  # the SDK's JSONDecodeError: the HTTP body itself was not JSON
            raise MalformedAnswer(
                "the response body was not valid JSON (truncated or not JSON at all)",
                provider=self.name,
                reply="(unreadable answer)",
            ) from exc
        call.status = 200
        if not hasattr(completion, "choices"):  # a 200 that is not a chat completion (e.g. text/plain)
            raise MalformedAnswer(
                "the response was not a chat completion object", provider=self.name, reply="(unreadable answer)"
            )
        if completion.usage is not None:
            call.usage = {
                "input_tokens": completion.usage.prompt_tokens,
                "output_tokens": completion.usage.completion_tokens,
            }
        if not completion.choices:
            raise ProviderMalformedOutput(f"{self.label} returned no choices.", provider=self.name)
        choice = completion.choices[0]
        refusal = getattr(choice.message, "refusal", None)
        if refusal or choice.finish_reason == "content_filter":
            raise ProviderContentRefused(
                f"{self.label} refused to write this {what}: {refusal or 'content filtered'}", provider=self.name
            )
        content = choice.message.content or ""
        if choice.finish_reason == "length":
            raise MalformedAnswer(
                "the answer was cut off at the model's output limit; write shorter descriptions and dialogue",
                provider=self.name,
                reply=content,
            )
        return content


def _repair_turn(error: MalformedAnswer, panel_count: int) -> list[dict[str, Any]]:
    """The assistant's reply as it came, and what was wrong with it."""
    return [
        {"role": "assistant", "content": error.reply},
        {"role": "user", "content": repair_prompt(str(error), panel_count)},
    ]


def _translation_repair_turn(error: MalformedAnswer) -> list[dict[str, Any]]:
    return [
        {"role": "assistant", "content": error.reply if isinstance(error.reply, str) else json.dumps(error.reply)},
        {"role": "user", "content": translation_repair_prompt(str(error))},
    ]


def _rejects_json_schema(exc: openai.BadRequestError) -> bool:
    text = f"{exc.param or ''} {openai_errors.error_message(exc, '')}".lower()
    return "response_format" in text or "json_schema" in text
