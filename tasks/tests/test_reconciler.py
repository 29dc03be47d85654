"""The reconciler re-queues tasks a worker lost (stale heartbeat, never picked up), up to the limit."""

from datetime import timedelta

import pytest
from django.utils import timezone

from panels.models import PanelStatus
from tasks.models import Task, TaskStatus
from tasks.services import tasks_reconcile
from webtoons.tests.factories import PanelFactory, TaskFactory

pytestmark = pytest.mark.django_db


def _age(task, *, seconds, heartbeat=True):
    past = timezone.now() - timedelta(seconds=seconds)
    fields = {"updated_at": past}
    if heartbeat:
        fields["heartbeat_at"] = past
    Task.objects.filter(pk=task.pk).update(**fields)


def test_a_running_task_with_a_stale_heartbeat_is_requeued_and_completes(
    eager_celery, image_provider, django_capture_on_commit_callbacks, settings
):
    task = TaskFactory(status=TaskStatus.RUNNING, input={"story_prompt": "Storm", "panel_count": 2, "style": "webtoon"})
    _age(task, seconds=settings.TASK_STALE_AFTER_SECONDS + 5)

    with django_capture_on_commit_callbacks(execute=True):
        counts = tasks_reconcile()

    task.refresh_from_db()
    assert counts == {"requeued": 1, "failed": 0}
    assert task.recovery_count == 1
    assert task.status == TaskStatus.COMPLETED
    assert task.webtoon.panels.count() == 2


def test_a_live_running_task_is_left_alone(queued, django_capture_on_commit_callbacks):
    task = TaskFactory(status=TaskStatus.RUNNING, heartbeat_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        counts = tasks_reconcile()

    assert counts == {"requeued": 0, "failed": 0}
    assert queued == []
    task.refresh_from_db()
    assert (task.status, task.recovery_count) == (TaskStatus.RUNNING, 0)


def test_a_pending_task_nobody_picked_up_is_queued_again(settings, queued, django_capture_on_commit_callbacks):
    task = TaskFactory(status=TaskStatus.PENDING)
    old_celery_id = task.celery_task_id
    _age(task, seconds=settings.TASK_PENDING_REQUEUE_AFTER_SECONDS + 5, heartbeat=False)

    with django_capture_on_commit_callbacks(execute=True):
        counts = tasks_reconcile()

    task.refresh_from_db()
    assert counts == {"requeued": 1, "failed": 0}
    assert queued == [(str(task.pk), task.celery_task_id, "ai")]
    assert task.status == TaskStatus.PENDING
    assert task.celery_task_id != old_celery_id


def test_a_task_lost_too_often_fails_with_a_message(settings, queued, django_capture_on_commit_callbacks):
    task = TaskFactory(status=TaskStatus.RUNNING, recovery_count=3, max_recoveries=3)
    _age(task, seconds=settings.TASK_STALE_AFTER_SECONDS + 5)

    with django_capture_on_commit_callbacks(execute=True):
        counts = tasks_reconcile()

    task.refresh_from_db()
    assert counts == {"requeued": 0, "failed": 1}
    assert queued == []
    assert task.status == TaskStatus.FAILED
    assert task.error_message == "The worker running this task stopped responding 4 times; giving up."


def test_a_requeued_task_redraws_only_panels_left_half_done(
    eager_celery, image_provider, django_capture_on_commit_callbacks, settings
):
    task = TaskFactory(status=TaskStatus.RUNNING)
    PanelFactory(webtoon=task.webtoon, sequence_number=1, status=PanelStatus.DRAWING, seed=7)
    PanelFactory(webtoon=task.webtoon, sequence_number=2, status=PanelStatus.PENDING, seed=8)
    _age(task, seconds=settings.TASK_STALE_AFTER_SECONDS + 5)

    with django_capture_on_commit_callbacks(execute=True):
        tasks_reconcile()

    task.refresh_from_db()
    assert task.status == TaskStatus.COMPLETED
    assert image_provider.calls == 2
    assert sorted(task.webtoon.panels.values_list("sequence_number", "status")) == [
        (1, PanelStatus.LETTERED),
        (2, PanelStatus.LETTERED),
    ]
