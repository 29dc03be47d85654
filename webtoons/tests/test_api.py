"""Webtoons API: create/list/detail/edit, generate (202, quota, throttle), publish, export; ownership."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from projects.tests.factories import ProjectFactory
from tasks import quota
from tasks.models import Task, TaskStatus, TaskType
from tasks.quota import next_quota_reset
from tasks.tests.fixtures import GUIDE_GENERATE_BODY
from webtoons.models import Webtoon, WebtoonStatus
from webtoons.tests.factories import PanelFactory, TaskFactory, WebtoonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(user):
    return ProjectFactory(user=user)


def test_the_guides_generate_request_returns_a_pending_task(
    auth_client, project, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = auth_client.post(
            f"/api/v1/webtoons/generate?project_id={project.pk}", GUIDE_GENERATE_BODY, format="json"
        )

    assert response.status_code == 202
    body = response.json()
    task = Task.objects.get()
    assert body["id"] == str(task.pk)
    assert body["status"] == "pending"
    assert body["progress"] == 0.0
    assert body["task_type"] == "webtoon_generation"
    assert body["webtoon_id"] == str(task.webtoon_id)
    assert body["created_at"]
    assert task.input["panel_count"] == 6
    assert task.input["quality"] == "high"
    assert task.input["color_scheme"] == "vibrant"
    assert task.webtoon.project == project
    assert queued == [(str(task.pk), task.celery_task_id, "ai")]


def test_generate_takes_project_id_from_the_body_and_defaults_from_the_project(
    auth_client, project, django_capture_on_commit_callbacks
):
    project.target_panels = 4
    project.art_style = "manga"
    project.save()

    response = auth_client.post(
        "/api/v1/webtoons/generate/", {"project_id": str(project.pk), "story_prompt": "A duel at dawn"}, format="json"
    )

    assert response.status_code == 202
    task = Task.objects.get()
    assert (task.input["panel_count"], task.input["style"]) == (4, "manga")


def test_generating_from_another_users_project_is_not_found_and_creates_nothing(auth_client, other_user):
    foreign = ProjectFactory(user=other_user)

    response = auth_client.post(
        f"/api/v1/webtoons/generate?project_id={foreign.pk}", GUIDE_GENERATE_BODY, format="json"
    )

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"
    assert Task.objects.count() == 0
    assert Webtoon.objects.count() == 0


def test_generate_without_a_prompt_names_the_field(auth_client, project):
    response = auth_client.post(
        f"/api/v1/webtoons/generate?project_id={project.pk}", {"panel_count": 30}, format="json"
    )

    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "validation_error"
    assert set(body["details"]) == {"story_prompt", "panel_count"}
    assert Task.objects.count() == 0


def test_generate_past_the_monthly_quota_is_refused_until_the_first_of_next_month(
    auth_client, user, project, monkeypatch
):
    user.monthly_generation_quota = 1
    user.save()
    TaskFactory(webtoon=WebtoonFactory(project=project))
    now = timezone.now()
    # 1 h 30 s before the next month starts (UTC), whatever the date the test runs on.
    monkeypatch.setattr(quota.timezone, "now", lambda: next_quota_reset(now) - timedelta(hours=1, seconds=30))

    response = auth_client.post(
        f"/api/v1/webtoons/generate?project_id={project.pk}", GUIDE_GENERATE_BODY, format="json"
    )

    assert response.status_code == 429
    body = response.json()
    assert body["error"] == "quota_exceeded"
    assert response["Retry-After"] == "3630"
    assert body["details"] == {
        "retry_after_seconds": 3630,
        "quota": 1,
        "used": 1,
        "resets_at": next_quota_reset(now).isoformat(),
    }
    assert Task.objects.count() == 1
    assert Webtoon.objects.count() == 1


def test_the_quota_resets_on_the_first_of_next_month_and_of_january_in_december():
    assert next_quota_reset(datetime(2026, 5, 31, 23, 59, tzinfo=UTC)) == datetime(2026, 6, 1, tzinfo=UTC)
    assert next_quota_reset(datetime(2026, 12, 1, 0, 0, tzinfo=UTC)) == datetime(2027, 1, 1, tzinfo=UTC)


def test_generate_is_throttled_per_user(auth_client, project, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "generation": "1/hour"},
    }
    url = f"/api/v1/webtoons/generate?project_id={project.pk}"

    first = auth_client.post(url, GUIDE_GENERATE_BODY, format="json")
    second = auth_client.post(url, GUIDE_GENERATE_BODY, format="json")

    assert first.status_code == 202
    assert second.status_code == 429
    assert second.json()["error"] == "rate_limited"
    assert "Retry-After" in second
    assert Task.objects.count() == 1


def test_create_an_empty_webtoon_with_project_id_in_the_query(auth_client, project):
    response = auth_client.post(
        f"/api/v1/webtoons?project_id={project.pk}", {"title": "Pilot", "description": "First try"}, format="json"
    )

    assert response.status_code == 201
    body = response.json()
    assert body["title"] == "Pilot"
    assert body["status"] == "planning"
    assert body["panels"] == []
    assert body["panel_count"] == 0
    assert Webtoon.objects.get().project == project


def test_a_summary_given_at_creation_is_kept(auth_client, project):
    response = auth_client.post(
        "/api/v1/webtoons", {"project_id": str(project.pk), "summary": "A storm, a boy, a village."}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["summary"] == "A storm, a boy, a village."
    assert Webtoon.objects.get().summary == "A storm, a boy, a village."


def test_list_shows_only_own_webtoons_filtered_by_project(auth_client, user, project, other_user):
    mine = WebtoonFactory(project=project)
    WebtoonFactory(project=ProjectFactory(user=user))
    WebtoonFactory(project=ProjectFactory(user=other_user))

    everything = auth_client.get("/api/v1/webtoons").json()
    filtered = auth_client.get(f"/api/v1/webtoons?project_id={project.pk}").json()

    assert everything["total"] == 2
    assert [w["id"] for w in filtered["items"]] == [str(mine.pk)]


def test_list_costs_the_same_queries_for_one_or_many_webtoons(auth_client, project, django_assert_max_num_queries):
    for _ in range(5):
        PanelFactory(webtoon=WebtoonFactory(project=project))
    with django_assert_max_num_queries(6):
        response = auth_client.get("/api/v1/webtoons")
    assert response.json()["total"] == 5
    assert {w["panel_count"] for w in response.json()["items"]} == {1}


def test_detail_includes_the_panels_in_order(auth_client, project):
    webtoon = WebtoonFactory(project=project)
    second = PanelFactory(webtoon=webtoon, sequence_number=2)
    first = PanelFactory(webtoon=webtoon, sequence_number=1)

    body = auth_client.get(f"/api/v1/webtoons/{webtoon.pk}").json()

    assert [p["id"] for p in body["panels"]] == [str(first.pk), str(second.pk)]
    assert body["panels"][0]["image_url"] is None


def test_another_users_webtoon_is_not_found_and_not_changed(other_client, project):
    webtoon = WebtoonFactory(project=project, title="Mine")

    get = other_client.get(f"/api/v1/webtoons/{webtoon.pk}")
    patch = other_client.patch(f"/api/v1/webtoons/{webtoon.pk}", {"title": "Stolen"}, format="json")
    publish = other_client.post(f"/api/v1/webtoons/{webtoon.pk}/publish")
    export = other_client.get(f"/api/v1/webtoons/{webtoon.pk}/export/pdf")

    assert [r.status_code for r in (get, patch, publish, export)] == [404, 404, 404, 404]
    webtoon.refresh_from_db()
    assert (webtoon.title, webtoon.status) == ("Mine", WebtoonStatus.PLANNING)


def test_malformed_webtoon_id_is_not_found(auth_client):
    assert auth_client.get("/api/v1/webtoons/not-a-uuid").status_code == 404


def test_patch_changes_title_and_style(auth_client, project):
    webtoon = WebtoonFactory(project=project)

    response = auth_client.patch(
        f"/api/v1/webtoons/{webtoon.pk}", {"title": "Renamed", "style": "manga"}, format="json"
    )

    assert response.status_code == 200
    webtoon.refresh_from_db()
    assert (webtoon.title, webtoon.style) == ("Renamed", "manga")


def test_publishing_without_panels_is_a_conflict(auth_client, project):
    webtoon = WebtoonFactory(project=project)

    response = auth_client.post(f"/api/v1/webtoons/{webtoon.pk}/publish")

    assert response.status_code == 409
    assert response.json()["error"] == "conflict"
    webtoon.refresh_from_db()
    assert webtoon.status == WebtoonStatus.PLANNING
    assert webtoon.published_url == ""


def test_publishing_with_undrawn_panels_is_a_conflict(auth_client, project):
    webtoon = WebtoonFactory(project=project)
    PanelFactory(webtoon=webtoon, sequence_number=1)

    response = auth_client.post(f"/api/v1/webtoons/{webtoon.pk}/publish")

    assert response.status_code == 409
    assert response.json()["message"] == "Panels 1 have no finished art yet; generate them before publishing."


def test_publishing_a_generated_webtoon_sets_the_public_url(auth_client, generated_webtoon):
    response = auth_client.post(f"/api/v1/webtoons/{generated_webtoon.pk}/publish")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "published"
    assert body["published_url"] == f"http://testserver/w/{generated_webtoon.pk}/"
    assert body["published_at"]


def test_published_url_uses_the_public_base_url_when_set(auth_client, generated_webtoon, settings):
    settings.PUBLIC_BASE_URL = "https://comics.example.com"

    body = auth_client.post(f"/api/v1/webtoons/{generated_webtoon.pk}/publish").json()

    assert body["published_url"] == f"https://comics.example.com/w/{generated_webtoon.pk}/"


@pytest.mark.parametrize(
    ("fmt", "content_type", "extension"),
    [
        ("png", "application/zip", "zip"),
        ("pdf", "application/pdf", "pdf"),
        ("cbz", "application/vnd.comicbook+zip", "cbz"),
        ("html", "text/html; charset=utf-8", "html"),
    ],
)
def test_export_sends_the_file_as_an_attachment_once_its_job_has_built_it(
    auth_client, generated_webtoon, fmt, content_type, extension, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        queued = auth_client.get(f"/api/v1/webtoons/{generated_webtoon.pk}/export/{fmt}")
    response = auth_client.get(f"/api/v1/webtoons/{generated_webtoon.pk}/export/{fmt}")

    assert queued.status_code == 202
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith(f'.{extension}"')
    assert int(response["Content-Length"]) == len(b"".join(response.streaming_content)) > 1000


def test_export_in_an_unknown_format_is_not_found(auth_client, generated_webtoon):
    response = auth_client.get(f"/api/v1/webtoons/{generated_webtoon.pk}/export/docx")

    assert response.status_code == 404
    assert response.json()["message"] == "Unknown export format 'docx'; choose one of png, pdf, cbz, html."


def test_export_without_panels_is_a_conflict(auth_client, project):
    webtoon = WebtoonFactory(project=project)

    response = auth_client.get(f"/api/v1/webtoons/{webtoon.pk}/export/pdf")

    assert response.status_code == 409


def test_generate_then_poll_until_completed(
    auth_client, project, eager_celery, image_provider, django_capture_on_commit_callbacks
):
    body = {**GUIDE_GENERATE_BODY, "panel_count": 2}
    with django_capture_on_commit_callbacks(execute=True):
        task_id = auth_client.post(f"/api/v1/webtoons/generate?project_id={project.pk}", body, format="json").json()[
            "id"
        ]

    task = auth_client.get(f"/api/v1/tasks/{task_id}").json()
    panels = auth_client.get(f"/api/v1/panels/webtoon/{task['webtoon_id']}").json()

    assert task["status"] == TaskStatus.COMPLETED
    assert task["progress"] == 100.0
    assert task["task_type"] == TaskType.WEBTOON_GENERATION
    assert panels["total"] == 2
    assert all(
        p["status"] == "lettered" and p["image_url"].startswith("http://testserver/media/") for p in panels["items"]
    )
