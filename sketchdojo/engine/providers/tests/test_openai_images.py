"""The OpenAI Images artist against a local server speaking the images/generations wire format."""

from __future__ import annotations

import base64

import pytest

from sketchdojo.engine.providers.base import ProviderAuthError, ProviderContentRefused, ProviderTransientError
from sketchdojo.engine.providers.calls import collect_calls
from sketchdojo.engine.providers.openai_images import OpenAIImagesArtist
from sketchdojo.engine.providers.tests.samples import draw_request, openai_error, png_bytes, quick_options
from sketchdojo.engine.providers.tests.wire import Reply

KEY = "sk-images-test-secret"


def images_reply(width: int = 1536, height: int = 1024, **extra) -> Reply:
    return Reply(
        200,
        {
            "created": 1700000000,
            "data": [{"b64_json": base64.b64encode(png_bytes(width, height)).decode(), **extra}],
            "usage": {"input_tokens": 120, "output_tokens": 4160, "total_tokens": 4280},
        },
    )


def artist(wire, delays, **overrides) -> OpenAIImagesArtist:
    options = {**quick_options(delays), "api_key": KEY, "base_url": f"{wire.url}/v1", "model": "gpt-image-1"}
    return OpenAIImagesArtist(**{**options, **overrides})


def test_a_panel_is_drawn_at_the_nearest_size_and_fitted_to_the_panel(wire, delays):
    wire.reply(images_reply())

    with collect_calls() as calls:
        result = artist(wire, delays).draw(draw_request(shot="wide"))

    assert result.image.size == (800, 640)
    assert result.meta == {
        "provider": "openai",
        "model": "gpt-image-1",
        "size": "1536x1024",
        "seed": None,
        "endpoint": "generations",
    }
    (sent,) = wire.received
    assert sent.path == "/v1/images/generations"
    assert sent.headers["authorization"] == f"Bearer {KEY}"
    body = sent.json()
    assert body["model"] == "gpt-image-1"
    assert body["n"] == 1
    assert body["size"] == "1536x1024"
    assert "response_format" not in body  # gpt-image models always answer in base64
    assert "Mina: A wiry teenage courier with a red scarf" in body["prompt"]
    assert body["prompt"].endswith("no text, no speech bubbles, no lettering.")
    assert [(c.provider, c.kind, c.outcome, c.usage) for c in calls] == [
        ("openai", "image", "ok", {"images": 1, "input_tokens": 120, "output_tokens": 4160})
    ]


def test_a_square_panel_asks_for_a_square_image(wire, delays):
    wire.reply(images_reply(1024, 1024))

    artist(wire, delays).draw(draw_request(shot="close_up"))

    assert wire.received[0].json()["size"] == "1024x1024"


def test_dall_e_3_is_asked_for_b64_json_at_its_own_sizes(wire, delays):
    wire.reply(images_reply(1792, 1024, revised_prompt="A courier on a rooftop at dawn"))

    result = artist(wire, delays, model="dall-e-3").draw(draw_request(shot="extreme_wide"))

    body = wire.received[0].json()
    assert body["response_format"] == "b64_json"
    assert body["size"] == "1792x1024"
    assert result.meta["revised_prompt"] == "A courier on a rooftop at dawn"
    assert result.image.size == (800, 520)


def test_a_content_policy_violation_refuses_only_this_panel(wire, delays):
    wire.reply(openai_error(400, "Your request was rejected by our safety system.", code="content_policy_violation"))

    with pytest.raises(ProviderContentRefused) as raised:
        artist(wire, delays).draw(draw_request())

    assert str(raised.value) == "OpenAI refused this content: Your request was rejected by our safety system."
    assert len(wire.received) == 1


def test_a_429_is_retried_after_the_seconds_the_server_asked_for(wire, delays):
    wire.reply(openai_error(429, "Rate limit reached for images", code="rate_limit_exceeded", **{"retry-after": "1"}))
    wire.reply(images_reply())

    artist(wire, delays).draw(draw_request())

    assert delays == [1.0]
    assert len(wire.received) == 2


def test_500s_until_the_retries_run_out_fail_as_transient(wire, delays):
    wire.reply(*[openai_error(503, "The engine is currently overloaded") for _ in range(3)])

    with pytest.raises(ProviderTransientError) as raised:
        artist(wire, delays).draw(draw_request())

    assert raised.value.status == 503
    assert len(wire.received) == 3


def test_a_server_slower_than_the_timeout_is_a_transient_failure(wire, delays):
    wire.reply(Reply(200, {}, delay=1.0))

    with pytest.raises(ProviderTransientError, match=r"OpenAI did not answer within 0\.2 s"):
        artist(wire, delays, timeout=0.2, max_retries=0).draw(draw_request())


def test_a_rejected_key_fails_at_once_without_retry(wire, delays):
    wire.reply(openai_error(401, f"Incorrect API key provided: {KEY}", code="invalid_api_key"))

    with pytest.raises(ProviderAuthError) as raised:
        artist(wire, delays).draw(draw_request())

    assert str(raised.value) == "The OpenAI key was rejected (HTTP 401); check OPENAI_API_KEY."
    assert len(wire.received) == 1
