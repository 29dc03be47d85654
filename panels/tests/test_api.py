"""Panels API: list in order, add, edit (dialogue re-letters without the image provider), reorder, delete,
redraw as a task; another user's panel is 404 with nothing changed."""

import pytest
from django.core.files.storage import default_storage

from panels.models import Panel, PanelStatus
from projects.tests.factories import ProjectFactory
from tasks.models import Task, TaskStatus, TaskType
from webtoons.tests.factories import PanelFactory, TaskFactory, WebtoonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def webtoon(user):
    return WebtoonFactory(project=ProjectFactory(user=user))


def _panels(webtoon, count):
    return [PanelFactory(webtoon=webtoon, sequence_number=n, visual_description=f"P{n}") for n in range(1, count + 1)]


def _order(webtoon):
    return list(webtoon.panels.order_by("sequence_number").values_list("visual_description", "sequence_number"))


def test_panels_of_a_webtoon_are_listed_by_sequence_number(auth_client, webtoon):
    third = PanelFactory(webtoon=webtoon, sequence_number=3)
    first = PanelFactory(webtoon=webtoon, sequence_number=1)
    second = PanelFactory(webtoon=webtoon, sequence_number=2)

    body = auth_client.get(f"/api/v1/panels/webtoon/{webtoon.pk}").json()

    assert [p["id"] for p in body["items"]] == [str(first.pk), str(second.pk), str(third.pk)]
    assert body["total"] == 3


def test_panels_of_another_users_webtoon_are_not_found(other_client, webtoon):
    _panels(webtoon, 1)

    assert other_client.get(f"/api/v1/panels/webtoon/{webtoon.pk}").status_code == 404


def test_a_new_panel_is_appended_with_webtoon_id_in_the_query(auth_client, webtoon):
    _panels(webtoon, 2)

    response = auth_client.post(
        f"/api/v1/panels?webtoon_id={webtoon.pk}",
        {"visual_description": "P3", "shot": "wide", "speech_bubbles": [{"speaker": "Alex", "text": "Hi!"}]},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["sequence_number"] == 3
    assert body["status"] == "pending"
    assert body["speech_bubbles"] == [
        {
            "speaker": "Alex",
            "character_id": None,
            "text": "Hi!",
            "style": "normal",
            "position": None,
            "tail_direction": None,
        }
    ]


def test_a_new_panel_inserted_in_the_middle_shifts_the_later_ones(auth_client, webtoon):
    _panels(webtoon, 3)

    response = auth_client.post(
        "/api/v1/panels",
        {"webtoon_id": str(webtoon.pk), "sequence_number": 2, "visual_description": "New"},
        format="json",
    )

    assert response.status_code == 201
    assert _order(webtoon) == [("P1", 1), ("New", 2), ("P2", 3), ("P3", 4)]


def test_a_panel_cannot_be_added_to_another_users_webtoon(other_client, webtoon):
    response = other_client.post(f"/api/v1/panels?webtoon_id={webtoon.pk}", {"visual_description": "x"}, format="json")

    assert response.status_code == 404
    assert Panel.objects.count() == 0


def test_a_sequence_number_past_the_end_names_the_field(auth_client, webtoon):
    _panels(webtoon, 2)

    response = auth_client.post(
        f"/api/v1/panels?webtoon_id={webtoon.pk}", {"sequence_number": 9, "visual_description": "x"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["details"] == {"sequence_number": ["Must be between 1 and 3."]}
    assert webtoon.panels.count() == 2


def test_moving_a_panel_keeps_the_sequence_dense(auth_client, webtoon):
    panels = _panels(webtoon, 4)

    response = auth_client.patch(f"/api/v1/panels/{panels[0].pk}", {"sequence_number": 3}, format="json")

    assert response.status_code == 200
    assert response.json()["sequence_number"] == 3
    assert _order(webtoon) == [("P2", 1), ("P3", 2), ("P1", 3), ("P4", 4)]


def test_moving_a_panel_up_keeps_the_sequence_dense(auth_client, webtoon):
    panels = _panels(webtoon, 4)

    auth_client.patch(f"/api/v1/panels/{panels[3].pk}/", {"sequence_number": 1}, format="json")

    assert _order(webtoon) == [("P4", 1), ("P1", 2), ("P2", 3), ("P3", 4)]


def test_deleting_a_panel_closes_the_gap(auth_client, webtoon):
    panels = _panels(webtoon, 4)

    response = auth_client.delete(f"/api/v1/panels/{panels[1].pk}")

    assert response.status_code == 204
    assert _order(webtoon) == [("P1", 1), ("P3", 2), ("P4", 3)]


def test_another_users_panel_is_not_found_and_not_changed(other_client, webtoon):
    panel = _panels(webtoon, 1)[0]

    responses = [
        other_client.get(f"/api/v1/panels/{panel.pk}"),
        other_client.patch(f"/api/v1/panels/{panel.pk}", {"visual_description": "stolen"}, format="json"),
        other_client.delete(f"/api/v1/panels/{panel.pk}"),
        other_client.post("/api/v1/panels/generate", {"panel_id": str(panel.pk)}, format="json"),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404, 404]
    panel.refresh_from_db()
    assert panel.visual_description == "P1"
    assert Task.objects.count() == 0


def test_a_bubble_with_an_unknown_style_names_the_field(auth_client, webtoon):
    panel = _panels(webtoon, 1)[0]

    response = auth_client.patch(
        f"/api/v1/panels/{panel.pk}",
        {"speech_bubbles": [{"speaker": "A", "text": "x", "style": "yell"}]},
        format="json",
    )

    assert response.status_code == 400
    assert set(response.json()["details"]) == {"speech_bubbles"}
    panel.refresh_from_db()
    assert panel.speech_bubbles == []


def test_a_patched_bubble_without_style_gets_the_default_style(auth_client, webtoon):
    panel = _panels(webtoon, 1)[0]

    response = auth_client.patch(
        f"/api/v1/panels/{panel.pk}", {"speech_bubbles": [{"speaker": "Ren", "text": "hi"}]}, format="json"
    )

    assert response.status_code == 200
    panel.refresh_from_db()
    assert panel.speech_bubbles == [
        {
            "speaker": "Ren",
            "character_id": None,
            "text": "hi",
            "style": "normal",
            "position": None,
            "tail_direction": None,
        }
    ]


def test_a_patched_bubble_without_text_names_the_missing_field(auth_client, webtoon):
    panel = _panels(webtoon, 1)[0]

    response = auth_client.patch(f"/api/v1/panels/{panel.pk}", {"speech_bubbles": [{"speaker": "Ren"}]}, format="json")

    assert response.status_code == 400
    assert response.json()["details"] == {"speech_bubbles": {"0": {"text": ["This field is required."]}}}
    panel.refresh_from_db()
    assert panel.speech_bubbles == []


def test_editing_dialogue_reletters_from_the_raw_art_without_calling_the_image_provider(
    auth_client, generated_webtoon, image_provider
):
    panel = generated_webtoon.panels.get(sequence_number=1)
    old_image, raw, version = panel.image.name, panel.raw_image.name, panel.version
    bubbles = [
        {"speaker": "Alex Thunder", "text": "The storm answers me!", "style": "shout"},
        {"text": "Far away, the shadows stirred.", "style": "narration"},
    ]

    response = auth_client.patch(f"/api/v1/panels/{panel.pk}", {"speech_bubbles": bubbles}, format="json")

    assert response.status_code == 200
    body = response.json()
    assert image_provider.calls == 0
    assert body["version"] == version + 1
    assert [(b["text"], b["style"]) for b in body["speech_bubbles"]] == [
        ("The storm answers me!", "shout"),
        ("Far away, the shadows stirred.", "narration"),
    ]
    assert all(b["position"] is not None for b in body["speech_bubbles"])
    panel.refresh_from_db()
    assert panel.raw_image.name == raw
    assert panel.image.name != old_image
    assert default_storage.exists(panel.image.name)
    assert panel.status == PanelStatus.LETTERED


def test_generate_redraws_a_panel_with_a_new_seed_and_reletters_it(
    auth_client, generated_webtoon, image_provider, django_capture_on_commit_callbacks
):
    panel = generated_webtoon.panels.get(sequence_number=2)
    old_seed, version = panel.seed, panel.version

    with django_capture_on_commit_callbacks(execute=True):
        response = auth_client.post("/api/v1/panels/generate", {"panel_id": str(panel.pk)}, format="json")

    assert response.status_code == 202
    assert response.json()["status"] == "pending"
    assert response.json()["task_type"] == "panel_generation"
    task = Task.objects.get(task_type=TaskType.PANEL_GENERATION)
    assert task.status == TaskStatus.COMPLETED
    panel.refresh_from_db()
    assert panel.seed != old_seed
    assert panel.seed == task.input["seed"]
    assert panel.version == version + 1
    assert panel.status == PanelStatus.LETTERED
    assert image_provider.calls == 1
    assert task.result["panel_id"] == str(panel.pk)


def test_generate_with_a_given_seed_uses_it(auth_client, generated_webtoon, django_capture_on_commit_callbacks):
    panel = generated_webtoon.panels.get(sequence_number=1)

    with django_capture_on_commit_callbacks(execute=True):
        auth_client.post("/api/v1/panels/generate", {"panel_id": str(panel.pk), "seed": 1234}, format="json")

    panel.refresh_from_db()
    assert panel.seed == 1234


def test_generate_while_the_webtoon_is_being_generated_is_a_conflict(auth_client, webtoon):
    panel = _panels(webtoon, 1)[0]
    TaskFactory(webtoon=webtoon, status=TaskStatus.RUNNING)

    response = auth_client.post("/api/v1/panels/generate", {"panel_id": str(panel.pk)}, format="json")

    assert response.status_code == 409
    assert Task.objects.count() == 1


def test_panel_generation_is_throttled(auth_client, webtoon, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "panel_generation": "1/hour"},
    }
    first, second = _panels(webtoon, 2)

    ok = auth_client.post("/api/v1/panels/generate", {"panel_id": str(first.pk)}, format="json")
    limited = auth_client.post("/api/v1/panels/generate", {"panel_id": str(second.pk)}, format="json")

    assert (ok.status_code, limited.status_code) == (202, 429)
    assert Task.objects.count() == 1


def test_a_redraw_past_the_monthly_quota_is_refused_and_queues_nothing(auth_client, user, webtoon):
    user.monthly_generation_quota = 2
    user.save()
    panel = _panels(webtoon, 1)[0]
    TaskFactory(user=user, webtoon=webtoon, status=TaskStatus.COMPLETED)
    TaskFactory(user=user, webtoon=webtoon, task_type=TaskType.PANEL_GENERATION, status=TaskStatus.COMPLETED)

    response = auth_client.post("/api/v1/panels/generate", {"panel_id": str(panel.pk)}, format="json")

    assert response.status_code == 429
    body = response.json()
    assert body["error"] == "quota_exceeded"
    assert (body["details"]["quota"], body["details"]["used"]) == (2, 2)
    assert int(response["Retry-After"]) == body["details"]["retry_after_seconds"]
    assert Task.objects.count() == 2


def test_a_redraw_counts_against_the_quota_of_webtoon_generations(auth_client, user, webtoon):
    user.monthly_generation_quota = 1
    user.save()
    panel = _panels(webtoon, 1)[0]

    redraw = auth_client.post("/api/v1/panels/generate", {"panel_id": str(panel.pk)}, format="json")
    generate = auth_client.post(
        f"/api/v1/webtoons/generate?project_id={webtoon.project_id}", {"story_prompt": "A fox at sea."}, format="json"
    )

    assert (redraw.status_code, generate.status_code) == (202, 429)
    assert generate.json()["details"]["used"] == 1
