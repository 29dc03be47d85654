"""The API as a Django developer expects it: a router with an API root, the browsable API with a
"Log in" link, HTML forms and readable names, and a session that serves its HTML pages only."""

import re

import pytest
from django.test import Client

from panels.models import Panel
from projects.models import Project
from projects.tests.factories import CharacterFactory, ProjectFactory
from tasks.models import TaskStatus
from webtoons.tests.factories import PanelFactory, TaskFactory, WebtoonFactory

pytestmark = pytest.mark.django_db

HTML = {"HTTP_ACCEPT": "text/html"}


@pytest.fixture
def browser(user) -> Client:
    """A browser signed in through the browsable API's login form (a Django session)."""
    user.set_password("SecurePassword123")
    user.save()
    client = Client(enforce_csrf_checks=True)
    page = client.get("/api-auth/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content).group(1).decode()
    response = client.post(
        "/api-auth/login/",
        {"username": "johndoe", "password": "SecurePassword123", "csrfmiddlewaretoken": token, "next": "/api/v1/"},
    )
    assert response.status_code == 302 and response["Location"] == "/api/v1/"
    return client


def _csrf(client: Client) -> str:
    return client.cookies["csrftoken"].value


# --- the API root and the router -----------------------------------------------------------------


def test_the_api_root_lists_every_resource_and_the_docs(api_client):
    response = api_client.get("/api/v1/")

    assert response.status_code == 200
    assert response.json() == {
        "projects": "http://testserver/api/v1/projects",
        "characters": "http://testserver/api/v1/characters",
        "webtoons": "http://testserver/api/v1/webtoons",
        "panels": "http://testserver/api/v1/panels",
        "tasks": "http://testserver/api/v1/tasks",
        "auth": "http://testserver/api/v1/auth/login",
        "schema": "http://testserver/api/schema/",
        "docs": "http://testserver/docs",
        "redoc": "http://testserver/redoc",
        "websocket_docs": "http://testserver/api/asyncapi.json",
    }


@pytest.mark.parametrize("path", ["/api/v1/projects", "/api/v1/projects/"])
def test_a_route_answers_with_and_without_a_trailing_slash(auth_client, user, path):
    ProjectFactory(user=user, title="Storm")

    response = auth_client.get(path)

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Storm"]


def test_format_suffixes_are_not_routes(auth_client, user):
    project = ProjectFactory(user=user)

    response = auth_client.get(f"/api/v1/projects/{project.pk}.json")

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


# --- the browsable API ---------------------------------------------------------------------------


def test_an_anonymous_browser_gets_a_page_with_a_log_in_link_and_the_envelope():
    response = Client().get("/api/v1/projects", **HTML)

    assert response.status_code == 401
    assert response["Content-Type"].startswith("text/html")
    assert b"<a href='/api-auth/login/?next=/api/v1/projects'>Log in</a>" in response.content
    assert b"not_authenticated" in response.content


def test_an_anonymous_json_client_still_gets_the_401_envelope():
    response = Client().get("/api/v1/projects")

    assert response.status_code == 401
    assert response.json()["error"] == "not_authenticated"


def test_a_signed_in_browser_sees_readable_titles_a_log_out_link_and_a_create_form(browser, user):
    ProjectFactory(user=user, title="Storm")

    response = browser.get("/api/v1/projects", **HTML)

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Projects</h1>" in page
    assert "<title>Projects \u2013 SketchDojo API</title>" in page
    assert "Project List Create" not in page
    assert "/api-auth/logout/" in page
    assert 'name="title"' in page and 'name="art_style"' in page  # the HTML form of POST
    assert "Filters" in page
    assert 'name="search"' in page and 'name="status"' in page  # search and the FilterSet, in the Filters dialog


def test_an_object_page_is_named_in_the_singular_with_an_edit_form(browser, user):
    project = ProjectFactory(user=user, title="Storm")

    page = browser.get(f"/api/v1/projects/{project.pk}", **HTML).content.decode()

    assert "<h1>Project</h1>" in page
    assert 'value="Storm"' in page  # the PUT form, filled from the project


def test_every_route_renders_as_a_page_for_its_owner(browser, user):
    project = ProjectFactory(user=user)
    character = CharacterFactory(project=project)
    webtoon = WebtoonFactory(project=project)
    panel = PanelFactory(webtoon=webtoon, sequence_number=1)
    task = TaskFactory(webtoon=webtoon, status=TaskStatus.RUNNING)
    pages = [
        "/api/v1/",
        "/api/v1/projects",
        f"/api/v1/projects/{project.pk}",
        "/api/v1/characters",
        f"/api/v1/characters/{character.pk}",
        f"/api/v1/characters/project/{project.pk}",
        "/api/v1/webtoons",
        f"/api/v1/webtoons/{webtoon.pk}",
        "/api/v1/panels",
        f"/api/v1/panels/{panel.pk}",
        f"/api/v1/panels/webtoon/{webtoon.pk}",
        "/api/v1/tasks",
        f"/api/v1/tasks/{task.pk}",
    ]

    statuses = {page: browser.get(page, **HTML).status_code for page in pages}

    assert statuses == dict.fromkeys(pages, 200)


def test_the_browsable_api_creates_through_its_form_with_the_csrf_token(browser, user):
    response = browser.post(
        "/api/v1/projects",
        {"title": "From the form", "art_style": "manga", "csrfmiddlewaretoken": _csrf(browser)},
        **HTML,
    )

    assert response.status_code == 201
    assert Project.objects.get(user=user).title == "From the form"


def test_a_session_post_without_the_csrf_token_is_refused_and_changes_nothing(browser, user):
    response = browser.post("/api/v1/projects", {"title": "Forged"}, **HTML)

    assert response.status_code == 403
    assert not Project.objects.filter(user=user).exists()


def test_a_session_never_authenticates_the_json_api(browser, user):
    ProjectFactory(user=user)

    response = browser.get("/api/v1/projects", HTTP_ACCEPT="application/json")

    assert response.status_code == 401
    assert response.json()["error"] == "not_authenticated"


def test_a_session_cannot_write_through_the_json_api_even_with_the_csrf_token(browser, user):
    panel = PanelFactory(webtoon=WebtoonFactory(project=ProjectFactory(user=user)), sequence_number=1)

    response = browser.delete(f"/api/v1/panels/{panel.pk}", HTTP_X_CSRFTOKEN=_csrf(browser))

    assert response.status_code == 401
    assert Panel.objects.filter(pk=panel.pk).exists()
