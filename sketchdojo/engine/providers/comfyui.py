"""ComfyUI panel artist: a ComfyUI server on the creator's own GPU (`COMFYUI_BASE_URL`).

The workflow is a template FILE in ComfyUI's API format ("Save (API)"), replaceable by the user:
`COMFYUI_WORKFLOW` (text-to-image, default `workflows/comfyui_txt2img.json`) and
`COMFYUI_IMG2IMG_WORKFLOW` (used when a character in the panel has a reference image; default
`workflows/comfyui_img2img.json`). Placeholders, as whole JSON strings or inside strings:
`{{prompt}}`, `{{negative_prompt}}`, `{{seed}}`, `{{width}}`, `{{height}}`, `{{checkpoint}}`
(`COMFYUI_CHECKPOINT`), `{{denoise}}` (`COMFYUI_DENOISE`) and `{{reference_image}}` (the name
ComfyUI gave the reference image uploaded through `POST /upload/image`). A string that is exactly a
numeric placeholder becomes a number.

One draw: upload the reference (if any), `POST /prompt {"prompt": workflow, "client_id"}` ->
`prompt_id`, poll `GET /history/{prompt_id}` until it lists outputs (every `COMFYUI_POLL_SECONDS`,
within the provider timeout), then fetch the first output image with
`GET /view?filename=&subfolder=&type=`.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, Unpack
from urllib.parse import quote, urlencode

import requests

from sketchdojo.engine.providers.base import (
    DrawRequest,
    DrawResult,
    ImageProvider,
    ProviderError,
    ProviderMalformedOutput,
    ProviderTransientError,
    ReferenceImage,
)
from sketchdojo.engine.providers.calls import ProviderCall
from sketchdojo.engine.providers.client import ClientOptions, ProviderClient
from sketchdojo.engine.providers.http import (
    ThreadSessions,
    decode_image,
    send,
    setting,
)
from sketchdojo.engine.providers.prompts import image_prompt, negative_prompt, panel_seed

WORKFLOWS = Path(__file__).resolve().parent / "workflows"
DEFAULT_WORKFLOW = WORKFLOWS / "comfyui_txt2img.json"
DEFAULT_IMG2IMG_WORKFLOW = WORKFLOWS / "comfyui_img2img.json"
NUMERIC = {"seed", "width", "height", "denoise"}
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def fill_template(node: Any, values: dict[str, Any]) -> Any:
    """The workflow with every `{{name}}` replaced; an unknown placeholder is an error naming it."""
    if isinstance(node, dict):
        return {key: fill_template(value, values) for key, value in node.items()}
    if isinstance(node, list):
        return [fill_template(item, values) for item in node]
    if not isinstance(node, str):
        return node
    whole = _PLACEHOLDER.fullmatch(node)
    if whole and whole.group(1) in NUMERIC and whole.group(1) in values:
        return values[whole.group(1)]

    def replace(match: re.Match) -> str:
        if match.group(1) not in values:
            raise ProviderError(
                f"The ComfyUI workflow template uses {{{{{match.group(1)}}}}}, which SketchDojo does not fill.",
                provider="comfyui",
            )
        return str(values[match.group(1)])

    return _PLACEHOLDER.sub(replace, node)


def load_template(path: str | Path) -> dict[str, Any]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ProviderError(
            f"The ComfyUI workflow template {path} could not be read as JSON ({exc.__class__.__name__}).",
            provider="comfyui",
        ) from exc


class ComfyUIArtist(ProviderClient, ImageProvider):
    """Draws a panel by queueing a workflow on a ComfyUI server."""

    name = "comfyui"
    label = "ComfyUI"
    kind = "image"
    key_setting = "COMFYUI_API_KEY"  # optional Bearer token for a server behind auth

    def __init__(
        self,
        *,
        base_url: str | None = None,
        model: str | None = None,
        workflow: str | Path | None = None,
        img2img_workflow: str | Path | None = None,
        poll_seconds: float | None = None,
        poll_sleep: Callable[[float], None] = time.sleep,
        **options: Unpack[ClientOptions],
    ):
        super().__init__(model=model or setting("COMFYUI_CHECKPOINT", "") or "sd_xl_base_1.0.safetensors", **options)
        self.base_url = (base_url or setting("COMFYUI_BASE_URL", "") or "http://127.0.0.1:8188").rstrip("/")
        self.workflow = Path(workflow or setting("COMFYUI_WORKFLOW", "") or DEFAULT_WORKFLOW)
        self.img2img_workflow = Path(
            img2img_workflow or setting("COMFYUI_IMG2IMG_WORKFLOW", "") or DEFAULT_IMG2IMG_WORKFLOW
        )
        self.poll_seconds = float(poll_seconds if poll_seconds is not None else setting("COMFYUI_POLL_SECONDS", 1.0))
        self.denoise = float(setting("COMFYUI_DENOISE", 0.6))
        self.poll_sleep = poll_sleep
        self.sessions = ThreadSessions()

    def draw(self, request: DrawRequest) -> DrawResult:
        return self.call(lambda call: self._draw(call, request))

    def _request(self, call: ProviderCall, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        response = send(
            self.sessions.get(),
            method,
            f"{self.base_url}{path}",
            provider=self.name,
            label=self.label,
            timeout=self.timeout,
            headers=headers,
            **kwargs,
        )
        call.status = response.status_code
        self.raise_for_status(response)
        return response

    def _json(self, response: requests.Response, what: str) -> Any:
        try:
            return response.json()
        except ValueError as exc:
            raise ProviderMalformedOutput(
                f"{self.label} answered {what} with something that is not JSON.", provider=self.name
            ) from exc

    def _upload(self, call: ProviderCall, reference: ReferenceImage) -> str:
        """Upload the reference image; the name ComfyUI stored it under (with its subfolder)."""
        response = self._request(
            call,
            "POST",
            "/upload/image",
            files={"image": (reference.filename, reference.data, reference.mime)},
            data={"overwrite": "true"},
        )
        stored = self._json(response, "the upload")
        try:
            name = stored["name"]
        except (KeyError, TypeError) as exc:
            raise ProviderMalformedOutput(
                f"{self.label} did not say where it stored the upload.", provider=self.name
            ) from exc
        subfolder = stored.get("subfolder") or ""
        return f"{subfolder}/{name}" if subfolder else name

    def _draw(self, call: ProviderCall, request: DrawRequest) -> DrawResult:
        seed = panel_seed(request)
        values: dict[str, Any] = {
            "prompt": image_prompt(request),
            "negative_prompt": negative_prompt(request),
            "seed": seed,
            "width": request.width - request.width % 8,
            "height": request.height - request.height % 8,
            "checkpoint": self.model,
            "denoise": self.denoise,
        }
        references = request.present_references()
        template = self.workflow
        if references:
            template = self.img2img_workflow
            values["reference_image"] = self._upload(call, references[0][1])
        workflow = fill_template(load_template(template), values)
        queued = self._json(
            self._request(call, "POST", "/prompt", json={"prompt": workflow, "client_id": uuid.uuid4().hex}),
            "the queued prompt",
        )
        prompt_id = queued.get("prompt_id") if isinstance(queued, dict) else None
        if not prompt_id:
            raise ProviderMalformedOutput(f"{self.label} queued the workflow without a prompt_id.", provider=self.name)
        image_ref = self._wait_for_output(call, str(prompt_id))
        query = urlencode(
            {
                "filename": image_ref["filename"],
                "subfolder": image_ref.get("subfolder", ""),
                "type": image_ref.get("type", "output"),
            }
        )
        data = self._request(call, "GET", f"/view?{query}").content
        call.usage = {"images": 1}
        image = decode_image(data, width=request.width, height=request.height, provider=self.name, label=self.label)
        meta = {"provider": self.name, "model": self.model, "seed": seed, "workflow": template.name}
        return DrawResult(image=image, faces=[], meta=meta)

    def _wait_for_output(self, call: ProviderCall, prompt_id: str) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while True:
            history = self._json(self._request(call, "GET", f"/history/{quote(prompt_id)}"), "the history")
            entry = history.get(prompt_id) if isinstance(history, dict) else None
            if entry:
                status = entry.get("status") or {}
                if status.get("status_str") == "error":
                    raise ProviderError(f"{self.label} failed to run the workflow.", provider=self.name)
                for output in (entry.get("outputs") or {}).values():
                    for image in output.get("images") or ():
                        if image.get("filename"):
                            return image
                if status.get("completed"):
                    raise ProviderMalformedOutput(
                        f"{self.label} finished the workflow without an output image (is there a SaveImage node?).",
                        provider=self.name,
                    )
            if time.monotonic() + self.poll_seconds > deadline:
                raise ProviderTransientError(
                    f"{self.label} did not finish the panel within {self.timeout:g} s.", provider=self.name
                )
            self.poll_sleep(self.poll_seconds)
