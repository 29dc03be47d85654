"""The ledger queues, fails and cancels through the runner registered for a task type."""

import pytest

from tasks import registry
from tasks.models import Task, TaskStatus
from tasks.services import task_cancel, task_fail, task_retry
from webtoons.tests.factories import TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recording_runner(monkeypatch):
    calls = []
    runner = registry.Runner(
        queue=lambda task_id, celery_id: calls.append(("queue", task_id, celery_id)),
        on_failed=lambda task: calls.append(("failed", str(task.pk))),
        on_cancelled=lambda task: calls.append(("cancelled", str(task.pk))),
    )
    monkeypatch.setitem(registry._RUNNERS, "webtoon_generation", runner)
    return calls


def test_an_unregistered_task_type_is_named_in_the_error():
    with pytest.raises(registry.UnknownTaskType) as caught:
        registry.runner_for("nope")
    assert str(caught.value) == "No runner is registered for tasks of type 'nope'."


def test_a_retry_changes_state_then_queues_through_the_runner_on_commit(
    recording_runner, django_capture_on_commit_callbacks
):
    task = TaskFactory(status=TaskStatus.FAILED, task_type="webtoon_generation")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        task_retry(task=task)
    assert recording_runner == []
    for callback in callbacks:
        callback()
    fresh = Task.objects.get(pk=task.pk)
    assert recording_runner == [("queue", str(task.pk), fresh.celery_task_id)]
    assert (fresh.status, fresh.retry_count) == (TaskStatus.PENDING, 1)


def test_fail_and_cancel_tell_the_runner(recording_runner):
    running = TaskFactory(status=TaskStatus.RUNNING, task_type="webtoon_generation")
    pending = TaskFactory(status=TaskStatus.PENDING, task_type="webtoon_generation")
    assert task_fail(task_id=running.pk, message="boom") is True
    task_cancel(task=pending)
    assert recording_runner == [("failed", str(running.pk)), ("cancelled", str(pending.pk))]
