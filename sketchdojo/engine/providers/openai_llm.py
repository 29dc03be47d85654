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
    MalformedAnswer,
    StructuredAsk,
    ask_with_one_repair,
    plan_with_one_repair,
    recap_ask,
    recap_repair_prompt,
    recap_user_prompt,
    script_ask,
)
from sketchdojo.engine.providers.translation import (
    TranslationRequest,
    translation_ask,
    translation_repair_prompt,
    translation_user_prompt,
)
from sketchdojo.engine.script import Script
from sketchdojo.engine.series import EpisodeRecap, RecapRequest

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

    def _check_configured(self) -> None:
        if not self.api_key and not self.base_url:
            raise ProviderAuthError(
                "No OpenAI key is configured: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server).",
                provider=self.name,
            )

    def plan(self, request: PlanRequest) -> Script:
        self._check_configured()
        wanted = script_ask(request, provider=self.name)
        return plan_with_one_repair(
            request,
            ask=lambda messages: self._ask(messages, wanted),
            repair_turn=_repair_turn,
            provider=self.name,
            label=self.label,
            model=self.model,
        )

    def recap(self, request: RecapRequest) -> EpisodeRecap:
        """The episode's recap for the series memory: one structured call, one repair round."""
        self._check_configured()
        wanted = recap_ask(provider=self.name)
        return ask_with_one_repair(
            recap_user_prompt(request),
            ask=lambda messages: self._ask(messages, wanted),
            repair_turn=_repair_turn,
            feedback=recap_repair_prompt,
            provider=self.name,
            failure=f"{self.label} ({self.model}) did not return a valid episode recap",
        )

    def translate(self, request: TranslationRequest) -> dict[str, str]:
        """Every bubble of `request` translated, by line id: one structured call, one repair round."""
        self._check_configured()
        wanted = translation_ask(request, provider=self.name)
        return ask_with_one_repair(
            translation_user_prompt(request),
            ask=lambda messages: self._ask(messages, wanted),
            repair_turn=_repair_turn,
            feedback=translation_repair_prompt,
            provider=self.name,
            failure=f"{self.label} ({self.model}) did not return a valid translation",
        )

    def _ask(self, messages: list[dict[str, Any]], wanted: StructuredAsk) -> Any:
        try:
            return self.call(lambda call: self._complete(call, messages, wanted))
        except _StructuredOutputUnsupported:
            self.uses_json_schema = False
            _JSON_MODE_ONLY.add((self.base_url, self.model))
            return self.call(lambda call: self._complete(call, messages, wanted))

    def _response_format(self, wanted: StructuredAsk) -> dict[str, Any]:
        if self.uses_json_schema:
            return {
                "type": "json_schema",
                "json_schema": {"name": wanted.name, "schema": wanted.schema(True), "strict": True},
            }
        return {"type": "json_object"}

    def _complete(self, call: ProviderCall, messages: list[dict[str, Any]], wanted: StructuredAsk) -> Any:
        system = wanted.system
        if not self.uses_json_schema:
            system += "\n\n" + wanted.json_mode_prompt()
        try:
            completion = self.client.chat.completions.create(
                model=self.model,
                messages=[{"role": "system", "content": system}, *messages],
                response_format=self._response_format(wanted),
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
            raise MalformedAnswer("the answer had no choices", provider=self.name, reply="(no answer)")
        choice = completion.choices[0]
        refusal = getattr(choice.message, "refusal", None)
        if refusal or choice.finish_reason == "content_filter":
            raise ProviderContentRefused(
                f"{self.label} refused to write this {wanted.what}: {refusal or 'content filtered'}", provider=self.name
            )
        content = choice.message.content or ""
        if choice.finish_reason == "length":
            raise MalformedAnswer(
                "the answer was cut off at the model's output limit; write shorter descriptions and dialogue",
                provider=self.name,
                reply=content,
            )
        try:
            return wanted.parse(content)
        except ProviderMalformedOutput as exc:
            raise MalformedAnswer(str(exc), provider=self.name, reply=content) from exc


def _repair_turn(error: MalformedAnswer, feedback: str) -> list[dict[str, Any]]:
    """The assistant's reply as it came, and what was wrong with it."""
    return [{"role": "assistant", "content": error.reply}, {"role": "user", "content": feedback}]


def _rejects_json_schema(exc: openai.BadRequestError) -> bool:
    text = f"{exc.param or ''} {openai_errors.error_message(exc, '')}".lower()
    return "response_format" in text or "json_schema" in text
