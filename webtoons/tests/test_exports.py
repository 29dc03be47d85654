"""Exports built once per revision by a background job, stored, streamed, and capped per user (issue 15, finding 8)."""

from html import escape

import pytest
from django.core.files.storage import default_storage

from panels.scripting import panel_text
from sketchdojo.engine import exports as engine_exports
from sketchdojo.engine.script import slug
from tasks.models import Task, TaskStatus, TaskType
from tasks.selectors import generations_this_month
from webtoons import exports

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds(monkeypatch):
    """Counts the export builds (the real builder still runs)."""
    calls = []
    real = engine_exports.export_webtoon

    def counting(fmt, **kwargs):
        calls.append(fmt)
        return real(fmt, **kwargs)

    monkeypatch.setattr(exports, "export_webtoon", counting)
    return calls


def _url(webtoon, fmt="pdf") -> str:
    return f"/api/v1/webtoons/{webtoon.pk}/export/{fmt}"


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def _export_jobs(webtoon) -> list[Task]:
    return list(Task.objects.filter(webtoon=webtoon, task_type=TaskType.WEBTOON_EXPORT).order_by("created_at"))


def _download(client, webtoon, capture, fmt="pdf"):
    """Ask for an export, let its job run (eager Celery, on commit), and fetch the file."""
    with capture(execute=True):
        first = client.get(_url(webtoon, fmt))
    if first.status_code != 202:
        return first
    return client.get(_url(webtoon, fmt))


def _stored(webtoon) -> list[str]:
    return sorted(default_storage.listdir(f"exports/{webtoon.pk}")[1])


def test_the_first_request_queues_a_build_job_and_answers_202_with_where_to_poll(
    media_root, generated_webtoon, auth_client, builds
):
    response = auth_client.get(_url(generated_webtoon))

    assert response.status_code == 202
    [job] = _export_jobs(generated_webtoon)
    assert response["Location"] == f"/api/v1/tasks/{job.pk}"
    assert response["Retry-After"] == "2"
    body = response.json()
    assert (body["id"], body["task_type"], body["status"]) == (str(job.pk), "webtoon_export", "pending")
    assert job.input["format"] == "pdf"
    assert builds == []


def test_the_job_builds_the_file_once_and_later_requests_stream_it_from_storage(
    media_root, generated_webtoon, auth_client, builds, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        queued = auth_client.get(_url(generated_webtoon))
    first = auth_client.get(_url(generated_webtoon))
    second = auth_client.get(_url(generated_webtoon))

    assert (queued.status_code, first.status_code, second.status_code) == (202, 200, 200)
    assert builds == ["pdf"]
    first_body = _body(first)
    assert first_body == _body(second)
    assert first_body.startswith(b"%PDF")
    assert first["Content-Disposition"] == f'attachment; filename="{slug(generated_webtoon.title)}.pdf"'
    [job] = _export_jobs(generated_webtoon)
    assert job.status == TaskStatus.COMPLETED
    assert job.result["download_url"] == f"/api/v1/webtoons/{generated_webtoon.pk}/export/pdf"
    assert job.result["content_type"] == "application/pdf"
    assert _stored(generated_webtoon) == [job.result["name"].rsplit("/", 1)[1]]


def test_asking_again_while_it_builds_gets_the_same_job(media_root, generated_webtoon, auth_client, builds):
    first = auth_client.get(_url(generated_webtoon))
    second = auth_client.get(_url(generated_webtoon))

    assert (first.status_code, second.status_code) == (202, 202)
    assert first.json()["id"] == second.json()["id"]
    assert len(_export_jobs(generated_webtoon)) == 1


def test_an_edit_makes_a_new_revision_and_drops_the_old_file(
    media_root, generated_webtoon, auth_client, builds, django_capture_on_commit_callbacks
):
    _download(auth_client, generated_webtoon, django_capture_on_commit_callbacks)
    before = _stored(generated_webtoon)

    auth_client.patch(f"/api/v1/webtoons/{generated_webtoon.pk}", {"title": "Renamed"}, format="json")
    response = _download(auth_client, generated_webtoon, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="renamed.pdf"'
    assert builds == ["pdf", "pdf"]
    after = _stored(generated_webtoon)
    assert len(after) == 1
    assert after != before


def test_a_panel_edit_makes_a_new_revision(media_root, generated_webtoon):
    panel = generated_webtoon.panels.order_by("sequence_number").first()
    revision = exports.export_revision(generated_webtoon, list(generated_webtoon.panels.order_by("sequence_number")))

    panel.image.name = "panels/another-file.png"
    panel.save(update_fields=["image"])

    panels = list(generated_webtoon.panels.order_by("sequence_number"))
    assert exports.export_revision(generated_webtoon, panels) != revision


def test_each_format_is_stored_apart(
    media_root, generated_webtoon, auth_client, builds, django_capture_on_commit_callbacks
):
    for fmt in ("pdf", "cbz", "pdf"):
        assert _download(auth_client, generated_webtoon, django_capture_on_commit_callbacks, fmt).status_code == 200

    assert builds == ["pdf", "cbz"]
    assert [name.split("-")[0] for name in _stored(generated_webtoon)] == ["cbz", "pdf"]


def test_a_job_over_the_users_cap_gets_429_with_retry_after_and_queues_nothing(
    media_root, generated_webtoon, auth_client, builds, settings
):
    settings.EXPORT_BUILDS_PER_USER = 2
    auth_client.get(_url(generated_webtoon, "pdf"))
    auth_client.get(_url(generated_webtoon, "cbz"))

    response = auth_client.get(_url(generated_webtoon, "html"))

    assert response.status_code == 429
    assert response["Retry-After"] == "5"
    body = response.json()
    assert body["error"] == "export_busy"
    assert body["message"] == "You already have 2 exports being built; retry shortly."
    assert body["details"] == {"retry_after_seconds": 5}
    assert [job.input["format"] for job in _export_jobs(generated_webtoon)] == ["pdf", "cbz"]
    assert builds == []


def test_a_finished_job_frees_its_place_under_the_cap(
    media_root, generated_webtoon, auth_client, builds, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_BUILDS_PER_USER = 1
    _download(auth_client, generated_webtoon, django_capture_on_commit_callbacks, "pdf")

    response = auth_client.get(_url(generated_webtoon, "cbz"))

    assert response.status_code == 202


def test_a_failed_build_fails_its_task_frees_the_process_slot_and_the_next_request_queues_again(
    media_root, generated_webtoon, auth_client, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(fmt, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(exports, "export_webtoon", broken)
    with django_capture_on_commit_callbacks(execute=True):
        auth_client.get(_url(generated_webtoon))

    [failed] = _export_jobs(generated_webtoon)
    assert failed.status == TaskStatus.FAILED
    assert failed.error_message == "An internal error stopped the export (RuntimeError('disk full')); ask for it again."
    assert exports._process_builds.acquire(blocking=False) is True
    exports._process_builds.release()
    again = auth_client.get(_url(generated_webtoon))
    assert again.status_code == 202
    assert again.json()["id"] != str(failed.pk)


def test_a_job_run_twice_builds_once(media_root, generated_webtoon, auth_client, builds):
    auth_client.get(_url(generated_webtoon))
    [job] = _export_jobs(generated_webtoon)

    exports.export_build(task_id=job.pk)
    exports.export_build(task_id=job.pk)

    assert builds == ["pdf"]
    job.refresh_from_db()
    assert job.status == TaskStatus.COMPLETED


def test_a_job_for_a_webtoon_edited_since_builds_what_it_is_now(media_root, generated_webtoon, auth_client, builds):
    auth_client.get(_url(generated_webtoon))
    [job] = _export_jobs(generated_webtoon)
    generated_webtoon.title = "Edited meanwhile"
    generated_webtoon.save(update_fields=["title"])

    exports.export_build(task_id=job.pk)

    job.refresh_from_db()
    assert job.result["filename"] == "edited-meanwhile.pdf"
    assert auth_client.get(_url(generated_webtoon)).status_code == 200


def test_a_stored_file_that_is_gone_is_built_again(
    media_root, generated_webtoon, auth_client, builds, django_capture_on_commit_callbacks
):
    _download(auth_client, generated_webtoon, django_capture_on_commit_callbacks)
    [name] = _stored(generated_webtoon)
    default_storage.delete(f"exports/{generated_webtoon.pk}/{name}")

    response = _download(auth_client, generated_webtoon, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert builds == ["pdf", "pdf"]
    assert _stored(generated_webtoon) == [name]


def test_export_jobs_do_not_count_against_the_generation_quota(media_root, generated_webtoon, auth_client, user):
    used = generations_this_month(user=user)

    auth_client.get(_url(generated_webtoon, "pdf"))
    auth_client.get(_url(generated_webtoon, "cbz"))

    assert generations_this_month(user=user) == used == 1


@pytest.mark.django_db(transaction=True)
def test_with_a_wait_the_first_request_streams_the_file_its_job_built_meanwhile(
    media_root, generated_webtoon, auth_client, builds, settings
):
    # Transactional: the job is queued on commit and (eager Celery) runs before the request waits.
    settings.EXPORT_WAIT_SECONDS = 5

    response = auth_client.get(_url(generated_webtoon))

    assert response.status_code == 200
    assert _body(response).startswith(b"%PDF")
    assert builds == ["pdf"]


@pytest.mark.django_db(transaction=True)
def test_with_a_wait_a_build_that_fails_is_a_409_that_says_so(
    media_root, generated_webtoon, auth_client, settings, monkeypatch
):
    settings.EXPORT_WAIT_SECONDS = 5

    def broken(fmt, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(exports, "export_webtoon", broken)

    response = auth_client.get(_url(generated_webtoon))

    assert response.status_code == 409
    assert response.json()["message"] == (
        "An internal error stopped the export (RuntimeError('disk full')); ask for it again."
    )


def test_the_html_export_carries_each_panels_alt_text_and_transcript(
    media_root, generated_webtoon, auth_client, django_capture_on_commit_callbacks
):
    response = _download(auth_client, generated_webtoon, django_capture_on_commit_callbacks, "html")

    assert response.status_code == 200
    document = _body(response).decode()
    for panel in generated_webtoon.panels.order_by("sequence_number"):
        text = panel_text(panel)
        assert f'alt="{escape(text.alt)}"' in document
        for line in text.transcript:
            assert f'<span class="speaker">{escape(line.label)}:</span> {escape(line.text)}</p>' in document


def test_a_dialogue_edit_makes_a_new_html_revision(media_root, generated_webtoon, auth_client):
    panel = generated_webtoon.panels.order_by("sequence_number").first()
    before = exports.export_revision(generated_webtoon, list(generated_webtoon.panels.order_by("sequence_number")))
    type(panel).objects.filter(pk=panel.pk).update(
        speech_bubbles=[{"speaker": None, "text": "A new caption.", "style": "narration"}]
    )

    after = exports.export_revision(generated_webtoon, list(generated_webtoon.panels.order_by("sequence_number")))

    assert before != after
