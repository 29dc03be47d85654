"""Providers chosen by settings carry a whole run: an OpenAI-compatible planner and Stability AI, on local servers."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from sketchdojo.engine.providers.base import CharacterBrief
from sketchdojo.engine.providers.calls import collect_calls
from sketchdojo.engine.providers.tests.samples import png_bytes, script_payload
from sketchdojo.engine.providers.tests.test_openai_llm import completion
from sketchdojo.engine.providers.tests.wire import Reply, WireServer
from sketchdojo.engine.run import generate_webtoon_locally


@pytest.fixture
def image_wire():
    server = WireServer().start()
    yield server
    server.stop()


def test_a_webtoon_is_planned_and_drawn_by_the_providers_named_in_settings(settings, wire, image_wire, plan_request):
    settings.LLM_PROVIDER = "openai"
    settings.OPENAI_BASE_URL = f"{wire.url}/v1"
    settings.OPENAI_API_KEY = ""
    settings.OPENAI_MODEL = "llama3.1"
    settings.IMAGE_PROVIDER = "stability"
    settings.STABILITY_API_BASE = image_wire.url
    settings.STABILITY_API_KEY = "sk-stability-e2e"
    settings.STABILITY_MODEL = "core"
    wire.reply(completion(json.dumps(script_payload(3))))
    image_wire.reply(*[Reply(200, png_bytes(), headers={"Content-Type": "image/png", "seed": "1"}) for _ in range(3)])

    webtoon = generate_webtoon_locally(request=plan_request, concurrency=2)

    assert webtoon.script.title == "The Lantern Thief"
    assert [image.size for image in webtoon.lettered_panels] == [(800, 640), (800, 800), (800, 800)]
    assert webtoon.strip.width == 800
    assert wire.received[0].json()["model"] == "llama3.1"
    assert [r.path for r in image_wire.received] == ["/v2beta/stable-image/generate/core"] * 3
    assert wire.received[0].headers["authorization"] == "Bearer not-needed"
    assert {r.headers["authorization"] for r in image_wire.received} == {"Bearer sk-stability-e2e"}


def test_the_calls_of_panels_drawn_in_parallel_are_collected_around_the_run(settings, wire, image_wire, plan_request):
    settings.LLM_PROVIDER = "openai"
    settings.OPENAI_BASE_URL = f"{wire.url}/v1"
    settings.OPENAI_API_KEY = ""
    settings.IMAGE_PROVIDER = "stability"
    settings.STABILITY_API_BASE = image_wire.url
    settings.STABILITY_API_KEY = "sk-stability-e2e"
    settings.STABILITY_MODEL = "core"
    settings.REDIS_URL = ""
    wire.reply(completion(json.dumps(script_payload(3))))
    image_wire.reply(*[Reply(200, png_bytes(), headers={"Content-Type": "image/png", "seed": "1"}) for _ in range(3)])

    with collect_calls() as calls:
        generate_webtoon_locally(request=plan_request, concurrency=2)

    assert [(c.provider, c.kind, c.outcome) for c in calls] == [
        ("openai", "llm", "ok"),
        ("stability", "image", "ok"),
        ("stability", "image", "ok"),
        ("stability", "image", "ok"),
    ]


def test_the_shell_path_draws_the_given_characters_look_word_for_word_not_the_planners(
    settings, wire, image_wire, plan_request
):
    settings.LLM_PROVIDER = "openai"
    settings.OPENAI_BASE_URL = f"{wire.url}/v1"
    settings.OPENAI_API_KEY = ""
    settings.IMAGE_PROVIDER = "stability"
    settings.STABILITY_API_BASE = image_wire.url
    settings.STABILITY_API_KEY = "sk-stability-e2e"
    settings.STABILITY_MODEL = "core"
    settings.REDIS_URL = ""
    payload = script_payload(3)
    payload["characters"][0]["description"] = "teal webtoon hair, teal eyes, teal outfit with teal accents"
    wire.reply(completion(json.dumps(payload)))
    image_wire.reply(*[Reply(200, png_bytes(), headers={"Content-Type": "image/png", "seed": "1"}) for _ in range(3)])
    request = replace(
        plan_request,
        characters=(
            CharacterBrief(name="mina", description="Silver spiky hair.", appearance={"eye_color": "electric blue"}),
        ),
    )

    generate_webtoon_locally(request=request, concurrency=1)

    prompts = [received.form()["prompt"] for received in image_wire.received]
    assert len(prompts) == 3
    assert all("Mina: Silver spiky hair; eye color: electric blue; determined expression" in p for p in prompts)
    assert not any("teal" in p for p in prompts)
