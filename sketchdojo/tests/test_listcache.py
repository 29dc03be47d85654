"""The per-user list cache (sketchdojo.listcache): a page is served again only until its user's rows change."""

import pytest
from django.db.models import F
from django.test import override_settings

from characters.models import Character
from panels.models import Panel
from projects.models import Project
from projects.services import project_delete
from projects.tests.factories import CharacterFactory, ProjectFactory
from sketchdojo import listcache
from tasks.models import Task
from tasks.services import task_claim, task_running_update
from webtoons.tests.factories import PanelFactory, TaskFactory, WebtoonFactory

pytestmark = pytest.mark.django_db


def _version(user):
    return listcache.cache.get(listcache._version_key(user.pk))


def test_a_page_asked_again_costs_no_query(auth_client, user, django_assert_num_queries):
    ProjectFactory.create_batch(3, user=user)
    first = auth_client.get("/api/v1/projects?size=2")

    with django_assert_num_queries(0):  # the token's user is remembered (accounts.authcache); no count, no page
        again = auth_client.get("/api/v1/projects?size=2")

    assert again.json() == first.json()
    assert again.json()["total"] == 3


def test_every_list_serves_its_cached_page_without_its_own_queries(auth_client, user, django_assert_num_queries):
    project = ProjectFactory(user=user)
    CharacterFactory(project=project)
    webtoon = WebtoonFactory(project=project)
    PanelFactory(webtoon=webtoon, sequence_number=1)
    TaskFactory(webtoon=webtoon)
    paths = [
        "/api/v1/projects",
        "/api/v1/characters",
        f"/api/v1/characters/project/{project.pk}",
        "/api/v1/webtoons",
        "/api/v1/panels",
        f"/api/v1/panels/webtoon/{webtoon.pk}",
        "/api/v1/tasks",
    ]
    first = {path: auth_client.get(path).json() for path in paths}

    for path in paths:
        with django_assert_num_queries(0):
            assert auth_client.get(path).json() == first[path], path
    assert all(body["total"] == 1 for body in first.values())


def test_a_new_project_shows_at_once(auth_client):
    auth_client.get("/api/v1/projects")

    auth_client.post("/api/v1/projects", {"title": "A storm over Lisbon"}, format="json")

    assert [item["title"] for item in auth_client.get("/api/v1/projects").json()["items"]] == ["A storm over Lisbon"]


def test_a_deleted_character_leaves_the_cast_and_the_projects_count(auth_client, user):
    project = ProjectFactory(user=user)
    character = CharacterFactory(project=project)
    assert auth_client.get("/api/v1/projects").json()["items"][0]["character_count"] == 1
    assert auth_client.get(f"/api/v1/characters/project/{project.pk}").json()["total"] == 1

    assert auth_client.delete(f"/api/v1/characters/{character.pk}").status_code == 204

    assert auth_client.get("/api/v1/projects").json()["items"][0]["character_count"] == 0
    assert auth_client.get(f"/api/v1/characters/project/{project.pk}").json()["total"] == 0


def test_progress_written_by_a_conditional_update_shows_in_the_task_list(auth_client, user):
    task = TaskFactory(webtoon__project__user=user)
    task_claim(task_id=task.pk)
    assert auth_client.get("/api/v1/tasks").json()["items"][0]["progress"] == 0.0

    task_running_update(task_id=task.pk, publish=False, progress=42.5, current_step="Drawing panel 3")

    item = auth_client.get("/api/v1/tasks").json()["items"][0]
    assert (item["progress"], item["current_step"], item["status"]) == (42.5, "Drawing panel 3", "running")


def test_panels_made_in_bulk_show_in_the_panel_list(auth_client, user):
    webtoon = WebtoonFactory(project__user=user)
    path = f"/api/v1/panels/webtoon/{webtoon.pk}"
    assert auth_client.get(path).json()["total"] == 0

    Panel.objects.bulk_create([Panel(webtoon=webtoon, sequence_number=n) for n in (1, 2)])

    assert auth_client.get(path).json()["total"] == 2
    assert auth_client.get("/api/v1/webtoons").json()["items"][0]["panel_count"] == 2


def test_a_queryset_delete_and_a_cascade_empty_the_lists(auth_client, user):
    project = ProjectFactory(user=user)
    webtoon = WebtoonFactory(project=project)
    PanelFactory(webtoon=webtoon, sequence_number=1)
    assert auth_client.get("/api/v1/panels").json()["total"] == 1

    Panel.objects.filter(webtoon=webtoon).delete()
    assert auth_client.get("/api/v1/panels").json()["total"] == 0

    PanelFactory(webtoon=webtoon, sequence_number=1)
    assert auth_client.get("/api/v1/webtoons").json()["total"] == 1
    project_delete(project=project)
    assert auth_client.get("/api/v1/webtoons").json()["total"] == 0
    assert auth_client.get("/api/v1/panels").json()["total"] == 0


def test_another_users_writes_leave_my_pages_cached(auth_client, user, other_user):
    ProjectFactory(user=user)
    auth_client.get("/api/v1/projects")
    mine = _version(user)

    ProjectFactory(user=other_user)
    Project.objects.filter(user=other_user).update(title="Renamed")

    assert _version(user) == mine


def test_a_page_is_never_served_to_another_user(auth_client, other_client, user, other_user):
    ProjectFactory(user=user, title="Mine")
    ProjectFactory(user=other_user, title="Theirs")

    assert [i["title"] for i in auth_client.get("/api/v1/projects").json()["items"]] == ["Mine"]
    assert [i["title"] for i in other_client.get("/api/v1/projects").json()["items"]] == ["Theirs"]


def test_the_version_changes_again_when_the_write_commits(user, django_capture_on_commit_callbacks):
    project = ProjectFactory(user=user)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        Character.objects.create(project=project, name="Mara")
    during = _version(user)

    for callback in callbacks:
        callback()

    # A page read between the write and its commit was stored under `during`: no longer served.
    assert _version(user) not in (None, during)


def test_an_update_that_changes_no_row_keeps_the_pages(user):
    task = TaskFactory(webtoon__project__user=user)
    listcache.users_changed({user.pk})
    before = _version(user)

    assert Task.objects.filter(pk=task.pk, status="completed").update(progress=F("progress") + 1) == 0

    assert _version(user) == before


def test_the_owner_of_every_listed_row(user):
    project = ProjectFactory(user=user)
    webtoon = WebtoonFactory(project=project)
    rows = [
        project,
        CharacterFactory(project=project),
        webtoon,
        PanelFactory(webtoon=webtoon, sequence_number=1),
        TaskFactory(webtoon=webtoon, user=user),
    ]
    fresh = [type(row).objects.get(pk=row.pk) for row in rows]  # parents not loaded: looked up

    assert {listcache.owner_of(row) for row in [*rows, *fresh]} == {user.pk}


@override_settings(LIST_CACHE_SECONDS=0)
def test_with_the_cache_off_every_request_reads_the_database(auth_client, user, django_assert_num_queries):
    ProjectFactory(user=user)
    auth_client.get("/api/v1/projects")

    with django_assert_num_queries(2):  # count, page (the token's user is remembered)
        auth_client.get("/api/v1/projects")


@pytest.mark.parametrize(("list_seconds", "link_seconds", "served"), [(30, 3600, 30), (30, 60, 15), (0, 3600, 0)])
def test_a_page_lives_at_most_a_quarter_of_a_signed_links_life(list_seconds, link_seconds, served):
    with override_settings(LIST_CACHE_SECONDS=list_seconds, MEDIA_URL_EXPIRE_SECONDS=link_seconds):
        assert listcache.page_seconds() == served


def test_a_bad_page_is_refused_and_never_cached(auth_client, user):
    ProjectFactory(user=user)

    assert auth_client.get("/api/v1/projects?size=500").status_code == 400
    assert auth_client.get("/api/v1/projects?size=500").status_code == 400
    assert auth_client.get(f"/api/v1/panels/webtoon/{ProjectFactory().pk}").status_code == 404
