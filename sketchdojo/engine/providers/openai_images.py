"""The OpenAI Images panel artist: `POST /v1/images/generations`, or `/v1/images/edits` with reference images.

`OPENAI_IMAGE_MODEL` (default `gpt-image-1`, which always answers in base64; DALL·E models are asked
for `b64_json`). The size is the model's nearest to the panel's shape; the image is then cropped and
scaled to the panel. The prompt is the same one the Stability artist sends (panel, scene, shot, the
canonical looks of the characters present, no text); the Images API has no negative prompt or seed,
so the "no text" instruction lives in the prompt. A content-policy refusal fails only this panel.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, Unpack

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
from sketchdojo.engine.providers.client import ClientOptions, ProviderClient
from sketchdojo.engine.providers.http import decode_image, setting
from sketchdojo.engine.providers.prompts import image_prompt, nearest_shape

GPT_IMAGE_SIZES = {"1024x1024": 1.0, "1536x1024": 1.5, "1024x1536": 1024 / 1536}
DALL_E_3_SIZES = {"1024x1024": 1.0, "1792x1024": 1.75, "1024x1792": 1024 / 1792}
DALL_E_2_SIZES = {"1024x1024": 1.0}


class OpenAIImagesArtist(ProviderClient, ImageProvider):
    """Draws a panel with the OpenAI Images API."""

    name = openai_errors.PROVIDER
    label = openai_errors.LABEL
    kind = "image"
    key_setting = openai_errors.KEY_SETTING

    def __init__(
        self,
        *,
        base_url: str | None = None,
        model: str | None = None,
        **options: Unpack[ClientOptions],
    ):
        super().__init__(model=model or setting("OPENAI_IMAGE_MODEL", "gpt-image-1"), **options)
        self.base_url = openai_errors.base_url_setting(base_url)
        self.client = openai_errors.sdk_client(api_key=self.api_key, base_url=self.base_url, timeout=self.timeout)

    def draw(self, request: DrawRequest) -> DrawResult:
        if not self.api_key and not self.base_url:
            raise ProviderAuthError(
                "No OpenAI key is configured: set OPENAI_API_KEY (or OPENAI_BASE_URL for a compatible server).",
                provider=self.name,
            )
        return self.call(lambda call: self._generate(call, request))

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
        references = request.present_references()
        try:
            if references and self.model.startswith("gpt-image"):
                # gpt-image-1 takes the characters' reference images through /v1/images/edits (image[] parts).
                images = [(image.filename, image.data, image.mime) for _name, image in references]
                response = self.client.images.edit(
                    model=self.model, image=images, prompt=image_prompt(request), n=1, size=size
                )
            else:
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
        meta = {
            "provider": self.name,
            "model": self.model,
            "size": size,
            "seed": None,
            "endpoint": "edits" if references and self.model.startswith("gpt-image") else "generations",
        }
        revised = getattr(response.data[0], "revised_prompt", None)
        if revised:
            meta["revised_prompt"] = revised
        return DrawResult(image=image, faces=[], meta=meta)
