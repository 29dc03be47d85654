"""A whole generation in production shape: every file in (moto) S3, and its metrics on /metrics.

The Celery tasks run eagerly (the embedded code path) with the offline providers of the product.
"""

import io

import pytest
from django.core.files.storage import default_storage
from PIL import Image
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from panels.models import PanelStatus
from projects.tests.factories import CharacterFactory, ProjectFactory
from sketchdojo.tests.ops_fixtures import BUCKET, bucket_keys, s3_settings
from tasks.models import TaskStatus
from tasks.tests.fixtures import GUIDE_PROMPT
from webtoons.services import GenerationRequest, webtoon_generate

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(user):
    project = ProjectFactory(user=user, title="Storm Village")
    CharacterFactory(project=project, name="Alex Thunder")
    return project


def _generate(user, project, capture, *, panel_count):
    request = GenerationRequest(
        story_prompt=GUIDE_PROMPT, panel_count=panel_count, style="webtoon", auto_generate_panels=True
    )
    with capture(execute=True):
        task = webtoon_generate(user=user, project=project, request=request)
    task.refresh_from_db()
    return task


def _image_size(client, key) -> tuple[int, int]:
    """Reads the object back from the bucket and decodes it: a real picture, not just a key."""
    body = client.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    with Image.open(io.BytesIO(body)) as image:
        image.load()
        return image.size


def test_a_generation_with_s3_storage_writes_every_panel_and_the_strip_to_the_bucket(
    s3_env, user, project, eager_celery, django_capture_on_commit_callbacks, auth_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    with s3_settings():
        task = _generate(user, project, django_capture_on_commit_callbacks, panel_count=3)
        panels = list(task.webtoon.panels.order_by("sequence_number"))
        webtoon = task.webtoon
        webtoon.refresh_from_db()
        listed = auth_client.get(f"/api/v1/panels/webtoon/{webtoon.pk}").json()

    assert task.status == TaskStatus.COMPLETED, task.error_message
    assert [p.status for p in panels] == [PanelStatus.LETTERED] * 3
    expected = sorted(
        [p.raw_image.name for p in panels]
        + [p.image.name for p in panels]
        + [webtoon.strip.name, webtoon.thumbnail.name]
    )
    assert bucket_keys(s3_env) == expected
    assert all(_image_size(s3_env, p.image.name)[0] > 0 for p in panels)
    assert _image_size(s3_env, webtoon.strip.name)[0] == 800
    items = listed["items"] if isinstance(listed, dict) else listed
    urls = [item["image_url"] for item in items]
    assert len(urls) == 3
    assert all(url.startswith(f"{s3_env.meta.endpoint_url}/{BUCKET}/panels/lettered/") for url in urls)
    assert all("X-Amz-Signature=" in url for url in urls)
    assert not (tmp_path / "media").exists()  # nothing went to the local media folder
    assert not default_storage.exists(panels[0].image.name)


def _value(name, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_a_generation_shows_on_metrics_as_tasks_steps_provider_calls_and_panels(
    user, project, eager_celery, django_capture_on_commit_callbacks, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    completed_before = _value("sketchdojo_tasks_total", task_type="webtoon_generation", status="completed")
    panels_before = _value("sketchdojo_panels_drawn_total", provider="local")
    durations_before = _value(
        "sketchdojo_generation_duration_seconds_count", task_type="webtoon_generation", status="completed"
    )

    task = _generate(user, project, django_capture_on_commit_callbacks, panel_count=2)
    families = {f.name: f for f in text_string_to_metric_families(client.get("/metrics").content.decode())}

    assert task.status == TaskStatus.COMPLETED, task.error_message
    assert _value("sketchdojo_tasks_total", task_type="webtoon_generation", status="completed") == completed_before + 1
    assert _value("sketchdojo_panels_drawn_total", provider="local") == panels_before + 2
    assert (
        _value("sketchdojo_generation_duration_seconds_count", task_type="webtoon_generation", status="completed")
        == durations_before + 1
    )
    steps = {s.labels["step"] for s in families["sketchdojo_step_duration_seconds"].samples if "step" in s.labels}
    assert steps
    assert {
        "sketchdojo_tasks",
        "sketchdojo_panels_drawn",
        "sketchdojo_provider_calls",
        "sketchdojo_tasks_running",
    } <= set(families)
    running = {s.labels["task_type"]: s.value for s in families["sketchdojo_tasks_running"].samples}
    assert running == {
        "webtoon_generation": 0.0,
        "panel_generation": 0.0,
        "webtoon_export": 0.0,
        "character_sheet": 0.0,
    }


def test_running_tasks_on_metrics_count_the_task_rows_that_are_running(user, project, client):
    from tasks.models import Task

    Task.objects.create(user=user, task_type="webtoon_generation", status=TaskStatus.RUNNING)
    Task.objects.create(user=user, task_type="webtoon_generation", status=TaskStatus.RUNNING)
    Task.objects.create(user=user, task_type="panel_generation", status=TaskStatus.PENDING)

    families = {f.name: f for f in text_string_to_metric_families(client.get("/metrics").content.decode())}
    running = {s.labels["task_type"]: s.value for s in families["sketchdojo_tasks_running"].samples}

    assert running == {
        "webtoon_generation": 2.0,
        "panel_generation": 0.0,
        "webtoon_export": 0.0,
        "character_sheet": 0.0,
    }
