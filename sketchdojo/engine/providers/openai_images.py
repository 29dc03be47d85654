"""The OpenAI Images panel artist: `POST /v1/images/generations` through the official SDK.

`OPENAI_IMAGE_MODEL` (default `gpt-image-1`, which always answers in base64; DALL·E models are asked
for `b64_json`). The size is the model's nearest to the panel's shape; the image is then cropped and
scaled to the panel. The prompt is the same one the Stability artist sends (panel, scene, shot, the
canonical looks of the characters present, no text); the Images API has no negative prompt or seed,
so the "no text" instruction lives in the prompt. A content-policy refusal fails only this panel.
"""

from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Callable
from typing import Any

import openai

from sketchdojo.engine.providers import openai_errors
from sketchdojo.engine.providers.base import (
    DrawRequest,
    DrawResult,
    ImageProvider,
    ProviderAuthError,
    ProviderMalformedOutput,
)
from sketchdojo.engine.providers.calls import ProviderCall
from sketchdojo.engine.providers.http import RetryPolicy, call_with_retries, decode_image, default_timeout, setting
from sketchdojo.engine.providers.limits import limiter_for
from sketchdojo.engine.providers.openai_llm import LOCAL_SERVER_KEY
from sketchdojo.engine.providers.prompts import image_prompt, nearest_shape

GPT_IMAGE_SIZES = {"1024x1024": 1.0, "1536x1024": 1.5, "1024x1536": 1024 / 1536}
DALL_E_3_SIZES = {"1024x1024": 1.0, "1792x1024": 1.75, "1024x1792": 1024 / 1792}
DALL_E_2_SIZES = {"1024x1024": 1.0}


class OpenAIImagesArtist(ImageProvider):
    """Draws a panel with the OpenAI Images API."""

    name = "openai"
    label = openai_errors.LABEL

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        model: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        backoff_base: float | None = None,
        concurrency: int | None = None,
        redis_url: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.api_key = api_key if api_key is not None else setting("OPENAI_API_KEY", "")
        self.base_url = base_url if base_url is not None else setting("OPENAI_BASE_URL", "")
        self.model = model or setting("OPENAI_IMAGE_MODEL", "gpt-image-1")
        self.timeout = timeout or default_timeout()
        self.policy = RetryPolicy.from_settings(max_retries=max_retries, backoff_base=backoff_base)
        self.max_concurrency = concurrency or int(setting("IMAGE_CONCURRENCY", 8))
        self.limiter = limiter_for("openai:image", limit=self.max_concurrency, redis_url=redis_url)
        self.sleep = sleep
        self.client = openai.OpenAI(
            api_key=self.api_key or LOCAL_SERVER_KEY,
            base_url=self.base_url or None,
            timeout=self.timeout,
            max_retries=0,
        )

    def draw(self, request: DrawRequest) -> DrawResult:
        if not self.api_key and not self.base_url:
            raise ProviderAuthError(
                "No OpenAI key is configured: set OPENAI_API_KEY (or OPENAI_BASE_URL for a compatible server).",
                provider=self.name,
            )
        return call_with_retries(
            lambda call: self._generate(call, request),
            provider=self.name,
            label=self.label,
            kind="image",
            model=self.model,
            policy=self.policy,
            limiter=self.limiter,
            sleep=self.sleep,
        )

    def _sizes(self) -> dict[str, float]:
        if self.model.startswith("dall-e-3"):
            return DALL_E_3_SIZES
        if self.model.startswith("dall-e"):
            return DALL_E_2_SIZES
        return GPT_IMAGE_SIZES

    def _generate(self, call: ProviderCall, request: DrawRequest) -> DrawResult:
        size = nearest_shape(request.width, request.height, self._sizes())
        options: dict[str, Any] = {}
        if self.model.startswith("dall-e"):
            options["response_format"] = "b64_json"  # gpt-image models always answer in base64
        try:
            response = self.client.images.generate(
                model=self.model, prompt=image_prompt(request), n=1, size=size, **options
            )
        except openai.OpenAIError as exc:
            raise openai_errors.translate(
                exc, api_key=self.api_key, timeout=self.timeout
            ) from openai_errors.safe_cause(exc)
        call.status = 200
        usage = getattr(response, "usage", None)
        call.usage = {"images": 1}
        if usage is not None:
            call.usage.update({"input_tokens": usage.input_tokens, "output_tokens": usage.output_tokens})
        try:
            data = base64.b64decode(response.data[0].b64_json, validate=True)
        except (IndexError, TypeError, AttributeError, binascii.Error) as exc:
            raise ProviderMalformedOutput(f"{self.label} answered without a base64 image.", provider=self.name) from exc
        image = decode_image(data, width=request.width, height=request.height, provider=self.name, label=self.label)
        meta = {"provider": self.name, "model": self.model, "size": size, "seed": None}
        revised = getattr(response.data[0], "revised_prompt", None)
        if revised:
            meta["revised_prompt"] = revised
        return DrawResult(image=image, faces=[], meta=meta)
