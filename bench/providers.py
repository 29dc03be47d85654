"""What the provider plumbing costs on top of the HTTP call itself.

- A call slot (the cap on calls in flight): acquire + release of the Redis semaphore (when
  REDIS_URL is set) against a Redis PING as baseline; the in-process semaphore otherwise.
  Target ≤ 5 ms per call, noise next to a provider call of seconds.
- One Stability AI panel (multipart request, retries wrapper, slot, call record, decode and fit)
  against a local server answering at once, with a bare `requests.post` + the same decode and fit
  as baseline. Target ≤ 250 ms per panel on the 2-core box (shared, so read it against the baseline).
- One ComfyUI panel (template fill, POST /prompt, one /history poll, GET /view, decode and fit)
  against a local server answering at once, with the same four requests sent bare as baseline.
  Target ≤ 300 ms per panel.
"""

from __future__ import annotations

import io
import statistics
import time

import requests
from PIL import Image, ImageOps

from bench import Measurement
from sketchdojo.engine.providers.comfyui import ComfyUIArtist
from sketchdojo.engine.providers.http import setting
from sketchdojo.engine.providers.limits import LocalLimiter, RedisLimiter
from sketchdojo.engine.providers.stability import StabilityArtist
from sketchdojo.engine.providers.tests.samples import draw_request, png_bytes
from sketchdojo.engine.providers.tests.wire import Reply, WireServer

SLOT_ROUNDS = 300
PANEL_ROUNDS = 30


def _median_ms(action, rounds: int) -> float:
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def _slot_figure() -> Measurement:
    redis_url = setting("REDIS_URL", "")
    limiter = (
        RedisLimiter("bench:image", 8, redis_url=redis_url, key_prefix="bench")
        if redis_url
        else LocalLimiter("bench:image", 8)
    )

    def acquire_release():
        with limiter.slot():
            pass

    if not redis_url:
        value = _median_ms(acquire_release, SLOT_ROUNDS)
        return Measurement("call slot, in-process semaphore (median)", value, "ms", target=5.0)
    try:
        value = _median_ms(acquire_release, SLOT_ROUNDS)
        baseline = _median_ms(limiter._redis.ping, SLOT_ROUNDS)
    finally:
        limiter._redis.delete(limiter.key)
    return Measurement(
        "call slot, Redis semaphore (median)", value, "ms", target=5.0, baseline=baseline, baseline_name="Redis PING"
    )


def _panel_figure() -> Measurement:
    image = png_bytes()
    server = WireServer().start()
    try:
        artist = StabilityArtist(api_key="sk-bench", api_base=server.url, model="core", redis_url="", max_retries=0)
        request = draw_request()

        def draw():
            server.reply(Reply(200, image, headers={"Content-Type": "image/png", "seed": "1"}))
            artist.draw(request)

        def bare():
            server.reply(Reply(200, image, headers={"Content-Type": "image/png"}))
            response = requests.post(
                f"{server.url}/v2beta/stable-image/generate/core", files={"prompt": (None, "x")}, timeout=10
            )
            decoded = Image.open(io.BytesIO(response.content)).convert("RGB")
            ImageOps.fit(decoded, (request.width, request.height), method=Image.Resampling.LANCZOS)

        value = _median_ms(draw, PANEL_ROUNDS)
        baseline = _median_ms(bare, PANEL_ROUNDS)
    finally:
        server.stop()
    return Measurement(
        "Stability AI panel on a local server (median)",
        value,
        "ms",
        target=250.0,
        baseline=baseline,
        baseline_name="bare POST + decode + fit",
    )


def _comfyui_figure() -> Measurement:
    image = png_bytes()
    server = WireServer().start()
    output = {"filename": "out.png", "subfolder": "", "type": "output"}

    def queue_replies():
        server.reply(
            Reply(200, {"prompt_id": "p"}),
            Reply(200, {"p": {"outputs": {"9": {"images": [output]}}}}),
            Reply(200, image, headers={"Content-Type": "image/png"}),
        )

    try:
        artist = ComfyUIArtist(base_url=server.url, redis_url="", max_retries=0, poll_seconds=0)
        request = draw_request()

        def draw():
            queue_replies()
            artist.draw(request)

        def bare():
            queue_replies()
            requests.post(f"{server.url}/prompt", json={"prompt": {}}, timeout=10)
            requests.get(f"{server.url}/history/p", timeout=10)
            response = requests.get(f"{server.url}/view?filename=out.png&subfolder=&type=output", timeout=10)
            decoded = Image.open(io.BytesIO(response.content)).convert("RGB")
            ImageOps.fit(decoded, (request.width, request.height), method=Image.Resampling.LANCZOS)

        value = _median_ms(draw, PANEL_ROUNDS)
        baseline = _median_ms(bare, PANEL_ROUNDS)
    finally:
        server.stop()
    return Measurement(
        "ComfyUI panel on a local server (median)",
        value,
        "ms",
        target=300.0,
        baseline=baseline,
        baseline_name="bare POST + 2 GET + decode + fit",
    )


def run() -> list[Measurement]:
    return [_slot_figure(), _panel_figure(), _comfyui_figure()]
