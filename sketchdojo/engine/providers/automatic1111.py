"""AUTOMATIC1111 / Forge panel artist: a Stable Diffusion web UI on the creator's own GPU (`A1111_BASE_URL`).

`POST /sdapi/v1/txt2img` with prompt, negative prompt, seed, width and height; with a reference image
of a character present, `POST /sdapi/v1/img2img` with it base64-encoded in `init_images` and
`denoising_strength` (`A1111_DENOISING_STRENGTH`). The answer's `images[0]` is the base64 PNG.
Sizes are rounded to multiples of 8 (what SD takes); the image is then fitted to the panel.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, Unpack

from sketchdojo.engine.providers.base import DrawRequest, DrawResult, ImageProvider, ProviderMalformedOutput
from sketchdojo.engine.providers.calls import ProviderCall
from sketchdojo.engine.providers.client import ClientOptions, ProviderClient
from sketchdojo.engine.providers.http import (
    ThreadSessions,
    decode_image,
    send,
    setting,
)
from sketchdojo.engine.providers.prompts import image_prompt, negative_prompt, panel_seed

MAX_SIDE = 1024


def sd_size(width: int, height: int, max_side: int = MAX_SIDE) -> tuple[int, int]:
    """The panel's shape scaled so its longer side is `max_side`, both sides multiples of 8."""
    scale = max_side / max(width, height)
    return max(64, round(width * scale / 8) * 8), max(64, round(height * scale / 8) * 8)


class Automatic1111Artist(ProviderClient, ImageProvider):
    """Draws a panel with an AUTOMATIC1111 or Forge server's API (started with `--api`)."""

    name = "automatic1111"
    label = "AUTOMATIC1111"
    kind = "image"
    key_setting = "A1111_API_KEY"  # optional: sent as a Bearer token when the server sits behind auth

    def __init__(self, *, base_url: str | None = None, model: str | None = None, **options: Unpack[ClientOptions]):
        super().__init__(model=model or setting("A1111_MODEL", "") or "default", **options)
        self.base_url = (base_url or setting("A1111_BASE_URL", "") or "http://127.0.0.1:7860").rstrip("/")
        self.steps = int(setting("A1111_STEPS", 28))
        self.denoising_strength = float(setting("A1111_DENOISING_STRENGTH", 0.6))
        self.sessions = ThreadSessions()

    def draw(self, request: DrawRequest) -> DrawResult:
        return self.call(lambda call: self._draw(call, request))

    def _draw(self, call: ProviderCall, request: DrawRequest) -> DrawResult:
        width, height = sd_size(request.width, request.height)
        seed = panel_seed(request)
        body: dict[str, Any] = {
            "prompt": image_prompt(request),
            "negative_prompt": negative_prompt(request),
            "seed": seed,
            "width": width,
            "height": height,
            "steps": self.steps,
            "batch_size": 1,
            "n_iter": 1,
        }
        if self.model != "default":
            body["override_settings"] = {"sd_model_checkpoint": self.model}
        references = request.present_references()
        path = "/sdapi/v1/txt2img"
        if references:
            path = "/sdapi/v1/img2img"
            body["init_images"] = [base64.b64encode(references[0][1].data).decode("ascii")]
            body["denoising_strength"] = self.denoising_strength
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        response = send(
            self.sessions.get(),
            "POST",
            f"{self.base_url}{path}",
            provider=self.name,
            label=self.label,
            timeout=self.timeout,
            json=body,
            headers=headers,
        )
        call.status = response.status_code
        self.raise_for_status(response)
        try:
            data = base64.b64decode(response.json()["images"][0], validate=True)
        except (ValueError, KeyError, IndexError, TypeError, binascii.Error) as exc:
            raise ProviderMalformedOutput(f"{self.label} answered without a base64 image.", provider=self.name) from exc
        call.usage = {"images": 1}
        image = decode_image(data, width=request.width, height=request.height, provider=self.name, label=self.label)
        meta = {"provider": self.name, "model": self.model, "seed": seed, "endpoint": path.rsplit("/", 1)[1]}
        return DrawResult(image=image, faces=[], meta=meta)
