"""Issue 14 at the provider layer: canonical looks word for word, reference images on the wire, seeds,
one retry cap per panel, the repair round for unreadable bodies, and the local GPU servers."""

from __future__ import annotations

import base64
import email.parser
import email.policy
import json
from dataclasses import replace

import pytest

from sketchdojo.engine.providers.automatic1111 import Automatic1111Artist, sd_size
from sketchdojo.engine.providers.base import (
    ProviderError,
    ProviderMalformedOutput,
    ProviderTransientError,
    ReferenceImage,
)
from sketchdojo.engine.providers.calls import collect_calls
from sketchdojo.engine.providers.comfyui import ComfyUIArtist, fill_template
from sketchdojo.engine.providers.prompts import (
    canonical_look,
    character_seed,
    derive_panel_seed,
    image_prompt,
)
from sketchdojo.engine.providers.registry import get_image_provider
from sketchdojo.engine.providers.tests.samples import draw_request, png_bytes, quick_options, script_payload
from sketchdojo.engine.providers.tests.test_anthropic_llm import message
from sketchdojo.engine.providers.tests.test_anthropic_llm import planner as anthropic_planner
from sketchdojo.engine.providers.tests.test_openai_images import artist as openai_artist
from sketchdojo.engine.providers.tests.test_openai_images import images_reply
from sketchdojo.engine.providers.tests.test_openai_llm import completion
from sketchdojo.engine.providers.tests.test_openai_llm import planner as openai_planner
from sketchdojo.engine.providers.tests.test_stability import artist as stability_artist
from sketchdojo.engine.providers.tests.test_stability import image_reply as stability_reply
from sketchdojo.engine.providers.tests.wire import Received, Reply

LOOK = "silver spiky hair, electric blue eyes, a scar over the left brow, long black coat"
REFERENCE = ReferenceImage(data=png_bytes(64, 64), mime="image/png", filename="mina.png")


def looked(**kwargs):
    """The sample panel (Mina present), with Mina's stored look and, optionally, her reference image."""
    request = draw_request(**kwargs)
    return replace(request, looks={"Mina": LOOK})


def referenced(**kwargs):
    return replace(looked(**kwargs), references={"Mina": (REFERENCE,)})


def parts(received: Received) -> list[tuple[str, str | None, bytes]]:
    """Every multipart part as (field name, filename, raw bytes), repeated names kept."""
    raw = f"Content-Type: {received.headers['content-type']}\r\n\r\n".encode() + received.body
    message_ = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
    return [
        (
            part.get_param("name", header="content-disposition"),
            part.get_filename(),
            part.get_payload(decode=True),
        )
        for part in message_.iter_parts()
    ]


# --- prompts and seeds ---------------------------------------------------------------------------


def test_the_stored_look_reaches_the_prompt_word_for_word_and_nothing_is_rebuilt_from_the_palette():
    prompt = image_prompt(looked())

    assert f"Mina: {LOOK}; determined expression, running, left of the frame" in prompt
    assert "A wiry teenage courier" not in prompt  # the LLM's description loses to the stored look
    assert " build" not in prompt and "outfit with" not in prompt


def test_every_panel_carries_the_same_look_text():
    first = image_prompt(looked(shot="wide"))
    second = image_prompt(looked(shot="close_up", style="manga"))

    assert first.count(LOOK) == second.count(LOOK) == 1


def test_a_canonical_look_is_the_description_then_the_appearance_fields_as_written():
    look = canonical_look(
        "A tall courier.", {"hair": "silver spiky", "eyes": "electric blue", "marks": ["scar", "tattoo"]}
    )

    assert look == "A tall courier; eyes: electric blue; hair: silver spiky; marks: scar, tattoo"
    assert canonical_look("", {}) == ""


def test_seeds_are_deterministic_and_differ_by_panel_and_cast():
    mina, jun = character_seed(7), character_seed(8)

    assert mina == character_seed(7)
    assert mina != jun
    assert 0 <= mina <= 4294967295
    assert derive_panel_seed([mina, jun], 3) == derive_panel_seed([jun, mina], 3)
    assert derive_panel_seed([mina, jun], 3) != derive_panel_seed([mina, jun], 4)
    assert derive_panel_seed([mina], 3) != derive_panel_seed([jun], 3)
    assert derive_panel_seed([], 3, base=1) != derive_panel_seed([], 3, base=2)
    assert len({derive_panel_seed([mina], n) for n in range(1, 7)}) == 6


# --- OpenAI Images -------------------------------------------------------------------------------


def test_openai_without_reference_uses_generations_with_the_look(wire, delays):
    wire.reply(images_reply())

    result = openai_artist(wire, delays).draw(looked())

    (sent,) = wire.received
    assert sent.path == "/v1/images/generations"
    assert LOOK in sent.json()["prompt"]
    assert result.meta["endpoint"] == "generations"


def test_openai_with_a_reference_sends_its_bytes_to_edits_as_image_parts(wire, delays):
    wire.reply(images_reply())

    result = openai_artist(wire, delays).draw(referenced())

    (sent,) = wire.received
    assert sent.path == "/v1/images/edits"
    sent_parts = parts(sent)
    images = [(name, filename, data) for name, filename, data in sent_parts if name == "image[]"]
    assert images == [("image[]", "mina.png", REFERENCE.data)]
    fields = {name: data.decode() for name, filename, data in sent_parts if filename is None}
    assert LOOK in fields["prompt"]
    assert fields["model"] == "gpt-image-1"
    assert result.meta["endpoint"] == "edits"


# --- Stability -----------------------------------------------------------------------------------


def test_stability_with_a_reference_uses_sd3_image_to_image_with_its_bytes(wire, delays):
    wire.reply(stability_reply())

    result = stability_artist(wire, delays).draw(referenced())

    (sent,) = wire.received
    assert sent.path == "/v2beta/stable-image/generate/sd3"
    sent_parts = parts(sent)
    assert ("image", "mina.png", REFERENCE.data) in sent_parts
    fields = {name: data.decode() for name, filename, data in sent_parts if filename is None}
    assert fields["mode"] == "image-to-image"
    assert fields["strength"] == "0.65"
    assert fields["model"] == "sd3.5-large"
    assert fields["seed"] == "31"
    assert LOOK in fields["prompt"]
    assert "aspect_ratio" not in fields  # not accepted in image-to-image mode
    assert result.meta["mode"] == "image-to-image"


def test_stability_without_a_reference_sends_the_look_and_the_panel_seed(wire, delays):
    wire.reply(stability_reply())

    stability_artist(wire, delays).draw(looked())

    form = wire.received[0].form()
    assert LOOK in form["prompt"]
    assert form["seed"] == "31"


# --- AUTOMATIC1111 -------------------------------------------------------------------------------


def a1111(wire, delays, **overrides) -> Automatic1111Artist:
    return Automatic1111Artist(**{**quick_options(delays), "base_url": wire.url, **overrides})


def a1111_reply() -> Reply:
    return Reply(200, {"images": [base64.b64encode(png_bytes(1024, 1024)).decode()], "parameters": {}, "info": "{}"})


def test_a1111_txt2img_gets_prompt_negative_seed_and_size(wire, delays):
    wire.reply(a1111_reply())

    result = a1111(wire, delays).draw(looked())

    (sent,) = wire.received
    assert sent.path == "/sdapi/v1/txt2img"
    body = sent.json()
    assert LOOK in body["prompt"]
    assert "speech bubbles" in body["negative_prompt"]
    assert (body["seed"], body["width"], body["height"]) == (31, 1024, 1024)
    assert "init_images" not in body
    assert result.image.size == (800, 800)
    assert result.meta == {"provider": "automatic1111", "model": "default", "seed": 31, "endpoint": "txt2img"}


def test_a1111_img2img_gets_the_reference_bytes_as_base64_init_image(wire, delays):
    wire.reply(a1111_reply())

    a1111(wire, delays).draw(referenced())

    (sent,) = wire.received
    assert sent.path == "/sdapi/v1/img2img"
    body = sent.json()
    assert base64.b64decode(body["init_images"][0]) == REFERENCE.data
    assert body["denoising_strength"] == 0.6
    assert LOOK in body["prompt"]


def test_a1111_sizes_keep_the_panel_shape_in_multiples_of_8():
    assert sd_size(800, 640) == (1024, 816)
    assert sd_size(800, 1200) == (680, 1024)


# --- ComfyUI -------------------------------------------------------------------------------------


def comfy(wire, delays, **overrides) -> ComfyUIArtist:
    return ComfyUIArtist(**{**quick_options(delays), "base_url": wire.url, "poll_seconds": 0, **overrides})


def test_comfyui_queues_the_template_polls_history_and_fetches_the_image(wire, delays):
    output = {"filename": "sketchdojo_00001_.png", "subfolder": "", "type": "output"}
    wire.reply(
        Reply(200, {"prompt_id": "p-1", "number": 0, "node_errors": {}}),
        Reply(200, {}),  # still running
        Reply(200, {"p-1": {"outputs": {"9": {"images": [output]}}, "status": {"completed": True}}}),
        Reply(200, png_bytes(1024, 1024)),
    )

    result = comfy(wire, delays).draw(looked())

    queued, running, done, view = wire.received
    assert (queued.method, queued.path) == ("POST", "/prompt")
    workflow = queued.json()["prompt"]
    assert LOOK in workflow["6"]["inputs"]["text"]
    assert "speech bubbles" in workflow["7"]["inputs"]["text"]
    assert workflow["3"]["inputs"]["seed"] == 31
    assert (workflow["5"]["inputs"]["width"], workflow["5"]["inputs"]["height"]) == (800, 800)
    assert workflow["4"]["inputs"]["ckpt_name"] == "sd_xl_base_1.0.safetensors"
    assert running.path == done.path == "/history/p-1"
    assert view.path == "/view?filename=sketchdojo_00001_.png&subfolder=&type=output"
    assert result.image.size == (800, 800)
    assert result.meta["workflow"] == "comfyui_txt2img.json"


def test_comfyui_uploads_the_reference_and_the_img2img_template_loads_it(wire, delays):
    output = {"filename": "out.png", "subfolder": "", "type": "output"}
    wire.reply(
        Reply(200, {"name": "mina.png", "subfolder": "", "type": "input"}),
        Reply(200, {"prompt_id": "p-2"}),
        Reply(200, {"p-2": {"outputs": {"9": {"images": [output]}}}}),
        Reply(200, png_bytes(512, 512)),
    )

    comfy(wire, delays).draw(referenced())

    upload, queued, _history, _view = wire.received
    assert upload.path == "/upload/image"
    assert ("image", "mina.png", REFERENCE.data) in parts(upload)
    workflow = queued.json()["prompt"]
    assert workflow["10"]["inputs"]["image"] == "mina.png"
    assert workflow["3"]["inputs"]["denoise"] == 0.6
    assert LOOK in workflow["6"]["inputs"]["text"]


def test_a_user_template_file_replaces_the_default(wire, delays, tmp_path):
    template = tmp_path / "mine.json"
    template.write_text(
        json.dumps({"1": {"class_type": "Mine", "inputs": {"text": "style X, {{prompt}}", "s": "{{seed}}"}}})
    )
    wire.reply(
        Reply(200, {"prompt_id": "p-3"}),
        Reply(200, {"p-3": {"outputs": {"1": {"images": [{"filename": "a.png"}]}}}}),
        Reply(200, png_bytes(64, 64)),
    )

    comfy(wire, delays, workflow=template).draw(looked())

    workflow = wire.received[0].json()["prompt"]
    assert workflow["1"]["inputs"]["s"] == 31
    assert workflow["1"]["inputs"]["text"].startswith("style X, ")
    assert LOOK in workflow["1"]["inputs"]["text"]


def test_an_unknown_placeholder_is_a_clear_error():
    with pytest.raises(ProviderError, match=r"uses \{\{lora\}\}, which SketchDojo does not fill"):
        fill_template({"a": "{{lora}}"}, {"prompt": "x"})


def test_the_local_gpu_servers_are_registered():
    assert isinstance(get_image_provider("comfyui"), ComfyUIArtist)
    assert isinstance(get_image_provider("automatic1111"), Automatic1111Artist)


# --- one retry layer, one cap --------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda wire, delays: openai_artist(wire, delays),
        lambda wire, delays: stability_artist(wire, delays),
        lambda wire, delays: a1111(wire, delays),
        lambda wire, delays: comfy(wire, delays),
    ],
    ids=["openai", "stability", "automatic1111", "comfyui"],
)
def test_a_failing_panel_makes_at_most_max_retries_plus_one_calls(wire, delays, make):
    wire.reply(*[Reply(500, {"error": {"message": "boom"}}) for _ in range(10)])

    with collect_calls() as calls, pytest.raises(ProviderTransientError) as failure:
        make(wire, delays).draw(looked())

    assert len(wire.received) == 3  # quick_options: max_retries=2
    assert failure.value.attempts == 3
    assert failure.value.retries_exhausted
    assert [c.attempt for c in calls] == [1, 2, 3]
    assert len(delays) == 2


def test_retry_after_is_honoured_on_the_local_servers(wire, delays):
    wire.reply(Reply(503, "busy", headers={"Retry-After": "7"}), a1111_reply())

    a1111(wire, delays).draw(looked())

    assert delays == [7.0]


# --- the one repair round on unreadable bodies ---------------------------------------------------


def test_openai_an_unreadable_json_body_gets_the_repair_round(wire, delays, plan_request):
    broken = Reply(200, b'{"id": "chatcmpl-1", "choices": [', headers={"Content-Type": "application/json"})
    wire.reply(broken, completion(json.dumps(script_payload(3))))

    script = openai_planner(wire, delays).plan(plan_request)

    assert len(script.panels) == 3
    assert len(wire.received) == 2


def test_openai_two_unreadable_bodies_fail_naming_the_provider_and_the_problem(wire, delays, plan_request):
    broken = Reply(200, b"<html>oops", headers={"Content-Type": "application/json"})
    wire.reply(broken, broken)

    with pytest.raises(ProviderMalformedOutput) as failure:
        openai_planner(wire, delays).plan(plan_request)

    assert str(failure.value).startswith("OpenAI (gpt-4o-mini) did not return a valid script after a repair attempt")
    assert "not valid JSON" in str(failure.value)
    assert "JSONDecodeError" not in str(failure.value)
    assert len(wire.received) == 2


def test_anthropic_an_unreadable_body_gets_the_repair_round(wire, delays, plan_request):
    wire.reply(Reply(200, b'{"content": [', headers={"Content-Type": "application/json"}), message(script_payload(3)))

    script = anthropic_planner(wire, delays).plan(plan_request)

    assert len(script.panels) == 3
    assert len(wire.received) == 2


def test_anthropic_two_unreadable_bodies_fail_naming_the_provider(wire, delays, plan_request):
    broken = Reply(200, b"not json", headers={"Content-Type": "application/json"})
    wire.reply(broken, broken)

    with pytest.raises(ProviderMalformedOutput, match=r"^Anthropic .*after a repair attempt: .*not valid JSON"):
        anthropic_planner(wire, delays).plan(plan_request)


def test_no_limiter_slot_is_held_while_the_backoff_sleeps(wire):
    """With one slot, another call can take it during the pause: the slot was released before sleeping."""
    slot_free_during_sleep: list[bool] = []

    def sleep(seconds: float) -> None:
        got = artist.limiter._semaphore.acquire(blocking=False)
        slot_free_during_sleep.append(got)
        if got:
            artist.limiter._semaphore.release()

    artist = a1111(wire, [], concurrency=1, sleep=sleep)
    artist.limiter = type(artist.limiter)("test:a1111-sleep", 1)
    wire.reply(Reply(503, "busy"), Reply(503, "busy"), a1111_reply())

    artist.draw(looked())

    assert slot_free_during_sleep == [True, True]
    assert len(wire.received) == 3


def test_a_character_without_any_look_text_gets_no_empty_look():
    request = draw_request()
    mina = request.script.character("Mina")
    script = request.script.model_copy(
        update={
            "characters": [
                c if c.name != "Mina" else mina.model_copy(update={"description": ""})
                for c in request.script.characters
            ]
        }
    )

    prompt = image_prompt(replace(request, script=script))

    assert "Mina: determined expression, running, left of the frame" in prompt
