"""Sample data for provider tests: a valid script as a model answers it, a draw request, PNG bytes, an
OpenAI error reply, and the keyword arguments that make any provider quick to test."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from sketchdojo.engine.layout import panel_size
from sketchdojo.engine.providers.base import DrawRequest
from sketchdojo.engine.providers.tests.wire import Reply
from sketchdojo.engine.script import Script


def script_payload(panel_count: int = 3) -> dict:
    """A script as a model would answer it: two characters, two scenes, `panel_count` panels."""
    palette = {"hair": "#1a1a1a", "eyes": "#3355aa", "skin": "#f5d6c6", "outfit": "#c0392b", "accent": "#f1c40f"}
    return {
        "title": "The Lantern Thief",
        "synopsis": "Mina chases a thief through the night market and finds her brother.",
        "style": "webtoon",
        "characters": [
            {
                "name": "Mina",
                "role": "protagonist",
                "description": "A wiry teenage courier with a red scarf",
                "palette": palette,
                "hair_style": "ponytail",
                "seed": 4242,
            },
            {
                "name": "Jun",
                "role": "supporting",
                "description": "Mina's older brother in a grey hoodie",
                "palette": {**palette, "outfit": "#808080"},
                "seed": 977,
            },
        ],
        "scenes": [
            {"index": 0, "location": "night market", "time_of_day": "night", "weather": "rain", "mood": "tense"},
            {"index": 1, "location": "rooftop", "time_of_day": "dawn", "weather": "clear", "mood": "calm"},
        ],
        "panels": [
            {
                "sequence": n,
                "scene": 0 if n == 1 else 1,
                "shot": "wide" if n == 1 else "medium",
                "description": f"Panel {n}: Mina runs between lantern stalls.",
                "characters": [{"name": "Mina", "position": "left", "expression": "determined", "action": "running"}],
                "dialogue": [{"speaker": "Mina", "text": "Stop right there!", "style": "shout"}],
                "caption": None,
                "sfx": ["WHOOSH"],
            }
            for n in range(1, panel_count + 1)
        ],
    }


def draw_request(*, shot: str = "medium", with_character: bool = True, style: str = "webtoon") -> DrawRequest:
    payload = script_payload(2)
    panel = payload["panels"][1]
    panel["shot"] = shot
    if not with_character:
        panel["characters"], panel["dialogue"] = [], []
    script = Script.model_validate(payload)
    width, height = panel_size(shot)
    return DrawRequest(script=script, panel=script.panels[1], style=style, width=width, height=height, seed=31)


def png_bytes(width: int = 1024, height: int = 1024) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def quick_options(delays: list[float]) -> dict[str, Any]:
    """Provider keyword arguments for tests: a short timeout, two retries whose pauses go to `delays`
    instead of being slept, and a process-local limiter (no Redis)."""
    return {
        "timeout": 5,
        "max_retries": 2,
        "backoff_base": 0.001,
        "concurrency": 4,
        "redis_url": "",
        "sleep": delays.append,
    }


def openai_error(status: int, message: str, *, code: str | None = None, param: str | None = None, **headers) -> Reply:
    """An error as the OpenAI API (chat and images alike) answers it."""
    error = {"message": message, "type": "invalid_request_error", "param": param, "code": code}
    return Reply(status, {"error": error}, headers=headers)
