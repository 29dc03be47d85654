"""The Stability AI artist against a local server speaking the Stable Image (v2beta) and SDXL (v1) wire formats."""

from __future__ import annotations

import base64
from concurrent.futures import ThreadPoolExecutor

import pytest

from sketchdojo.engine.providers.base import (
    ProviderAuthError,
    ProviderContentRefused,
    ProviderError,
    ProviderMalformedOutput,
    ProviderTransientError,
)
from sketchdojo.engine.providers.calls import collect_calls
from sketchdojo.engine.providers.prompts import NEGATIVE_PROMPT
from sketchdojo.engine.providers.stability import StabilityArtist
from sketchdojo.engine.providers.tests.samples import draw_request, png_bytes, quick_options
from sketchdojo.engine.providers.tests.wire import Reply

KEY = "sk-stability-test-secret"


def image_reply(*, seed: int = 4242, finish_reason: str = "SUCCESS") -> Reply:
    return Reply(
        200, png_bytes(), headers={"Content-Type": "image/png", "finish-reason": finish_reason, "seed": str(seed)}
    )


def api_error(status: int, name: str, *errors: str, **headers) -> Reply:
    return Reply(status, {"id": "a1b2c3", "name": name, "errors": list(errors)}, headers=headers)


def artist(wire, delays, **overrides) -> StabilityArtist:
    options = {**quick_options(delays), "api_key": KEY, "api_base": wire.url, "model": "core"}
    return StabilityArtist(**{**options, **overrides})


def test_a_panel_is_drawn_from_a_multipart_request_with_the_characters_canonical_look(wire, delays):
    wire.reply(image_reply())

    with collect_calls() as calls:
        result = artist(wire, delays).draw(draw_request(shot="medium"))

    assert result.image.size == (800, 800)
    assert result.image.mode == "RGB"
    assert result.faces == []
    assert result.meta == {
        "provider": "stability",
        "model": "core",
        "seed": 4242,
        "finish_reason": "SUCCESS",
        "style_preset": "anime",
        "aspect_ratio": "1:1",
    }
    (sent,) = wire.received
    assert sent.path == "/v2beta/stable-image/generate/core"
    assert sent.headers["authorization"] == f"Bearer {KEY}"
    assert sent.headers["accept"] == "image/*"
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    form = sent.form()
    assert sorted(form) == ["aspect_ratio", "negative_prompt", "output_format", "prompt", "seed", "style_preset"]
    assert form["aspect_ratio"] == "1:1"
    assert form["seed"] == "31"  # the panel seed the request carries
    assert form["style_preset"] == "anime"
    assert form["output_format"] == "png"
    assert form["negative_prompt"] == NEGATIVE_PROMPT
    assert "speech bubbles" in form["negative_prompt"]
    prompt = form["prompt"]
    assert prompt.startswith("Korean webtoon style digital illustration")
    assert "medium shot, characters from the waist up" in prompt
    assert "Mina: A wiry teenage courier with a red scarf; determined expression" in prompt
    assert "determined expression, running, left of the frame" in prompt
    assert "Setting: rooftop" in prompt
    assert "dawn, clear weather, natural lighting, calm mood" in prompt
    assert [(c.provider, c.kind, c.model, c.outcome, c.usage) for c in calls] == [
        ("stability", "image", "core", "ok", {"images": 1})
    ]


@pytest.mark.parametrize(
    ("shot", "aspect_ratio", "size"),
    [("extreme_wide", "3:2", (800, 520)), ("wide", "5:4", (800, 640)), ("close_up", "1:1", (800, 800))],
)
def test_the_aspect_ratio_follows_the_panel_shape(wire, delays, shot, aspect_ratio, size):
    wire.reply(image_reply())

    result = artist(wire, delays).draw(draw_request(shot=shot))

    assert wire.received[0].form()["aspect_ratio"] == aspect_ratio
    assert result.image.size == size


def test_a_panel_without_characters_uses_the_request_seed_and_the_art_styles_preset(wire, delays):
    wire.reply(image_reply(seed=31))

    artist(wire, delays).draw(draw_request(with_character=False, style="manga"))

    form = wire.received[0].form()
    assert form["seed"] == "31"
    assert form["style_preset"] == "line-art"
    assert form["prompt"].startswith("black and white manga illustration")


def test_an_sd3_model_goes_to_the_sd3_endpoint_with_its_model_field(wire, delays):
    wire.reply(image_reply())

    artist(wire, delays, model="sd3.5-large").draw(draw_request())

    assert wire.received[0].path == "/v2beta/stable-image/generate/sd3"
    assert wire.received[0].form()["model"] == "sd3.5-large"


def test_the_sdxl_option_sends_json_text_prompts_and_reads_base64_artifacts(wire, delays):
    artifact = {"base64": base64.b64encode(png_bytes(1152, 896)).decode(), "seed": 4242, "finishReason": "SUCCESS"}
    wire.reply(Reply(200, {"artifacts": [artifact]}))

    result = artist(wire, delays, model="stable-diffusion-xl-1024-v1-0").draw(draw_request(shot="wide"))

    assert result.image.size == (800, 640)
    assert result.meta["seed"] == 4242
    (sent,) = wire.received
    assert sent.path == "/v1/generation/stable-diffusion-xl-1024-v1-0/text-to-image"
    assert sent.headers["accept"] == "application/json"
    body = sent.json()
    assert (body["width"], body["height"]) == (1152, 896)
    assert body["seed"] == 31
    assert body["style_preset"] == "anime"
    assert body["samples"] == 1
    assert body["text_prompts"][1] == {"text": NEGATIVE_PROMPT, "weight": -1}
    assert "Mina: A wiry teenage courier" in body["text_prompts"][0]["text"]


def test_an_sdxl_artifact_filtered_by_moderation_refuses_the_panel(wire, delays):
    artifact = {"base64": base64.b64encode(png_bytes(64, 64)).decode(), "seed": 1, "finishReason": "CONTENT_FILTERED"}
    wire.reply(Reply(200, {"artifacts": [artifact]}))

    with pytest.raises(ProviderContentRefused):
        artist(wire, delays, model="stable-diffusion-xl-1024-v1-0").draw(draw_request())


def test_panels_drawn_at_once_never_exceed_the_providers_cap(wire, delays):
    slow = Reply(200, png_bytes(), headers={"Content-Type": "image/png"}, delay=0.2)
    wire.reply(*[slow for _ in range(4)])
    provider = artist(wire, delays, concurrency=1)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: provider.draw(draw_request()), range(4)))

    assert len(results) == 4
    assert len(wire.received) == 4
    assert wire.peak_in_flight == 1


def test_a_429_is_retried_after_the_seconds_the_server_asked_for(wire, delays):
    wire.reply(api_error(429, "rate_limit_exceeded", "You have exceeded the rate limit", **{"Retry-After": "1"}))
    wire.reply(image_reply())

    with collect_calls() as calls:
        artist(wire, delays).draw(draw_request())

    assert delays == [1.0]
    assert [(c.outcome, c.status) for c in calls] == [("transient", 429), ("ok", 200)]


def test_500s_until_the_retries_run_out_fail_as_transient(wire, delays):
    wire.reply(*[api_error(500, "internal_error", "An unexpected server error occurred") for _ in range(3)])

    with pytest.raises(ProviderTransientError) as raised:
        artist(wire, delays).draw(draw_request())

    assert str(raised.value) == (
        "Stability AI is busy or unavailable (HTTP 500): internal_error: An unexpected server error occurred "
        "(gave up after 3 attempts)"
    )
    assert len(wire.received) == 3
    assert len(delays) == 2


def test_a_server_slower_than_the_timeout_is_a_transient_failure(wire, delays):
    wire.reply(Reply(200, png_bytes(), delay=1.0))

    with pytest.raises(ProviderTransientError, match=r"Stability AI did not answer within 0\.2 s"):
        artist(wire, delays, timeout=0.2, max_retries=0).draw(draw_request())


def test_content_moderation_refuses_only_this_panel_with_the_reason(wire, delays):
    wire.reply(api_error(403, "content_moderation", "Your request was flagged by our content moderation system"))

    with pytest.raises(ProviderContentRefused) as raised:
        artist(wire, delays).draw(draw_request())

    assert str(raised.value) == (
        "Stability AI refused this panel (content moderation): "
        "Your request was flagged by our content moderation system"
    )
    assert raised.value.provider == "stability"
    assert len(wire.received) == 1


def test_a_filtered_image_refuses_the_panel(wire, delays):
    wire.reply(image_reply(finish_reason="CONTENT_FILTERED"))

    with pytest.raises(ProviderContentRefused, match="content moderation"):
        artist(wire, delays).draw(draw_request())


def test_a_rejected_key_fails_at_once_without_retry(wire, delays):
    wire.reply(api_error(401, "unauthorized", f"authorization key {KEY} is invalid"))

    with pytest.raises(ProviderAuthError) as raised:
        artist(wire, delays).draw(draw_request())

    assert str(raised.value) == "The Stability AI key was rejected (HTTP 401); check STABILITY_API_KEY."
    assert len(wire.received) == 1
    assert delays == []


def test_an_empty_account_fails_clearly_without_retry(wire, delays):
    wire.reply(api_error(402, "payment_required", "You lack sufficient credits"))

    with pytest.raises(ProviderError) as raised:
        artist(wire, delays).draw(draw_request())

    assert str(raised.value) == "Stability AI refused the call: the account is out of credits (HTTP 402)."
    assert len(wire.received) == 1


def test_a_bad_request_names_the_servers_complaint_without_the_key(wire, delays):
    wire.reply(api_error(400, "bad_request", f"prompt: too long (key {KEY})"))

    with pytest.raises(ProviderError) as raised:
        artist(wire, delays).draw(draw_request())

    assert str(raised.value) == (
        "Stability AI rejected the request (HTTP 400): bad_request: prompt: too long (key [redacted])"
    )


def test_an_answer_that_is_not_an_image_is_malformed_output(wire, delays):
    wire.reply(Reply(200, b"<html>gateway page</html>", headers={"Content-Type": "image/png"}))

    with pytest.raises(ProviderMalformedOutput, match="Stability AI answered with something that is not an image"):
        artist(wire, delays).draw(draw_request())
