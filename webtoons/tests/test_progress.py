"""Honest progress (issue 18): steps only move forward, labels count finished panels, and the time
estimate comes from the configured providers' measured speed."""

import pytest
from django.core.cache import cache

from panels.models import Panel, PanelStatus
from panels.speed import DRAW, PLAN, generation_estimate, speed_record, speed_seconds
from projects.tests.factories import ProjectFactory
from tasks.models import TaskStatus
from tasks.services import task_running_update
from tasks.tests.fixtures import GUIDE_GENERATE_BODY
from webtoons.tests.factories import PanelFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def task_updates(monkeypatch):
    """(progress, current_step, lettered panels in the database at that moment) of every task_update."""
    seen = []

    def record(groups, message):
        if message["type"] == "task.update":
            data = message["data"]
            lettered = Panel.objects.filter(webtoon_id=data["webtoon_id"], status=PanelStatus.LETTERED).count()
            seen.append((data["progress"], data["current_step"], lettered))

    monkeypatch.setattr("tasks.events.publish", record)
    return seen


def test_a_generation_reports_steps_that_only_move_forward(
    user, auth_client, eager_celery, image_provider, task_updates, django_capture_on_commit_callbacks
):
    project = ProjectFactory(user=user)
    body = {**GUIDE_GENERATE_BODY, "panel_count": 4}

    with django_capture_on_commit_callbacks(execute=True):
        auth_client.post(f"/api/v1/webtoons/generate?project_id={project.pk}", body, format="json")

    progresses = [progress for progress, _, _ in task_updates]
    drawing = [(step, lettered) for _, step, lettered in task_updates if step.endswith("panels drawn")]
    assert progresses == sorted(progresses)
    assert progresses[-1] == 100.0
    assert [step for step, _ in drawing] == [f"{n} of 4 panels drawn" for n in range(5)]
    assert [lettered for _, lettered in drawing] == [0, 1, 2, 3, 4]
    assert task_updates[-1][1] == "Completed"


def test_an_older_label_never_replaces_a_newer_one():
    task = TaskFactory(status=TaskStatus.RUNNING, progress=0.0)
    task_running_update(task_id=task.pk, progress=52.5, current_step="4 of 8 panels drawn", publish=False)

    task_running_update(task_id=task.pk, progress=41.9, current_step="3 of 8 panels drawn", publish=False)

    task.refresh_from_db()
    assert (task.progress, task.current_step) == (52.5, "4 of 8 panels drawn")


def test_the_estimate_comes_from_the_measured_provider_speed(settings, user, auth_client, queued):
    settings.IMAGE_PROVIDER, settings.LLM_PROVIDER, settings.IMAGE_CONCURRENCY = "local", "local", 4
    speed_record(kind=DRAW, provider="local", seconds=3.0)
    speed_record(kind=PLAN, provider="local", seconds=2.0)
    project = ProjectFactory(user=user)

    response = auth_client.post(
        f"/api/v1/webtoons/generate?project_id={project.pk}", {**GUIDE_GENERATE_BODY, "panel_count": 8}, format="json"
    )

    assert response.status_code == 202
    assert response.json()["estimated_duration_seconds"] == 8  # 2 s planning + 2 waves of 4 panels x 3 s


def test_the_moving_average_follows_recent_runs():
    speed_record(kind=DRAW, provider="stability", seconds=10.0)

    speed_record(kind=DRAW, provider="stability", seconds=20.0)

    assert speed_seconds(kind=DRAW, provider="stability") == pytest.approx(13.0)
    assert speed_seconds(kind=DRAW, provider="openai") is None


def test_after_a_restart_the_speed_comes_from_the_last_drawn_panels(settings):
    settings.IMAGE_PROVIDER, settings.IMAGE_CONCURRENCY = "stability", 8
    for latency in (4.0, 6.0):
        PanelFactory(generation_meta={"provider": "stability", "latency_seconds": latency})
    PanelFactory(generation_meta={"provider": "local", "latency_seconds": 0.1})

    assert generation_estimate(panel_count=3, plan=False) == 5


def test_a_provider_never_measured_falls_back_to_the_settings(settings):
    settings.IMAGE_PROVIDER, settings.IMAGE_CONCURRENCY = "stability", 2
    settings.ESTIMATED_SECONDS_PER_PANEL, settings.ESTIMATED_PLAN_SECONDS = 15.0, 10.0

    assert generation_estimate(panel_count=3) == 40
