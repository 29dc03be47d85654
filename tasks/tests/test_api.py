"""Tasks API: own tasks only, filters, the SPEC fields, cancel and retry with their 409s."""

import pytest

from tasks.models import Task, TaskStatus, TaskType
from webtoons.models import WebtoonStatus
from webtoons.tests.factories import TaskFactory, WebtoonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(user):
    return TaskFactory(webtoon=WebtoonFactory(project__user=user))


def test_list_shows_own_tasks_filtered_by_status_and_type(auth_client, user, other_user, task):
    failed = TaskFactory(webtoon=WebtoonFactory(project__user=user), status=TaskStatus.FAILED)
    TaskFactory(webtoon=WebtoonFactory(project__user=other_user))

    everything = auth_client.get("/api/v1/tasks").json()
    only_failed = auth_client.get("/api/v1/tasks?status=failed&task_type=webtoon_generation").json()
    panel_tasks = auth_client.get("/api/v1/tasks?task_type=panel_generation").json()

    assert everything["total"] == 2
    assert [t["id"] for t in only_failed["items"]] == [str(failed.pk)]
    assert panel_tasks["total"] == 0


def test_an_unknown_status_filter_names_the_field(auth_client, task):
    response = auth_client.get("/api/v1/tasks?status=sleeping")

    assert response.status_code == 400
    assert set(response.json()["details"]) == {"status"}


def test_detail_has_the_spec_fields(auth_client, task):
    body = auth_client.get(f"/api/v1/tasks/{task.pk}").json()

    assert {
        "id",
        "task_type",
        "status",
        "progress",
        "current_step",
        "total_steps",
        "started_at",
        "completed_at",
        "estimated_duration_seconds",
        "error_message",
        "result",
        "webtoon_id",
        "retry_count",
    } <= set(body)
    assert body["webtoon_id"] == str(task.webtoon_id)
    assert body["status"] == "pending"


def test_another_users_task_is_not_found_and_not_changed(other_client, task):
    responses = [
        other_client.get(f"/api/v1/tasks/{task.pk}"),
        other_client.post(f"/api/v1/tasks/{task.pk}/cancel"),
        other_client.post(f"/api/v1/tasks/{task.pk}/retry"),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404]
    task.refresh_from_db()
    assert (task.status, task.retry_count) == (TaskStatus.PENDING, 0)


def test_cancel_marks_a_pending_task_cancelled_at_once(auth_client, task):
    response = auth_client.post(f"/api/v1/tasks/{task.pk}/cancel")

    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    task.refresh_from_db()
    assert task.status == TaskStatus.CANCELLED
    assert task.completed_at is not None
    task.webtoon.refresh_from_db()
    assert task.webtoon.status == WebtoonStatus.FAILED


@pytest.mark.parametrize("status", [TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED])
def test_cancelling_a_finished_task_is_a_conflict(auth_client, user, status):
    task = TaskFactory(webtoon=WebtoonFactory(project__user=user), status=status)

    response = auth_client.post(f"/api/v1/tasks/{task.pk}/cancel")

    assert response.status_code == 409
    assert response.json()["message"] == f"This task is {status}; only pending or running tasks can be cancelled."
    task.refresh_from_db()
    assert task.status == status


def test_retry_queues_a_failed_task_again(auth_client, user, queued, django_capture_on_commit_callbacks):
    task = TaskFactory(webtoon=WebtoonFactory(project__user=user), status=TaskStatus.FAILED, error_message="boom")
    old_celery_id = task.celery_task_id

    with django_capture_on_commit_callbacks(execute=True):
        response = auth_client.post(f"/api/v1/tasks/{task.pk}/retry")

    assert response.status_code == 200
    assert response.json()["status"] == "pending"
    assert response.json()["retry_count"] == 1
    task.refresh_from_db()
    assert (task.status, task.retry_count, task.error_message) == (TaskStatus.PENDING, 1, "")
    assert task.celery_task_id != old_celery_id
    assert queued == [(str(task.pk), task.celery_task_id, "ai")]


@pytest.mark.parametrize("status", [TaskStatus.PENDING, TaskStatus.RUNNING, TaskStatus.COMPLETED])
def test_retrying_a_task_that_did_not_fail_is_a_conflict(auth_client, user, status):
    task = TaskFactory(webtoon=WebtoonFactory(project__user=user), status=status)

    response = auth_client.post(f"/api/v1/tasks/{task.pk}/retry")

    assert response.status_code == 409
    task.refresh_from_db()
    assert (task.status, task.retry_count) == (status, 0)


def test_a_generated_task_reports_its_progress_fields(auth_client, generated_webtoon):
    task = Task.objects.get(webtoon=generated_webtoon, task_type=TaskType.WEBTOON_GENERATION)

    body = auth_client.get(f"/api/v1/tasks/{task.pk}").json()

    assert body["status"] == "completed"
    assert body["progress"] == 100.0
    assert body["total_steps"] == 5
    assert body["result"]["panel_count"] == 3
    assert body["started_at"] <= body["completed_at"]


def test_detail_lists_each_provider_call_without_prompts_keys_or_error_text(auth_client, user):
    stored = {
        "provider": "stability",
        "kind": "image",
        "model": "core",
        "attempt": 2,
        "attempts": 2,
        "started_at": "2026-12-05T19:00:00+00:00",
        "latency_seconds": 0.4321,
        "latency_ms": 432,
        "outcome": "transient",
        "status": 503,
        "usage": {"input_tokens": 12, "output_tokens": 34},
        "tokens_in": 12,
        "tokens_out": 34,
        "error": "Stability AI is busy (HTTP 503): echo of silver spiky hair",
        "prompt": "silver spiky hair",
        "api_key": "sk-secret",
    }
    task = TaskFactory(webtoon=WebtoonFactory(project__user=user), provider_calls=[stored])

    detail = auth_client.get(f"/api/v1/tasks/{task.pk}").json()
    listed = auth_client.get("/api/v1/tasks").json()["items"][0]

    assert detail["provider_calls"] == [
        {
            "provider": "stability",
            "model": "core",
            "kind": "image",
            "outcome": "transient",
            "status": 503,
            "attempts": 2,
            "latency_ms": 432,
            "tokens_in": 12,
            "tokens_out": 34,
            "started_at": "2026-12-05T19:00:00+00:00",
        }
    ]
    assert "silver" not in str(detail) and "sk-secret" not in str(detail)
    assert "provider_calls" not in listed  # the list stays light; the detail has the calls
