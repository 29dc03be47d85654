"""The generation pipeline end to end, with the Celery tasks run eagerly (the embedded code path)."""

import pytest
from django.core.files.storage import default_storage

from panels.models import Panel, PanelStatus
from projects.tests.factories import CharacterFactory, ProjectFactory
from sketchdojo.engine.providers import ProviderAuthError, ProviderTransientError
from tasks.models import Task, TaskStatus
from tasks.services import task_cancel, task_retry
from tasks.tests.fixtures import GUIDE_PROMPT
from webtoons import tasks as celery_tasks
from webtoons.models import WebtoonStatus
from webtoons.services import GenerationRequest, webtoon_generate

pytestmark = pytest.mark.django_db


def _generate(user, project, *, panel_count=4, auto=True, capture=None):
    request = GenerationRequest(
        story_prompt=GUIDE_PROMPT, panel_count=panel_count, style="webtoon", auto_generate_panels=auto
    )
    with capture(execute=True):
        task = webtoon_generate(user=user, project=project, request=request)
    task.refresh_from_db()
    return task


@pytest.fixture
def project(user):
    project = ProjectFactory(user=user, title="Storm Village")
    CharacterFactory(project=project, name="Alex Thunder")
    return project


def test_generation_completes_with_every_panel_drawn_and_lettered(
    user, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    task = _generate(user, project, panel_count=4, capture=django_capture_on_commit_callbacks)

    assert task.status == TaskStatus.COMPLETED
    assert task.progress == 100.0
    assert task.current_step == "Completed"
    assert task.error_message == ""
    assert task.started_at is not None and task.completed_at is not None
    panels = list(task.webtoon.panels.order_by("sequence_number"))
    assert [p.sequence_number for p in panels] == [1, 2, 3, 4]
    assert {p.status for p in panels} == {PanelStatus.LETTERED}
    assert all(default_storage.exists(p.raw_image.name) and default_storage.exists(p.image.name) for p in panels)
    assert all(p.generation_meta["provider"] == "scripted" for p in panels)
    assert image_provider.calls == 4
    webtoon = task.webtoon
    webtoon.refresh_from_db()
    assert webtoon.status == WebtoonStatus.COMPLETED
    assert webtoon.script["title"] == webtoon.title
    assert default_storage.exists(webtoon.strip.name)
    assert default_storage.exists(webtoon.thumbnail.name)
    assert task.result["panel_ids"] == [str(p.pk) for p in panels]
    assert task.event_sequence > 4


def test_dialogue_speakers_are_linked_to_project_characters(
    user, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    task = _generate(user, project, panel_count=4, capture=django_capture_on_commit_callbacks)

    alex = project.characters.get(name="Alex Thunder")
    bubbles = [b for p in task.webtoon.panels.all() for b in p.speech_bubbles if b["speaker"] == "Alex Thunder"]
    assert bubbles
    assert {b["character_id"] for b in bubbles} == {str(alex.pk)}
    assert all(0 <= b["position"]["x"] <= 1 and 0 <= b["position"]["y"] <= 1 for b in bubbles)


def test_plan_only_generation_leaves_panels_to_draw(
    user, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    task = _generate(user, project, panel_count=3, auto=False, capture=django_capture_on_commit_callbacks)

    assert task.status == TaskStatus.COMPLETED
    assert task.result == {"webtoon_id": str(task.webtoon_id), "panel_count": 3, "panels_drawn": 0}
    assert list(task.webtoon.panels.values_list("status", flat=True)) == [PanelStatus.PENDING] * 3
    assert image_provider.calls == 0
    task.webtoon.refresh_from_db()
    assert task.webtoon.status == WebtoonStatus.PLANNING


def test_transient_errors_are_retried_then_the_generation_succeeds(
    user, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    image_provider.errors = [ProviderTransientError("503 from provider", status=503, retry_after=0)] * 2

    task = _generate(user, project, panel_count=3, capture=django_capture_on_commit_callbacks)

    assert task.status == TaskStatus.COMPLETED
    assert image_provider.calls == 5
    assert set(task.webtoon.panels.values_list("status", flat=True)) == {PanelStatus.LETTERED}


def test_transient_errors_past_the_retry_limit_fail_the_task_with_the_reason(
    user, project, eager_celery, image_provider, settings, django_capture_on_commit_callbacks
):
    image_provider.errors = [ProviderTransientError("provider timed out")] * 50

    task = _generate(user, project, panel_count=2, capture=django_capture_on_commit_callbacks)

    attempts = settings.PROVIDER_MAX_RETRIES + 1
    assert task.status == TaskStatus.FAILED
    assert task.error_message == f"Panel 1 could not be drawn after {attempts} attempts: provider timed out"
    assert image_provider.calls == attempts


def test_an_auth_error_fails_the_task_with_a_clear_message_and_keeps_finished_panels(
    user, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    image_provider.on_draw = lambda request: None
    calls = []

    def fail_on_third(request):
        calls.append(request)
        if len(calls) == 3:
            raise ProviderAuthError("The image provider rejected the API key (401).", status=401)

    image_provider.on_draw = fail_on_third

    task = _generate(user, project, panel_count=5, capture=django_capture_on_commit_callbacks)

    assert task.status == TaskStatus.FAILED
    assert task.error_message == "Panel 3 could not be drawn: The image provider rejected the API key (401)."
    statuses = list(task.webtoon.panels.order_by("sequence_number").values_list("status", flat=True))
    assert statuses == [PanelStatus.LETTERED, PanelStatus.LETTERED] + [PanelStatus.PENDING] * 3
    assert len(calls) == 3
    task.webtoon.refresh_from_db()
    assert task.webtoon.status == WebtoonStatus.FAILED


def test_retry_redraws_only_the_missing_panels(
    user, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    image_provider.errors = []
    calls = []

    def fail_on_third(request):
        calls.append(request)
        if len(calls) == 3:
            raise ProviderAuthError("key rejected", status=401)

    image_provider.on_draw = fail_on_third
    task = _generate(user, project, panel_count=5, capture=django_capture_on_commit_callbacks)
    kept = {p.pk: p.image.name for p in task.webtoon.panels.filter(status=PanelStatus.LETTERED)}

    with django_capture_on_commit_callbacks(execute=True):
        task_retry(task=task)
    task.refresh_from_db()

    assert task.status == TaskStatus.COMPLETED
    assert task.retry_count == 1
    assert len(calls) == 3 + 3
    assert {p.pk: p.image.name for p in task.webtoon.panels.filter(pk__in=kept)} == kept
    assert task.webtoon.panels.count() == 5
    assert set(task.webtoon.panels.values_list("status", flat=True)) == {PanelStatus.LETTERED}


def test_a_refused_panel_fails_only_itself_and_the_task_names_it(
    user, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    from sketchdojo.engine.providers import ProviderContentRefused

    def refuse_second(request):
        if image_provider.calls == 2:
            raise ProviderContentRefused("violence policy", status=400)

    image_provider.on_draw = refuse_second

    task = _generate(user, project, panel_count=3, capture=django_capture_on_commit_callbacks)

    assert task.status == TaskStatus.FAILED
    assert task.error_message == (
        "Panel 2 could not be drawn (panel 2: The image provider refused this panel: violence policy). "
        "The other panels are kept; retry to redraw only the failed ones."
    )
    statuses = list(task.webtoon.panels.order_by("sequence_number").values_list("status", flat=True))
    assert statuses == [PanelStatus.LETTERED, PanelStatus.FAILED, PanelStatus.LETTERED]


def test_cancel_is_honoured_before_the_next_step_and_never_overwritten(
    user, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    def cancel_during_first_draw(request):
        if image_provider.calls == 1:
            task_cancel(task=Task.objects.get())

    image_provider.on_draw = cancel_during_first_draw

    task = _generate(user, project, panel_count=4, capture=django_capture_on_commit_callbacks)

    assert task.status == TaskStatus.CANCELLED
    assert task.current_step == "Cancelled"
    assert image_provider.calls == 1
    statuses = list(task.webtoon.panels.order_by("sequence_number").values_list("status", flat=True))
    assert statuses == [PanelStatus.DRAWN] + [PanelStatus.PENDING] * 3
    # A late job for the cancelled task changes nothing.
    celery_tasks.finish_generation.apply(args=[str(task.pk)])
    celery_tasks.draw_panel.apply(args=[str(task.pk), str(task.webtoon.panels.get(sequence_number=2).pk)])
    task.refresh_from_db()
    assert task.status == TaskStatus.CANCELLED
    assert image_provider.calls == 1


def test_a_cancelled_task_resumes_on_retry_and_letters_the_drawn_panel_without_redrawing(
    user, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    image_provider.on_draw = lambda request: image_provider.calls == 1 and task_cancel(task=Task.objects.get())
    task = _generate(user, project, panel_count=3, capture=django_capture_on_commit_callbacks)
    image_provider.on_draw = None

    with django_capture_on_commit_callbacks(execute=True):
        task_retry(task=task)
    task.refresh_from_db()

    assert task.status == TaskStatus.COMPLETED
    assert image_provider.calls == 1 + 2
    assert set(task.webtoon.panels.values_list("status", flat=True)) == {PanelStatus.LETTERED}


def test_running_the_tasks_twice_does_no_harm(
    user, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    task = _generate(user, project, panel_count=3, capture=django_capture_on_commit_callbacks)
    before = {p.pk: (p.image.name, p.version) for p in task.webtoon.panels.all()}

    with django_capture_on_commit_callbacks(execute=True):
        celery_tasks.run_generation.apply(args=[str(task.pk)])
        for panel_id in before:
            celery_tasks.draw_panel.apply(args=[str(task.pk), str(panel_id)])
        celery_tasks.finish_generation.apply(args=[str(task.pk)])

    task.refresh_from_db()
    assert task.status == TaskStatus.COMPLETED
    assert image_provider.calls == 3
    assert {p.pk: (p.image.name, p.version) for p in task.webtoon.panels.all()} == before
    assert Panel.objects.filter(webtoon=task.webtoon).count() == 3


def test_a_cancel_landing_right_after_the_claim_leaves_the_webtoon_failed(user, project, monkeypatch):
    from webtoons.generation import steps as pipeline
    from webtoons.tests.factories import TaskFactory, WebtoonFactory

    webtoon = WebtoonFactory(project=project, status=WebtoonStatus.PLANNING)
    task = TaskFactory(webtoon=webtoon, status=TaskStatus.PENDING)
    publish = pipeline.publish_task_update

    def publish_then_cancel(claimed):
        payload = publish(claimed)
        monkeypatch.setattr(pipeline, "publish_task_update", publish)
        task_cancel(task=Task.objects.get(pk=claimed.pk))
        return payload

    monkeypatch.setattr(pipeline, "publish_task_update", publish_then_cancel)

    assert pipeline.generation_start(task_id=task.pk) is None
    webtoon.refresh_from_db()
    task.refresh_from_db()
    assert task.status == TaskStatus.CANCELLED
    assert webtoon.status == WebtoonStatus.FAILED
    assert not Panel.objects.filter(webtoon=webtoon).exists()


def test_an_unexpected_error_in_a_panel_job_fails_the_task_with_its_name_instead_of_hanging(
    user, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    image_provider.errors = [KeyError("text")]

    task = _generate(user, project, panel_count=2, capture=django_capture_on_commit_callbacks)

    assert task.status == TaskStatus.FAILED
    assert task.error_message == (
        "Panel 1 could not be drawn after 1 attempts: an internal error (KeyError('text')); retry the task"
    )
    assert not task.webtoon.panels.filter(status=PanelStatus.DRAWING).exists()
