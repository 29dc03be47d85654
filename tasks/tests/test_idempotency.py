"""Idempotency-Key on POST /webtoons/generate and POST /panels/generate: a repeat returns the first task,
counts once (quota and throttles), a reuse on another request is 409, a bad key is 400."""

from datetime import timedelta

import pytest

from panels.models import Panel
from projects.tests.factories import ProjectFactory
from tasks import idempotency as idempotency_module
from tasks.models import Task, TaskType
from webtoons import services as webtoon_services
from webtoons.models import Webtoon
from webtoons.tests.factories import PanelFactory, WebtoonFactory

pytestmark = pytest.mark.django_db

BODY = {"story_prompt": "A lighthouse keeper finds a letter in a bottle.", "panel_count": 3}


@pytest.fixture
def project(user):
    return ProjectFactory(user=user)


@pytest.fixture
def panel(user) -> Panel:
    return PanelFactory(webtoon=WebtoonFactory(project=ProjectFactory(user=user)), sequence_number=1)


def generate(client, project, key, body=BODY):
    headers = {} if key is None else {"HTTP_IDEMPOTENCY_KEY": key}
    return client.post(f"/api/v1/webtoons/generate?project_id={project.pk}", body, format="json", **headers)


def redraw(client, panel, key, **extra):
    return client.post(
        "/api/v1/panels/generate", {"panel_id": str(panel.pk), **extra}, format="json", HTTP_IDEMPOTENCY_KEY=key
    )


def test_a_repeated_key_returns_the_first_task_and_makes_nothing_new(auth_client, project):
    first = generate(auth_client, project, "order-7f3a")
    second = generate(auth_client, project, "order-7f3a")

    assert (first.status_code, second.status_code) == (202, 202)
    assert second.json() == first.json()
    task = Task.objects.get()
    assert (task.idempotency_key, str(task.pk)) == ("order-7f3a", first.json()["id"])
    assert Webtoon.objects.count() == 1


def test_requests_without_a_key_each_make_a_task(auth_client, project):
    assert generate(auth_client, project, None).status_code == 202
    assert generate(auth_client, project, None).status_code == 202
    assert Task.objects.count() == 2
    assert list(Task.objects.values_list("idempotency_key", flat=True)) == [None, None]


def test_a_repeat_counts_once_against_the_quota(auth_client, user, project):
    user.monthly_generation_quota = 1
    user.save()

    responses = [generate(auth_client, project, "k1").status_code for _ in range(3)]
    other_key = generate(auth_client, project, "k2")

    assert responses == [202, 202, 202]
    assert other_key.status_code == 429
    assert Task.objects.count() == 1


def test_a_repeat_counts_once_against_the_generation_throttle(auth_client, project, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "generation": "1/hour"},
    }

    first = generate(auth_client, project, "k1")
    repeat = generate(auth_client, project, "k1")
    new = generate(auth_client, project, "k2")

    assert (first.status_code, repeat.status_code, new.status_code) == (202, 202, 429)
    assert new.json()["error"] == "rate_limited"


def test_the_same_key_on_a_different_request_is_a_conflict(auth_client, project):
    assert generate(auth_client, project, "k1").status_code == 202

    response = generate(auth_client, project, "k1", body={**BODY, "panel_count": 4})

    assert response.status_code == 409
    assert response.json() == {
        "status": "error",
        "error": "idempotency_key_reused",
        "message": "This Idempotency-Key was already used for a different request; send a new key for a new request.",
        "details": {},
    }
    assert Task.objects.count() == 1


def test_a_key_used_for_a_generation_is_a_conflict_on_a_redraw(auth_client, project, panel):
    assert generate(auth_client, project, "k1").status_code == 202
    assert redraw(auth_client, panel, "k1").json()["error"] == "idempotency_key_reused"


def test_keys_are_per_user(auth_client, other_client, project, other_user):
    mine = generate(auth_client, project, "shared")
    theirs = generate(other_client, ProjectFactory(user=other_user), "shared")

    assert (mine.status_code, theirs.status_code) == (202, 202)
    assert mine.json()["id"] != theirs.json()["id"]
    assert Task.objects.count() == 2


def test_a_key_older_than_24_hours_starts_a_new_task(auth_client, project):
    first = generate(auth_client, project, "k1")
    Task.objects.update(created_at=Task.objects.get().created_at - timedelta(hours=24, seconds=1))

    again = generate(auth_client, project, "k1")

    assert again.status_code == 202
    assert again.json()["id"] != first.json()["id"]
    assert dict(Task.objects.values_list("id", "idempotency_key")) == {
        Task.objects.get(pk=first.json()["id"]).pk: None,
        Task.objects.get(pk=again.json()["id"]).pk: "k1",
    }


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("x" * 256, "Must be at most 255 characters (it has 256)."),
        ("   ", "Must not be empty."),
        ("caf\u00e9", "Must be printable ASCII characters."),
    ],
)
def test_a_bad_key_is_a_validation_error(auth_client, project, key, message):
    response = generate(auth_client, project, key)

    assert response.status_code == 400
    assert response.json()["details"] == {"Idempotency-Key": [message]}
    assert Task.objects.count() == 0


def test_a_key_of_255_characters_is_accepted(auth_client, project):
    assert generate(auth_client, project, "x" * 255).status_code == 202
    assert Task.objects.get().idempotency_key == "x" * 255


def test_a_repeated_redraw_returns_the_first_task(auth_client, panel, user):
    user.monthly_generation_quota = 1
    user.save()

    first = redraw(auth_client, panel, "redraw-1", seed=7)
    second = redraw(auth_client, panel, "redraw-1", seed=7)
    other_seed = redraw(auth_client, panel, "redraw-1", seed=8)

    assert (first.status_code, second.status_code) == (202, 202)
    assert second.json()["id"] == first.json()["id"]
    assert other_seed.status_code == 409
    assert Task.objects.filter(task_type=TaskType.PANEL_GENERATION).count() == 1


def test_a_race_lost_at_the_unique_constraint_returns_the_winners_task(auth_client, project, monkeypatch):
    """Two requests with one key both pass the look-up; the second insert trips the (user, key) constraint,
    its transaction rolls back (no second webtoon) and it answers with the first task."""
    winner = generate(auth_client, project, "k1").json()
    real_replay = idempotency_module.task_replay
    calls = []

    def replay_not_yet_committed(**kwargs):
        calls.append(kwargs["idempotency"].key)
        return None if len(calls) == 1 else real_replay(**kwargs)

    monkeypatch.setattr(webtoon_services, "task_replay", replay_not_yet_committed)
    monkeypatch.setattr(idempotency_module, "task_replay", replay_not_yet_committed)

    loser = generate(auth_client, project, "k1")

    assert loser.status_code == 202
    assert loser.json()["id"] == winner["id"]
    assert calls == ["k1", "k1"]
    assert (Task.objects.count(), Webtoon.objects.count()) == (1, 1)


def test_the_schema_documents_the_header_on_both_routes(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path in ("/api/v1/webtoons/generate", "/api/v1/panels/generate"):
        parameters = schema["paths"][path]["post"]["parameters"]
        header = next(p for p in parameters if p["in"] == "header")
        assert header["name"] == "Idempotency-Key"
        assert header.get("required", False) is False
        assert header["schema"] == {"type": "string"}
        assert "within 24 hours returns the first task" in header["description"]


@pytest.mark.services  # SQLite's shared in-memory test database refuses concurrent writers
@pytest.mark.django_db(transaction=True)
def test_eight_parallel_requests_with_one_key_make_one_task(user, project):
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections

    from conftest import _client_for

    def post(_):
        try:
            return generate(_client_for(user), project, "double-submit")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(post, range(8)))

    assert [r.status_code for r in responses] == [202] * 8
    assert len({r.json()["id"] for r in responses}) == 1
    assert (Task.objects.count(), Webtoon.objects.count()) == (1, 1)
