"""The Anthropic story planner: the Messages API over `requests`, with tool use for structured output.

The script schema is offered as the one tool (`submit_script`) and `tool_choice` forces Claude to
call it, so the answer arrives as a `tool_use` block whose `input` is the script. The same contract
as the OpenAI planner: validated with `Script.model_validate` and the panel count; a malformed answer
goes back once as an error `tool_result`, a second one raises `ProviderMalformedOutput`.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Unpack

import requests

from sketchdojo.engine.providers.base import (
    LLMProvider,
    PlanRequest,
    ProviderAuthError,
    ProviderContentRefused,
    ProviderMalformedOutput,
)
from sketchdojo.engine.providers.calls import ProviderCall
from sketchdojo.engine.providers.client import ClientOptions, ProviderClient
from sketchdojo.engine.providers.http import (
    ThreadSessions,
    redact,
    send,
    setting,
)
from sketchdojo.engine.providers.prompts import (
    SCRIPT_TOOL_NAME,
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
    TRANSLATION_TOOL_NAME,
    TranslationRequest,
    translation_ask,
    translation_repair_prompt,
    translation_user_prompt,
)
from sketchdojo.engine.script import Script
from sketchdojo.engine.series import EpisodeRecap, RecapRequest

ANTHROPIC_VERSION = "2023-06-01"
RECAP_TOOL_NAME = "submit_recap"
DEFAULT_MAX_TOKENS = 16000


class AnthropicPlanner(ProviderClient, LLMProvider):
    """Plans a script with a Claude model."""

    name = "anthropic"
    label = "Anthropic"
    kind = "llm"
    key_setting = "ANTHROPIC_API_KEY"

    def __init__(
        self,
        *,
        base_url: str | None = None,
        model: str | None = None,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        **options: Unpack[ClientOptions],
    ):
        super().__init__(model=model or setting("ANTHROPIC_MODEL", "claude-sonnet-4-5"), **options)
        self.base_url = (base_url or setting("ANTHROPIC_BASE_URL", "") or "https://api.anthropic.com").rstrip("/")
        self.max_tokens = max_tokens
        self.sessions = ThreadSessions()

    def _check_configured(self) -> None:
        if not self.api_key:
            raise ProviderAuthError("No Anthropic key is configured: set ANTHROPIC_API_KEY.", provider=self.name)

    def plan(self, request: PlanRequest) -> Script:
        self._check_configured()
        wanted = _as_tool(script_ask(request, provider=self.name), SCRIPT_TOOL_NAME)
        return plan_with_one_repair(
            request,
            ask=lambda messages: self.call(lambda call: self._message(call, messages, wanted)),
            repair_turn=_repair_turn,
            provider=self.name,
            label=self.label,
            model=self.model,
        )

    def recap(self, request: RecapRequest) -> EpisodeRecap:
        """The episode's recap for the series memory: one forced tool call, one repair round."""
        self._check_configured()
        wanted = _as_tool(recap_ask(provider=self.name), RECAP_TOOL_NAME)
        return ask_with_one_repair(
            recap_user_prompt(request),
            ask=lambda messages: self.call(lambda call: self._message(call, messages, wanted)),
            repair_turn=_repair_turn,
            feedback=recap_repair_prompt,
            provider=self.name,
            failure=f"{self.label} ({self.model}) did not return a valid episode recap",
        )

    def translate(self, request: TranslationRequest) -> dict[str, str]:
        """Every bubble of `request` translated, by line id: one structured call, one repair round."""
        self._check_configured()
        wanted = _as_tool(translation_ask(request, provider=self.name), TRANSLATION_TOOL_NAME)
        return ask_with_one_repair(
            translation_user_prompt(request),
            ask=lambda messages: self.call(lambda call: self._message(call, messages, wanted)),
            repair_turn=_repair_turn,
            feedback=translation_repair_prompt,
            provider=self.name,
            failure=f"{self.label} ({self.model}) did not return a valid translation",
        )

    def _message(self, call: ProviderCall, messages: list[dict[str, Any]], wanted: StructuredAsk) -> Any:
        body = {
            "model": self.model,
            "max_tokens": self.max_tokens,
            "system": wanted.system,
            "messages": messages,
            "tools": [{"name": wanted.name, "description": wanted.description, "input_schema": wanted.schema(False)}],
            "tool_choice": {"type": "tool", "name": wanted.name},
        }
        response = send(
            self.sessions.get(),
            "POST",
            f"{self.base_url}/v1/messages",
            provider=self.name,
            label=self.label,
            timeout=self.timeout,
            json=body,
            headers={
                "x-api-key": self.api_key,
                "anthropic-version": ANTHROPIC_VERSION,
                "content-type": "application/json",
            },
        )
        call.status = response.status_code
        self.raise_for_status(response, message=_error_message(response, self.api_key))
        try:
            message = response.json()
        except ValueError as exc:
            raise MalformedAnswer(
                "the response body was not valid JSON (truncated or not JSON at all)", provider=self.name, reply=[]
            ) from exc
        if not isinstance(message, dict):
            raise MalformedAnswer("the response was not a message object", provider=self.name, reply=[])
        usage = message.get("usage") or {}
        call.usage = {"input_tokens": usage.get("input_tokens"), "output_tokens": usage.get("output_tokens")}
        content = message.get("content") or []
        stop_reason = message.get("stop_reason")
        if stop_reason == "refusal":
            text = " ".join(block.get("text", "") for block in content if block.get("type") == "text").strip()
            raise ProviderContentRefused(
                f"{self.label} refused to write this {wanted.what}" + (f": {redact(text)}" if text else "."),
                provider=self.name,
            )
        tool_use = next((b for b in content if b.get("type") == "tool_use" and b.get("name") == wanted.name), None)
        if stop_reason == "max_tokens":
            raise MalformedAnswer(
                "the answer was cut off at the output token limit; write shorter descriptions and dialogue",
                provider=self.name,
                reply=content,
            )
        if tool_use is None:
            raise MalformedAnswer(f"the answer did not call the {wanted.name} tool", provider=self.name, reply=content)
        try:
            return wanted.parse(tool_use.get("input"))
        except ProviderMalformedOutput as exc:
            raise MalformedAnswer(str(exc), provider=self.name, reply=content) from exc


def _as_tool(wanted: StructuredAsk, tool_name: str) -> StructuredAsk:
    return dataclasses.replace(wanted, name=tool_name)


def _repair_turn(error: MalformedAnswer, feedback: str) -> list[dict[str, Any]]:
    """The assistant's reply and our answer to it: an error tool_result when it called the tool."""
    reply = error.reply if isinstance(error.reply, list) else []
    tool_use = next((b for b in reply if b.get("type") == "tool_use"), None)
    if tool_use is None:
        assistant = reply or [{"type": "text", "text": "(no answer)"}]
        return [{"role": "assistant", "content": assistant}, {"role": "user", "content": feedback}]
    return [
        {"role": "assistant", "content": reply},
        {
            "role": "user",
            "content": [{"type": "tool_result", "tool_use_id": tool_use["id"], "is_error": True, "content": feedback}],
        },
    ]


def _error_message(response: requests.Response, api_key: str) -> str:
    try:
        error = response.json().get("error") or {}
        text = f"{error.get('type', '')}: {error.get('message', '')}".strip(": ")
    except (ValueError, AttributeError):
        text = response.text
    return redact(text, api_key)
