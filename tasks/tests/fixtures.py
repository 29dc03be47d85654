"""Fixtures for the pipeline apps' tests (webtoons, panels, tasks), imported by their conftest files.

`eager_celery` runs the Celery tasks inline (queued after commit: wrap the call in
`django_capture_on_commit_callbacks(execute=True)`). `image_provider` swaps the registry's image
provider for a scripted one (test-only) that draws with the offline artist after raising the
errors a test asks for, and counts calls.
"""

from __future__ import annotations

import pytest

GUIDE_PROMPT = "Alex discovers his lightning powers during a storm and must save his village from shadow monsters"
GUIDE_GENERATE_BODY = {
    "story_prompt": GUIDE_PROMPT,
    "character_descriptions": ["Young mage with silver hair and lightning powers"],
    "style_preferences": {"style": "webtoon", "quality": "high", "color_scheme": "vibrant"},
    "panel_count": 6,
    "auto_generate_panels": True,
}


@pytest.fixture
def eager_celery():
    from config.celery import app

    previous = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = True
    # Celery's eager retry needs the Retry to reach apply(); errors show in the asserted state.
    app.conf.task_eager_propagates = False
    yield app
    app.conf.task_always_eager, app.conf.task_eager_propagates = previous


class ScriptedImageProvider:
    """Wraps the offline artist: raises the queued errors first (one per call), then draws for real."""

    def __init__(self, errors_by_call=None, *, name="scripted"):
        from sketchdojo.engine.providers import get_image_provider

        self.inner = get_image_provider("local")
        self.name = name
        self.max_concurrency = 8
        self.errors = list(errors_by_call or [])
        self.refuse_descriptions: set[str] = set()
        self.calls = 0
        self.on_draw = None

    def draw(self, request):
        self.calls += 1
        if self.on_draw is not None:
            self.on_draw(request)
        if self.errors:
            raise self.errors.pop(0)
        from sketchdojo.engine.providers import ProviderContentRefused

        if request.panel.description in self.refuse_descriptions:
            raise ProviderContentRefused("this scene breaks the content policy", provider=self.name)
        return self.inner.draw(request)


@pytest.fixture
def image_provider(monkeypatch):
    provider = ScriptedImageProvider()
    monkeypatch.setattr("panels.services.get_image_provider", lambda: provider)
    return provider


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def generated_webtoon(user, eager_celery, image_provider, django_capture_on_commit_callbacks):
    """A webtoon of `user` generated end to end (3 panels, lettered), with the provider call count reset."""
    from projects.tests.factories import CharacterFactory, ProjectFactory
    from webtoons.services import GenerationRequest, webtoon_generate

    project = ProjectFactory(user=user, title="Storm Village")
    CharacterFactory(project=project, name="Alex Thunder")
    request = GenerationRequest(story_prompt=GUIDE_PROMPT, panel_count=3, style="webtoon")
    with django_capture_on_commit_callbacks(execute=True):
        task = webtoon_generate(user=user, project=project, request=request)
    task.refresh_from_db()
    assert task.status == "completed", task.error_message
    image_provider.calls = 0
    webtoon = task.webtoon
    webtoon.refresh_from_db()
    return webtoon


@pytest.fixture
def queued(monkeypatch):
    """Records the run_generation messages sent to the broker (instead of sending them)."""
    from webtoons.tasks import run_generation

    sent = []
    monkeypatch.setattr(
        run_generation, "apply_async", lambda args, task_id, queue: sent.append((args[0], task_id, queue))
    )
    return sent
