"""Malformed planner output through the pipeline: one repair round on every LLM provider, then a clear failure.

The planner is the OpenAI chat or Anthropic messages API on a local server; the answers are not JSON,
truncated JSON, or JSON that fails the script schema.
"""

from __future__ import annotations

import json
from collections import deque

import pytest

from projects.tests.factories import CharacterFactory, ProjectFactory
from sketchdojo.engine.providers.tests.samples import script_payload
from sketchdojo.engine.providers.tests.test_anthropic_llm import message
from sketchdojo.engine.providers.tests.test_openai_llm import completion
from sketchdojo.engine.providers.tests.wire import Reply, WireServer
from tasks.models import TaskStatus
from tasks.tests.fixtures import GUIDE_PROMPT
from webtoons.services import GenerationRequest, webtoon_generate

pytestmark = pytest.mark.django_db

PANELS = 2
GOOD = script_payload(PANELS)
TRUNCATED = json.dumps(GOOD)[:120]
SCHEMA_FAIL = {**GOOD, "panels": [{**GOOD["panels"][0], "shot": "fisheye"}, GOOD["panels"][1]]}


def openai_answer(kind: str) -> Reply:
    if kind == "not json":
        return Reply(200, "<html>502 from a proxy</html>", headers={"Content-Type": "application/json"})
    if kind == "truncated":
        return completion(TRUNCATED)
    if kind == "schema":
        return completion(json.dumps(SCHEMA_FAIL))
    return completion(json.dumps(GOOD))


def anthropic_answer(kind: str) -> Reply:
    if kind == "not json":
        return Reply(200, '{"id": "msg_01", "type": "mess', headers={"Content-Type": "application/json"})
    if kind == "truncated":
        return message(None, stop_reason="max_tokens", text=TRUNCATED)
    if kind == "schema":
        return message(SCHEMA_FAIL)
    return message(GOOD)


PROBLEMS = {
    ("openai", "not json"): "the response body was not valid JSON (truncated or not JSON at all)",
    ("openai", "truncated"): "the answer is not valid JSON (Unterminated string starting at)",
    ("anthropic", "not json"): "the response body was not valid JSON (truncated or not JSON at all)",
    (
        "anthropic",
        "truncated",
    ): "the answer was cut off at the output token limit; write shorter descriptions and dialogue",
    **{
        (
            llm,
            "schema",
        ): "panels.0.shot: Input should be 'extreme_wide', 'wide', 'medium', 'close_up' or 'extreme_close_up'"
        for llm in ("openai", "anthropic")
    },
}
ANSWERS = {"openai": (openai_answer, "OpenAI"), "anthropic": (anthropic_answer, "Anthropic")}


@pytest.fixture
def planner_server(settings):
    wire = WireServer().start()
    settings.OPENAI_BASE_URL = f"{wire.url}/v1"
    settings.OPENAI_API_KEY = "sk-openai-test"
    settings.ANTHROPIC_BASE_URL = wire.url
    settings.ANTHROPIC_API_KEY = "sk-ant-test"
    settings.PROVIDER_MAX_RETRIES = 1
    settings.TASK_RETRY_BACKOFF_SECONDS = 0.001
    yield wire
    wire.stop()


def _generate(settings, planner_server, user, llm, kinds, image_provider, capture):
    settings.LLM_PROVIDER = llm
    answer, _label = ANSWERS[llm]
    queue = deque(answer(kind) for kind in kinds)
    planner_server.responder = lambda received: queue.popleft()
    project = ProjectFactory(user=user)
    CharacterFactory(project=project, name="Mina")
    request = GenerationRequest(story_prompt=GUIDE_PROMPT, panel_count=PANELS, style="webtoon")
    with capture(execute=True):
        task = webtoon_generate(user=user, project=project, request=request)
    task.refresh_from_db()
    return task


@pytest.mark.parametrize("kind", ["not json", "truncated", "schema"])
@pytest.mark.parametrize("llm", list(ANSWERS))
def test_one_malformed_answer_is_repaired_and_the_webtoon_completes(
    llm, kind, settings, planner_server, user, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    task = _generate(
        settings, planner_server, user, llm, [kind, "good"], image_provider, django_capture_on_commit_callbacks
    )

    assert task.status == TaskStatus.COMPLETED, task.error_message
    assert len(_planning_calls(planner_server)) == 2
    assert [c["outcome"] for c in task.provider_calls if c["kind"] == "llm"] == ["malformed", "ok"]


@pytest.mark.parametrize("kind", ["not json", "truncated", "schema"])
@pytest.mark.parametrize("llm", list(ANSWERS))
def test_a_second_malformed_answer_fails_the_task_naming_the_provider_and_the_problem(
    llm, kind, settings, planner_server, user, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    task = _generate(
        settings, planner_server, user, llm, [kind, kind], image_provider, django_capture_on_commit_callbacks
    )

    _answer, label = ANSWERS[llm]
    assert task.status == TaskStatus.FAILED
    assert task.error_message.startswith(f"The story could not be planned: {label} (")
    assert "did not return a valid script after a repair attempt: " in task.error_message
    assert "internal error" not in task.error_message
    assert task.error_message.endswith(PROBLEMS[llm, kind])
    assert len(_planning_calls(planner_server)) == 2
    assert image_provider.calls == 0


def _planning_calls(server) -> list:
    """The planner's requests, without the episode recap a completed generation asks for afterwards."""
    return [r for r in server.received if b"RecapAnswer" not in r.body]
