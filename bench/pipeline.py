"""Benchmark: parallel panel drawing in the generation pipeline, and the first progress event.

An image provider that answers in 1 s (defined here only): it hands back the offline artist's art,
drawn ahead of time, after sleeping 1 s, the way a remote image API costs wall time but no CPU in
our process. Through the real path (POST /webtoons/generate → Celery tasks on the in-process
worker, memory broker, a throwaway SQLite file database):

- one panel, end to end (the baseline);
- 12 panels with IMAGE_CONCURRENCY=8 (target: at most 2.5 times the single panel);
- 12 panels with IMAGE_CONCURRENCY=1 (sequential; the speed-up is printed against it);
- the time from POST generate to the first task_update handed to the channel layer, and to the
  first one with progress above zero.

Run: `.venv/bin/python -m bench pipeline` (or `make bench`).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from pathlib import Path

from bench import Measurement

PANELS = 12
CONCURRENCY = 8
PROVIDER_SECONDS = 1.0
PROMPT = "Alex discovers his lightning powers during a storm and must save his village from shadow monsters"


class OneSecondArtist:
    """A stand-in for a remote image API: 1 s per call, pre-drawn offline art, up to 8 calls at once."""

    name = "bench-1s"
    max_concurrency = CONCURRENCY

    def __init__(self):
        from sketchdojo.engine.providers import get_image_provider

        self.artist = get_image_provider("local")
        self.art: dict[tuple[int, int], object] = {}
        self.lock = threading.Lock()

    def prepare(self, request) -> None:
        """Draw one picture per panel size before the clock runs."""
        key = (request.width, request.height)
        if key not in self.art:
            self.art[key] = self.artist.draw(request)

    def draw(self, request):
        from sketchdojo.engine.providers import DrawResult

        time.sleep(PROVIDER_SECONDS)
        with self.lock:
            if (request.width, request.height) not in self.art:
                self.prepare(request)
            drawn = self.art[(request.width, request.height)]
        return DrawResult(image=drawn.image.copy(), faces=list(drawn.faces), meta={"model": "bench"})


def _prepare_art(provider: OneSecondArtist) -> None:
    from sketchdojo.engine.layout import panel_size
    from sketchdojo.engine.providers import DrawRequest, PlanRequest, get_llm_provider
    from sketchdojo.engine.script import Shot

    script = get_llm_provider("local").plan(PlanRequest(prompt=PROMPT, panel_count=PANELS))
    for shot in Shot:
        width, height = panel_size(shot)
        panel = script.panels[0].model_copy(update={"shot": shot})
        provider.prepare(DrawRequest(script=script, panel=panel, style="webtoon", width=width, height=height, seed=1))


class _FirstEvents:
    """Wraps realtime._send to note when the first task updates of a task reach the channel layer."""

    def __init__(self):
        from sketchdojo import realtime

        self.realtime = realtime
        self.original = realtime._send
        self.first: dict[str, float] = {}
        self.first_progress: dict[str, float] = {}

    def __enter__(self):
        def send(groups, message):
            if message.get("type") == self.realtime.TASK_UPDATE:
                now = time.perf_counter()
                self.first.setdefault(message["task_id"], now)
                if message["data"]["progress"] > 0:
                    self.first_progress.setdefault(message["task_id"], now)
            return self.original(groups, message)

        self.realtime._send = send
        return self

    def __exit__(self, *exc):
        self.realtime._send = self.original


def _generate(client, project, *, panel_count: int, events: _FirstEvents) -> tuple[float, float, float]:
    from tasks.models import Task

    body = {"story_prompt": PROMPT, "panel_count": panel_count, "style_preferences": {"style": "webtoon"}}
    started = time.perf_counter()
    response = client.post(f"/api/v1/webtoons/generate?project_id={project.pk}", body, format="json")
    assert response.status_code == 202, response.content
    task_id = response.json()["id"]
    while True:
        task = Task.objects.get(pk=task_id)
        if task.status in ("completed", "failed", "cancelled"):
            break
        time.sleep(0.01)
    elapsed = time.perf_counter() - started
    assert task.status == "completed", task.error_message
    assert task.webtoon.panels.filter(status="lettered").count() == panel_count
    return elapsed, events.first[task_id] - started, events.first_progress[task_id] - started


def run() -> list[Measurement]:
    from django.db import connection
    from django.test.utils import override_settings, setup_test_environment
    from rest_framework.test import APIClient
    from rest_framework_simplejwt.tokens import RefreshToken

    from config import embedded
    from config.celery import app

    workdir = Path(tempfile.mkdtemp(prefix="sketchdojo-bench-"))
    app.conf.broker_url = "memory://"
    setup_test_environment()
    if connection.vendor == "sqlite":
        connection.settings_dict.setdefault("TEST", {})["NAME"] = str(workdir / "bench.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    provider = OneSecondArtist()
    _prepare_art(provider)
    overrides = override_settings(
        MEDIA_ROOT=workdir / "media",
        EMBEDDED_WORKER=True,
        EMBEDDED_WORKER_CONCURRENCY=CONCURRENCY + 4,
        IMAGE_CONCURRENCY=CONCURRENCY,
    )
    import panels.services

    original_provider = panels.services.get_image_provider
    panels.services.get_image_provider = lambda: provider
    try:
        with overrides, _FirstEvents() as events:
            from accounts.tests.factories import UserFactory
            from projects.tests.factories import CharacterFactory, ProjectFactory

            embedded.start_embedded_worker(force=True)
            user = UserFactory()
            client = APIClient()
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")

            def project():
                p = ProjectFactory(user=user)
                CharacterFactory(project=p, name="Alex Thunder")
                return p

            _generate(client, project(), panel_count=1, events=events)  # warm-up: imports, fonts, caches
            single, _, _ = _generate(client, project(), panel_count=1, events=events)
            parallel, first_event, first_progress = _generate(client, project(), panel_count=PANELS, events=events)
            with override_settings(IMAGE_CONCURRENCY=1):
                sequential, _, _ = _generate(client, project(), panel_count=PANELS, events=events)
    finally:
        embedded.stop_embedded_worker()
        panels.services.get_image_provider = original_provider
        connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(workdir, ignore_errors=True)

    return [
        Measurement("1 panel, POST to completed (1 s provider)", single, "s"),
        Measurement(
            f"{PANELS} panels, image concurrency {CONCURRENCY}",
            parallel,
            "s",
            target=2.5 * single,
            baseline=single,
            baseline_name="1 panel",
        ),
        Measurement(
            f"{PANELS} panels, concurrency {CONCURRENCY} vs sequential (target: 5x faster)",
            parallel,
            "s",
            target=sequential / 5,
            baseline=sequential,
            baseline_name="image concurrency 1",
        ),
        Measurement("POST generate → first task_update", first_event * 1000, "ms"),
        Measurement("POST generate → first progress > 0", first_progress * 1000, "ms"),
    ]
