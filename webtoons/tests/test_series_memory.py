"""Episodes that remember: a finished episode is recapped into the series memory, and the next
episode is planned from it (recurring cast with their looks, "Previously…")."""

import pytest

from projects.models import SeriesMemory
from projects.tests.factories import ProjectFactory
from sketchdojo.engine.planner import LocalStoryPlanner
from sketchdojo.engine.providers import ProviderError
from sketchdojo.engine.script import Script
from sketchdojo.engine.series import RecapRequest, recap_offline
from tasks.models import TaskStatus
from webtoons.services import GenerationRequest, webtoon_generate

pytestmark = pytest.mark.django_db

EPISODE_ONE = (
    'Mina finds a glowing map in the old library. Her cat Biscuit knocks over a lamp. "We follow it," Mina says.'
)
EPISODE_TWO = "The map leads to a dark forest. A storm breaks over the trees."


def _generate(user, project, prompt, capture, panel_count=3):
    request = GenerationRequest(story_prompt=prompt, panel_count=panel_count, style="webtoon")
    with capture(execute=True):
        task = webtoon_generate(user=user, project=project, request=request)
    task.refresh_from_db()
    assert task.status == TaskStatus.COMPLETED, task.error_message
    webtoon = task.webtoon
    webtoon.refresh_from_db()
    return webtoon


@pytest.fixture
def series(user):
    return ProjectFactory(user=user, title="The Glowing Map", story_outline="")


def test_a_completed_episode_is_recapped_into_the_series_memory(
    user, series, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    episode = _generate(user, series, EPISODE_ONE, django_capture_on_commit_callbacks)

    memory = SeriesMemory.objects.get(project=series)
    expected = recap_offline(RecapRequest(script=Script.model_validate(episode.script), episode_number=1))
    assert memory.episodes == [{"episode_number": 1, "title": episode.title, "summary": expected.summary}]
    assert memory.episodes[0]["summary"].startswith("Mina finds a glowing map in the old library.")
    assert memory.characters == [c.model_dump(mode="json") for c in expected.characters]
    assert {c["name"] for c in memory.characters} == {"Mina", "Biscuit"}


def test_the_next_episode_is_planned_from_the_memory_with_the_recurring_cast(
    user, series, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    first = _generate(user, series, EPISODE_ONE, django_capture_on_commit_callbacks)
    second = _generate(user, series, EPISODE_TWO, django_capture_on_commit_callbacks)

    assert (first.episode_number, second.episode_number) == (1, 2)
    summary = SeriesMemory.objects.get(project=series).episodes[0]["summary"]
    opening = second.panels.get(sequence_number=1).speech_bubbles[0]
    assert opening["style"] == "narration"
    assert opening["text"].startswith("Previously… Mina finds a glowing map")
    assert opening["text"][len("Previously… ") :] in summary
    looks = {c["name"]: c for c in first.script["characters"]}
    recurring = {c["name"]: c for c in second.script["characters"]}
    assert set(looks) <= set(recurring)
    for name, look in looks.items():
        for field in ("palette", "seed", "description", "hair_style", "outfit", "kind"):
            assert recurring[name][field] == look[field], (name, field)
    drawn = {c["name"] for p in second.panels.all() for c in p.characters_present}
    assert "Mina" in drawn
    assert [e["episode_number"] for e in SeriesMemory.objects.get(project=series).episodes] == [1, 2]


def test_the_planner_is_given_the_episode_number_memory_and_cast(
    user, series, eager_celery, image_provider, django_capture_on_commit_callbacks, monkeypatch
):
    _generate(user, series, EPISODE_ONE, django_capture_on_commit_callbacks)
    seen = []

    class Recording(LocalStoryPlanner):
        def plan(self, request):
            seen.append(request.series)
            return super().plan(request)

    monkeypatch.setattr("webtoons.generation.steps.get_llm_provider", Recording)
    _generate(user, series, EPISODE_TWO, django_capture_on_commit_callbacks)

    (context,) = seen
    assert context.episode_number == 2
    assert [e.episode_number for e in context.memory.episodes] == [1]
    assert [c.name for c in context.cast] == ["Mina", "Biscuit"]


def test_a_failing_llm_recap_falls_back_to_the_script(
    user, series, eager_celery, image_provider, django_capture_on_commit_callbacks, monkeypatch
):
    class Refusing(LocalStoryPlanner):
        def recap(self, request):
            raise ProviderError("The model is down.", provider="test")

    monkeypatch.setattr("webtoons.generation.memory.get_llm_provider", Refusing)
    episode = _generate(user, series, EPISODE_ONE, django_capture_on_commit_callbacks)

    expected = recap_offline(RecapRequest(script=Script.model_validate(episode.script), episode_number=1))
    assert SeriesMemory.objects.get(project=series).episodes[0]["summary"] == expected.summary
