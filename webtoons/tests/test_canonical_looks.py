"""Issue 14 through the whole pipeline: characters stay themselves with real providers.

A project with a stored character (look, appearance, reference image) is generated end to end with
Celery run eagerly, against one local server speaking each provider's wire format (OpenAI chat and
images incl. edits, Anthropic messages, Stability, AUTOMATIC1111, ComfyUI). The planner answers with
its own, wrong, description of the character; every panel request must still carry the project's
look word for word, the reference image's bytes where the provider takes images, and the panel seed
derived from the characters in it and its number.
"""

from __future__ import annotations

import base64
import email.parser
import email.policy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from characters.services import character_create
from panels import services as panels_services
from panels.looks import panel_row_seed
from panels.models import Panel
from panels.scripting import script_cast
from panels.services import panel_create
from projects.tests.factories import ProjectFactory
from sketchdojo.engine.providers import derive_panel_seed
from sketchdojo.engine.providers.tests.samples import png_bytes, script_payload
from sketchdojo.engine.providers.tests.test_anthropic_llm import message
from sketchdojo.engine.providers.tests.test_openai_images import images_reply
from sketchdojo.engine.providers.tests.test_openai_llm import completion
from sketchdojo.engine.providers.tests.test_stability import image_reply as stability_reply
from sketchdojo.engine.providers.tests.wire import Received, Reply, WireServer
from tasks.models import Task, TaskStatus, TaskType
from tasks.tests.fixtures import GUIDE_PROMPT
from webtoons.services import GenerationRequest, webtoon_generate

pytestmark = pytest.mark.django_db

MINA_DESCRIPTION = "silver spiky hair, electric blue eyes, long black coat"
MINA_APPEARANCE = {
    "hair_color": "silver",
    "eye_color": "electric blue",
    "distinctive_features": ["scar over the left brow"],
}
# canonical_look: the description, then the appearance fields in key order, as written.
MINA_LOOK = (
    "silver spiky hair, electric blue eyes, long black coat; distinctive features: scar over the left brow; "
    "eye color: electric blue; hair color: silver"
)
JUN_LOOK = "a tall young man in a grey hoodie with a paper lantern"
TAM_LOOK = "an old lantern seller with a white beard and a straw hat"  # invented by the planner
LLM_LOOK = "teal webtoon hair, teal eyes, teal skin, build build, teal outfit with teal accents"
REFERENCE = png_bytes(96, 128)
CASTS = [["Mina"], ["Mina", "Tam"], ["Jun"], ["Mina", "Jun"]]
POSES = {"Mina": ("left", "determined", "running"), "Jun": ("right", "surprised", "standing")}


def planner_script() -> dict:
    """The planner's answer: its own look for every character (wrong for Mina and Jun), four panels."""
    payload = script_payload(len(CASTS))
    palette = payload["characters"][0]["palette"]
    payload["characters"] = [
        {"name": "Mina", "role": "protagonist", "description": LLM_LOOK, "palette": palette, "seed": 1},
        {"name": "Jun", "role": "supporting", "description": "a boy in teal", "palette": palette, "seed": 2},
        {"name": "Tam", "role": "background", "description": TAM_LOOK, "palette": palette, "seed": 777},
    ]
    for panel, cast in zip(payload["panels"], CASTS, strict=True):
        panel["characters"] = [
            {
                "name": name,
                **dict(
                    zip(
                        ("position", "expression", "action"),
                        POSES.get(name, ("center", "happy", "waving")),
                        strict=True,
                    )
                ),
            }
            for name in cast
        ]
        panel["dialogue"] = [{"speaker": cast[0], "text": "Over here!", "style": "normal"}]
    return payload


def multipart(received: Received) -> list[tuple[str, str | None, bytes]]:
    raw = f"Content-Type: {received.headers['content-type']}\r\n\r\n".encode() + received.body
    parsed = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
    return [
        (part.get_param("name", header="content-disposition"), part.get_filename(), part.get_payload(decode=True))
        for part in parsed.iter_parts()
    ]


def answer(received: Received) -> Reply:
    """One local server for every provider: the reply each wire format expects on each path."""
    path = received.path
    if path == "/v1/chat/completions":
        return completion(json.dumps(planner_script()))
    if path == "/v1/messages":
        return message(planner_script())
    if path.startswith("/v1/images/"):
        return images_reply(1024, 1024)
    if path.startswith("/v2beta/stable-image/generate/"):
        return stability_reply()
    if path.startswith("/sdapi/v1/"):
        return Reply(200, {"images": [base64.b64encode(png_bytes(1024, 1024)).decode()], "info": "{}"})
    if path == "/upload/image":
        return Reply(200, {"name": "uploaded-ref.png", "subfolder": "", "type": "input"})
    if path == "/prompt":
        return Reply(200, {"prompt_id": "p-1", "number": 0, "node_errors": {}})
    if path.startswith("/history/"):
        output = {"filename": "out.png", "subfolder": "", "type": "output"}
        return Reply(200, {"p-1": {"outputs": {"9": {"images": [output]}}, "status": {"completed": True}}})
    if path.startswith("/view"):
        return Reply(200, png_bytes(1024, 1024), headers={"Content-Type": "image/png"})
    return Reply(404, {"error": f"no such path {path}"})


# What each image provider sent per panel: (prompt, seed or None, reference bytes sent with it).
def openai_panels(received: list[Received]) -> list[tuple[str, int | None, list[bytes]]]:
    out = []
    for r in received:
        if r.path == "/v1/images/generations":
            out.append((r.json()["prompt"], None, []))
        elif r.path == "/v1/images/edits":
            parts = multipart(r)
            prompt = next(data.decode() for name, _f, data in parts if name == "prompt")
            out.append((prompt, None, [data for name, _f, data in parts if name == "image[]"]))
    return out


def stability_panels(received: list[Received]) -> list[tuple[str, int | None, list[bytes]]]:
    out = []
    for r in received:
        if r.path.startswith("/v2beta/stable-image/generate/"):
            parts = multipart(r)
            fields = {name: data.decode() for name, filename, data in parts if filename is None}
            images = [data for name, filename, data in parts if name == "image" and filename]
            out.append((fields["prompt"], int(fields["seed"]), images))
    return out


def a1111_panels(received: list[Received]) -> list[tuple[str, int | None, list[bytes]]]:
    return [
        (body["prompt"], body["seed"], [base64.b64decode(image) for image in body.get("init_images", [])])
        for body in (r.json() for r in received if r.path.startswith("/sdapi/v1/"))
    ]


def comfyui_panels(received: list[Received]) -> list[tuple[str, int | None, list[bytes]]]:
    out, uploads = [], []
    for r in received:
        if r.path == "/upload/image":
            uploads = [data for name, filename, data in multipart(r) if name == "image" and filename]
        elif r.path == "/prompt":
            workflow = r.json()["prompt"]
            out.append((workflow["6"]["inputs"]["text"], workflow["3"]["inputs"]["seed"], uploads))
            uploads = []
    return out


PROVIDERS = {
    # image provider: (LLM provider, what one panel request carried)
    "openai": ("openai", openai_panels),
    "stability": ("anthropic", stability_panels),
    "automatic1111": ("openai", a1111_panels),
    "comfyui": ("anthropic", comfyui_panels),
}


@pytest.fixture
def server():
    wire = WireServer().start()
    wire.responder = answer
    yield wire
    wire.stop()


@pytest.fixture
def remote(settings, server):
    """Every provider pointed at the local server; quick retries."""
    settings.OPENAI_BASE_URL = f"{server.url}/v1"
    settings.OPENAI_API_KEY = "sk-openai-test"
    settings.OPENAI_IMAGE_MODEL = "gpt-image-1"
    settings.ANTHROPIC_BASE_URL = server.url
    settings.ANTHROPIC_API_KEY = "sk-ant-test"
    settings.STABILITY_API_BASE = server.url
    settings.STABILITY_API_KEY = "sk-stability-test"
    settings.STABILITY_MODEL = "core"
    settings.A1111_BASE_URL = server.url
    settings.COMFYUI_BASE_URL = server.url
    settings.COMFYUI_POLL_SECONDS = 0
    settings.PROVIDER_MAX_RETRIES = 2
    settings.TASK_RETRY_BACKOFF_SECONDS = 0.001
    return settings


@pytest.fixture
def project(user):
    project = ProjectFactory(user=user, title="Night Market")
    character_create(
        project=project,
        name="Mina",
        role="protagonist",
        description=MINA_DESCRIPTION,
        appearance=MINA_APPEARANCE,
        reference_image=SimpleUploadedFile("mina.png", REFERENCE, content_type="image/png"),
    )
    character_create(project=project, name="Jun", description=JUN_LOOK)
    return project


def generate(user, project, capture) -> Task:
    request = GenerationRequest(story_prompt=GUIDE_PROMPT, panel_count=len(CASTS), style="webtoon")
    with capture(execute=True):
        task = webtoon_generate(user=user, project=project, request=request)
    task.refresh_from_db()
    return task


@pytest.mark.parametrize("image_provider_name", list(PROVIDERS))
def test_every_panel_request_carries_the_stored_look_word_for_word_the_reference_and_the_panel_seed(
    image_provider_name, remote, server, user, project, auth_client, eager_celery, django_capture_on_commit_callbacks
):
    llm, sent_panels = PROVIDERS[image_provider_name]
    remote.LLM_PROVIDER = llm
    remote.IMAGE_PROVIDER = image_provider_name
    mina, jun = project.characters.get(name="Mina"), project.characters.get(name="Jun")

    task = generate(user, project, django_capture_on_commit_callbacks)

    assert task.status == TaskStatus.COMPLETED, task.error_message
    panels = list(Panel.objects.filter(webtoon=task.webtoon).order_by("sequence_number"))
    sent = sent_panels(server.received)
    assert len(sent) == len(CASTS)
    looks = {"Mina": MINA_LOOK, "Jun": JUN_LOOK, "Tam": TAM_LOOK}
    seeds = {"Mina": mina.seed, "Jun": jun.seed, "Tam": 777}
    for number, (cast, panel, (prompt, seed, references)) in enumerate(zip(CASTS, panels, sent, strict=True), 1):
        for name in cast:
            assert f"{name}: {looks[name]}; " in prompt, (number, name, prompt)
        assert "teal" not in prompt
        assert references == ([REFERENCE] if "Mina" in cast else [])
        assert panel.seed == derive_panel_seed([seeds[name] for name in cast], number)
        if seed is not None:
            assert seed == panel.seed
    assert len({p.seed for p in panels}) == len(panels)
    cast = {c["name"]: c for c in task.webtoon.script["characters"]}
    assert (cast["Mina"]["description"], cast["Mina"]["seed"]) == (MINA_LOOK, mina.seed)
    assert (cast["Jun"]["description"], cast["Jun"]["seed"]) == (JUN_LOOK, jun.seed)
    assert (cast["Tam"]["description"], cast["Tam"]["seed"]) == (TAM_LOOK, 777)  # stored with the webtoon

    body = auth_client.get(f"/api/v1/tasks/{task.pk}").json()
    calls = [(c["provider"], c["kind"], c["outcome"]) for c in body["provider_calls"]]
    assert calls == [(llm, "llm", "ok")] + [(image_provider_name, "image", "ok")] * len(CASTS)
    assert body["provider_calls"][0]["tokens_in"] > 0
    assert "silver" not in json.dumps(body["provider_calls"])


def test_an_invented_character_keeps_its_stored_look_on_a_redraw_and_a_redraw_takes_a_new_seed_unless_given(
    remote, server, user, project, auth_client, eager_celery, django_capture_on_commit_callbacks
):
    remote.LLM_PROVIDER = "openai"
    remote.IMAGE_PROVIDER = "stability"
    task = generate(user, project, django_capture_on_commit_callbacks)
    panel = Panel.objects.get(webtoon=task.webtoon, sequence_number=2)
    first_seed = panel.seed
    server.received.clear()

    with django_capture_on_commit_callbacks(execute=True):
        given = auth_client.post("/api/v1/panels/generate", {"panel_id": str(panel.pk), "seed": 1234}, format="json")
    with django_capture_on_commit_callbacks(execute=True):
        fresh = auth_client.post("/api/v1/panels/generate", {"panel_id": str(panel.pk)}, format="json")

    assert given.status_code == fresh.status_code == 202
    (prompt_given, seed_given, refs_given), (prompt_fresh, seed_fresh, refs_fresh) = stability_panels(server.received)
    assert seed_given == 1234
    assert seed_fresh not in (1234, first_seed)
    for prompt in (prompt_given, prompt_fresh):
        assert f"Mina: {MINA_LOOK}; " in prompt and f"Tam: {TAM_LOOK}; " in prompt
    assert refs_given == refs_fresh == [REFERENCE]
    panel.refresh_from_db()
    assert panel.seed == seed_fresh
    assert Task.objects.filter(task_type=TaskType.PANEL_GENERATION, status=TaskStatus.COMPLETED).count() == 2


@pytest.mark.parametrize(
    "failure", [Reply(500, {"error": "boom"}), Reply(429, "slow down", headers={"Retry-After": "0"})]
)
@pytest.mark.parametrize("image_provider_name", ["stability", "automatic1111"])
def test_a_failing_panel_gets_at_most_max_retries_plus_one_provider_calls_in_all(
    failure, image_provider_name, remote, server, user, project, eager_celery, django_capture_on_commit_callbacks
):
    remote.LLM_PROVIDER = "openai"
    remote.IMAGE_PROVIDER = image_provider_name
    server.responder = lambda received: failure if not received.path.startswith("/v1/chat/") else answer(received)

    task = generate(user, project, django_capture_on_commit_callbacks)

    image_calls = [r for r in server.received if not r.path.startswith("/v1/chat/")]
    attempts = remote.PROVIDER_MAX_RETRIES + 1
    assert len(image_calls) == attempts  # panel 1 fails after its budget; the task stops there
    assert task.status == TaskStatus.FAILED
    assert task.error_message.startswith(f"Panel 1 could not be drawn after {attempts} attempts: ")
    assert [c["attempts"] for c in task.provider_calls if c["kind"] == "image"] == list(range(1, attempts + 1))


def test_a_failing_planner_gets_at_most_max_retries_plus_one_calls_in_all(
    remote, server, user, project, eager_celery, django_capture_on_commit_callbacks
):
    remote.LLM_PROVIDER = "anthropic"
    remote.IMAGE_PROVIDER = "stability"
    server.responder = lambda received: Reply(529, {"type": "error", "error": {"type": "overloaded_error"}})

    task = generate(user, project, django_capture_on_commit_callbacks)

    attempts = remote.PROVIDER_MAX_RETRIES + 1
    assert len(server.received) == attempts
    assert task.status == TaskStatus.FAILED
    assert task.error_message.startswith(f"The story planner is unavailable after {attempts} attempts: Anthropic")


def test_a_remote_artist_holds_only_its_own_slot_per_attempt_never_the_pipelines_draw_slot(
    remote, server, user, project, eager_celery, django_capture_on_commit_callbacks, monkeypatch
):
    remote.LLM_PROVIDER = "openai"
    remote.IMAGE_PROVIDER = "automatic1111"
    outer_slots = []
    real_limiter_for = panels_services.limiter_for
    monkeypatch.setattr(
        panels_services, "limiter_for", lambda name, **kw: outer_slots.append(name) or real_limiter_for(name, **kw)
    )

    task = generate(user, project, django_capture_on_commit_callbacks)

    assert task.status == TaskStatus.COMPLETED, task.error_message
    assert outer_slots == []


def test_a_panel_added_by_hand_gets_its_seed_from_its_characters_and_its_number(
    remote, server, user, project, eager_celery, django_capture_on_commit_callbacks
):
    remote.LLM_PROVIDER = "openai"
    remote.IMAGE_PROVIDER = "stability"
    task = generate(user, project, django_capture_on_commit_callbacks)
    added = panel_create(webtoon=task.webtoon, characters_present=[{"name": "Mina"}, {"name": "Tam"}])

    seed = panel_row_seed(added, cast=script_cast(task.webtoon), base=99)

    mina = project.characters.get(name="Mina")
    assert added.seed is None and added.sequence_number == len(CASTS) + 1
    assert seed == derive_panel_seed([mina.seed, 777], len(CASTS) + 1)
