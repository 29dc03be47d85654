"""The Stability AI panel artist: the REST API, Stable Image (v2beta) by default, SDXL (v1) as an option.

`STABILITY_MODEL` picks the endpoint: `core` (default) or `ultra` →
`POST /v2beta/stable-image/generate/{core|ultra}`; `sd3…` (e.g. `sd3.5-large`) →
`POST /v2beta/stable-image/generate/sd3` with that `model`; an engine id starting with
`stable-diffusion` (e.g. `stable-diffusion-xl-1024-v1-0`) → `POST /v1/generation/{engine}/text-to-image`.
v2beta takes a multipart form and answers with the image bytes (`Accept: image/*`), its seed and
finish reason in headers; v1 takes JSON and answers with base64 artifacts.

Every prompt carries the panel, its scene, the shot and the canonical look of each character present;
the style preset follows the art style, the aspect ratio the panel's shape, the seed the first
character present (so they keep their look), and a negative prompt keeps text out (the letterer adds
it). A moderation refusal fails only this panel (`ProviderContentRefused`).
"""

from __future__ import annotations

import base64
from typing import Any, Unpack

import requests

from sketchdojo.engine.providers.base import (
    DrawRequest,
    DrawResult,
    ImageProvider,
    ProviderAuthError,
    ProviderContentRefused,
    ProviderMalformedOutput,
)
from sketchdojo.engine.providers.calls import ProviderCall
from sketchdojo.engine.providers.client import ClientOptions, ProviderClient
from sketchdojo.engine.providers.http import (
    ThreadSessions,
    decode_image,
    error_for_status,
    parse_retry_after,
    redact,
    send,
    setting,
)
from sketchdojo.engine.providers.prompts import (
    STABILITY_STYLE_PRESETS,
    image_prompt,
    nearest_shape,
    negative_prompt,
    panel_seed,
)
from sketchdojo.engine.script import ArtStyle

ASPECT_RATIOS = {"16:9": 16 / 9, "3:2": 3 / 2, "5:4": 5 / 4, "1:1": 1.0, "4:5": 4 / 5, "2:3": 2 / 3, "9:16": 9 / 16}
# The sizes SDXL 1.0 accepts.
SDXL_SIZES = {
    (1024, 1024): 1.0,
    (1152, 896): 1152 / 896,
    (1216, 832): 1216 / 832,
    (1344, 768): 1344 / 768,
    (1536, 640): 1536 / 640,
    (640, 1536): 640 / 1536,
    (768, 1344): 768 / 1344,
    (832, 1216): 832 / 1216,
    (896, 1152): 896 / 1152,
}
MAX_SEED = 4294967294
SDXL_PROMPT_LIMIT = 2000
CONTENT_FILTERED = "CONTENT_FILTERED"


class StabilityArtist(ProviderClient, ImageProvider):
    """Draws a panel with Stability AI."""

    name = "stability"
    label = "Stability AI"
    kind = "image"
    key_setting = "STABILITY_API_KEY"

    def __init__(
        self,
        *,
        api_base: str | None = None,
        model: str | None = None,
        output_format: str = "png",
        **options: Unpack[ClientOptions],
    ):
        super().__init__(model=model or setting("STABILITY_MODEL", "") or "core", **options)
        self.api_base = (api_base or setting("STABILITY_API_BASE", "") or "https://api.stability.ai").rstrip("/")
        self.output_format = output_format
        self.sessions = ThreadSessions()

    def draw(self, request: DrawRequest) -> DrawResult:
        if not self.api_key:
            raise ProviderAuthError("No Stability AI key is configured: set STABILITY_API_KEY.", provider=self.name)
        if request.present_references():
            attempt = self._image_to_image
        elif self.model.startswith("stable-diffusion"):
            attempt = self._sdxl
        else:
            attempt = self._stable_image
        return self.call(lambda call: attempt(call, request))

    def _post(self, call: ProviderCall, path: str, *, accept: str, **body: Any) -> requests.Response:
        """POST to `path` (under the API base); any status but 2xx raises the error it means."""
        response = send(
            self.sessions.get(),
            "POST",
            f"{self.api_base}{path}",
            provider=self.name,
            label=self.label,
            timeout=self.timeout,
            headers={"Authorization": f"Bearer {self.api_key}", "Accept": accept, "Stability-Client-ID": "sketchdojo"},
            **body,
        )
        call.status = response.status_code
        if not response.ok:
            raise self._error(response)
        return response

    def _filtered(self) -> ProviderContentRefused:
        return ProviderContentRefused(
            f"{self.label} filtered this panel's image (content moderation).", provider=self.name, status=200
        )

    def _stable_image(self, call: ProviderCall, request: DrawRequest) -> DrawResult:
        seed = panel_seed(request) % (MAX_SEED + 1)
        fields: dict[str, Any] = {
            "prompt": image_prompt(request),
            "negative_prompt": negative_prompt(request),
            "aspect_ratio": nearest_shape(request.width, request.height, ASPECT_RATIOS),
            "seed": seed,
            "style_preset": _style_preset(request.style),
            "output_format": self.output_format,
        }
        endpoint = self.model
        if self.model.startswith("sd3"):
            endpoint, fields["model"] = "sd3", self.model
        response = self._post(
            call,
            f"/v2beta/stable-image/generate/{endpoint}",
            accept="image/*",
            files={name: (None, str(value)) for name, value in fields.items()},
        )
        finish_reason = response.headers.get("finish-reason", "SUCCESS")
        if finish_reason == CONTENT_FILTERED:
            raise self._filtered()
        return self._drawn(
            call,
            response.content,
            request,
            seed=_int_or(response.headers.get("seed"), seed),
            finish_reason=finish_reason,
            style_preset=fields["style_preset"],
            aspect_ratio=fields["aspect_ratio"],
        )

    def _image_to_image(self, call: ProviderCall, request: DrawRequest) -> DrawResult:
        """A panel with a reference image: SD3 image-to-image (`mode=image-to-image`, `image`, `strength`).

        The first present character's reference conditions the panel; the prompt still carries every
        canonical look verbatim. `STABILITY_IMAGE_STRENGTH` (0..1) says how far the art may move from it.
        """
        seed = panel_seed(request) % (MAX_SEED + 1)
        _name, reference = request.present_references()[0]
        model = self.model if self.model.startswith("sd3") else setting("STABILITY_IMG2IMG_MODEL", "sd3.5-large")
        strength = float(setting("STABILITY_IMAGE_STRENGTH", 0.65))
        fields: dict[str, Any] = {
            "prompt": image_prompt(request),
            "negative_prompt": negative_prompt(request),
            "mode": "image-to-image",
            "strength": strength,
            "seed": seed,
            "model": model,
            "output_format": self.output_format,
        }
        files: dict[str, Any] = {name: (None, str(value)) for name, value in fields.items()}
        files["image"] = (reference.filename, reference.data, reference.mime)
        response = self._post(call, "/v2beta/stable-image/generate/sd3", accept="image/*", files=files)
        finish_reason = response.headers.get("finish-reason", "SUCCESS")
        if finish_reason == CONTENT_FILTERED:
            raise self._filtered()
        return self._drawn(
            call,
            response.content,
            request,
            seed=_int_or(response.headers.get("seed"), seed),
            finish_reason=finish_reason,
            mode="image-to-image",
            strength=strength,
        )

    def _sdxl(self, call: ProviderCall, request: DrawRequest) -> DrawResult:
        seed = panel_seed(request) % (MAX_SEED + 1)
        width, height = nearest_shape(request.width, request.height, SDXL_SIZES)
        body = {
            "text_prompts": [
                {"text": image_prompt(request)[:SDXL_PROMPT_LIMIT], "weight": 1},
                {"text": negative_prompt(request), "weight": -1},
            ],
            "cfg_scale": 7,
            "width": width,
            "height": height,
            "samples": 1,
            "steps": 30,
            "seed": seed,
            "style_preset": _style_preset(request.style),
        }
        response = self._post(call, f"/v1/generation/{self.model}/text-to-image", accept="application/json", json=body)
        try:
            artifact = response.json()["artifacts"][0]
            data = base64.b64decode(artifact["base64"])
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise ProviderMalformedOutput(
                f"{self.label} answered without an image artifact.", provider=self.name
            ) from exc
        if artifact.get("finishReason") == CONTENT_FILTERED:
            raise self._filtered()
        return self._drawn(
            call,
            data,
            request,
            seed=_int_or(artifact.get("seed"), seed),
            finish_reason=artifact.get("finishReason", "SUCCESS"),
            style_preset=body["style_preset"],
        )

    def _drawn(self, call: ProviderCall, data: bytes, request: DrawRequest, **meta: Any) -> DrawResult:
        """The panel from the image bytes, its meta saying what was asked and what came back."""
        call.usage = {"images": 1}
        image = decode_image(data, width=request.width, height=request.height, provider=self.name, label=self.label)
        return DrawResult(image=image, faces=[], meta={"provider": self.name, "model": self.model, **meta})

    def _error(self, response: requests.Response):
        """v2beta errors are `{"name", "errors": [...]}`, v1 errors `{"name", "message"}`."""
        try:
            body = response.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        name = str(body.get("name") or "")
        errors = body.get("errors") or ([body["message"]] if body.get("message") else [])
        message = redact("; ".join(str(e) for e in errors) or response.text, self.api_key)
        if name == "content_moderation":
            return ProviderContentRefused(
                f"{self.label} refused this panel (content moderation): {message}",
                provider=self.name,
                status=response.status_code,
            )
        return error_for_status(
            provider=self.name,
            label=self.label,
            status=response.status_code,
            message=f"{name}: {message}" if name else message,
            retry_after=parse_retry_after(response.headers.get("retry-after")),
            key_setting=self.key_setting,
        )


def _style_preset(style: str) -> str:
    return STABILITY_STYLE_PRESETS.get(ArtStyle(style) if style in ArtStyle._value2member_map_ else ArtStyle.WEBTOON)


def _int_or(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
