"""Isolation matrix: every object route, for {owner, other user, anonymous}, by every method it allows.

The routes come from the URL configuration itself: each /api/v1/ pattern with an `*_id` group,
and each HTTP method its view class (or ViewSet route) implements. Another user gets 404 (exactly as for a missing
id) and nothing changes anywhere; an anonymous caller gets 401 and nothing changes; the owner is
let in (neither 401, 403 nor 404, and no server error), which proves the other user's 404 is
about ownership, not a bad fixture. HEAD follows GET; OPTIONS (the view's metadata, no object
data) must answer another user's id exactly as a missing one. A route without a recipe in `RECIPES` fails
`test_every_object_route_has_a_recipe`, so a new route cannot ship without isolation coverage.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from characters.models import Character
from panels.models import Panel
from projects.models import Project, SeriesMemory
from projects.tests.factories import CharacterFactory, ProjectFactory
from tasks.models import Task, TaskStatus
from webtoons.models import Translation, Webtoon
from webtoons.tests.factories import PanelFactory, TaskFactory, WebtoonFactory

API_PREFIX = "api/v1/"
METHODS = ("get", "post", "put", "patch", "delete")
# A body every write route could accept, so the answer is about who asks, not about the input.
WRITE_BODY = {
    "title": "Taken over",
    "name": "Taken over",
    "description": "Taken over",
    "visual_description": "Taken over",
}


def _walk(patterns, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern), entry


def object_routes() -> list[tuple[str, str, tuple[str, ...]]]:
    """(url name, full pattern, methods) of every /api/v1/ route addressing an object by id."""
    routes = []
    for regex, pattern in _walk(get_resolver().url_patterns):
        id_groups = [name for name in pattern.pattern.regex.groupindex if name.endswith("_id")]
        if not regex.startswith(API_PREFIX) or not id_groups:
            continue
        actions = getattr(pattern.callback, "actions", None)  # a ViewSet route: {method: action}
        if actions is not None:
            methods = tuple(m for m in METHODS if m in actions)
        else:
            view_class = getattr(pattern.callback, "view_class", None)
            methods = tuple(m for m in METHODS if view_class is not None and hasattr(view_class, m))
        if "get" in methods:
            methods += ("head",)  # Django answers HEAD with the GET handler
        routes.append((pattern.name, regex, methods))
    return routes


# ---- recipes: url name → builds the owner's object and returns the URL kwargs ------------------


def _project(owner) -> dict:
    return {"project_id": ProjectFactory(user=owner).id}


def _project_memory(owner) -> dict:
    project = ProjectFactory(user=owner)
    SeriesMemory.objects.create(project=project, episodes=[{"episode_number": 1, "title": "", "summary": "Begun."}])
    return {"project_id": project.id}


def _character(owner) -> dict:
    return {"character_id": CharacterFactory(project=ProjectFactory(user=owner)).id}


def _webtoon(owner) -> dict:
    return {"webtoon_id": WebtoonFactory(project=ProjectFactory(user=owner)).id}


def _published_webtoon(owner) -> dict:
    return {"webtoon_id": WebtoonFactory(project=ProjectFactory(user=owner), status="published").id}


def _webtoon_export(owner) -> dict:
    return {**_webtoon(owner), "fmt": "pdf"}


def _translation(owner) -> dict:
    webtoon = WebtoonFactory(project=ProjectFactory(user=owner))
    Translation.objects.create(webtoon=webtoon, language="es", texts={})
    return {"webtoon_id": webtoon.id, "lang": "es"}


def _panel(owner) -> dict:
    webtoon = WebtoonFactory(project=ProjectFactory(user=owner))
    return {"panel_id": PanelFactory(webtoon=webtoon, sequence_number=1).id}


def _task(status: str) -> Callable[[object], dict]:
    def build(owner) -> dict:
        webtoon = WebtoonFactory(project=ProjectFactory(user=owner))
        return {"task_id": TaskFactory(webtoon=webtoon, status=status, error_message="boom").id}

    return build


RECIPES: dict[str, Callable[[object], dict]] = {
    "project-detail": _project,
    "character-for-project": _project,
    "project-memory": _project_memory,
    "character-detail": _character,
    "character-reference-sheet": _character,
    "webtoon-detail": _webtoon,
    "webtoon-publish": _webtoon,
    "webtoon-unpublish": _published_webtoon,
    "webtoon-export": _webtoon_export,
    "panel-for-webtoon": _webtoon,
    "panel-detail": _panel,
    "task-detail": _task(TaskStatus.RUNNING),
    "task-cancel": _task(TaskStatus.RUNNING),
    "task-retry": _task(TaskStatus.FAILED),
    "translation-list": _webtoon,
    "translation-detail": _translation,
    "translation-po": _translation,
    "translation-auto": _translation,
}

ROUTES = object_routes()
CASES = [
    pytest.param(name, method, id=f"{method.upper()} {regex}")
    for name, regex, methods in ROUTES
    for method in methods
    if name in RECIPES
]


def _snapshot() -> dict[str, list[dict]]:
    """Every row that a request on an object route could touch, in full."""
    models = (get_user_model(), Project, SeriesMemory, Character, Webtoon, Panel, Task, Translation)
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in models}


def _send(client, method: str, url: str):
    if method in ("get", "head", "delete"):
        return getattr(client, method)(url)
    return getattr(client, method)(url, WRITE_BODY, format="json")


def test_the_matrix_walks_the_object_routes_of_every_app():
    names = {name for name, _, _ in ROUTES}

    assert names >= {"project-detail", "character-detail", "webtoon-detail", "panel-detail", "task-detail"}
    assert all(methods for _, _, methods in ROUTES)


def test_every_object_route_has_a_recipe():
    uncovered = sorted(f"{name} ({regex})" for name, regex, _ in ROUTES if name not in RECIPES)

    assert uncovered == [], "add a recipe to RECIPES for each new object route"


def test_every_recipe_names_a_route_that_exists():
    assert sorted(set(RECIPES) - {name for name, _, _ in ROUTES}) == []


@pytest.mark.parametrize(("name", "method"), CASES)
def test_another_users_object_is_not_found_and_unchanged(name, method, user, other_client):
    url = reverse(name, kwargs=RECIPES[name](user))
    before = _snapshot()

    response = _send(other_client, method, url)

    assert response.status_code == 404, response.content
    if method != "head":
        assert response.json()["status"] == "error"
        assert response.json()["error"] == "not_found"
    assert _snapshot() == before


@pytest.mark.parametrize("name", sorted({name for name, _ in (case.values for case in CASES)}))
def test_options_on_another_users_object_answers_exactly_as_on_a_missing_one(name, user, other_client):
    kwargs = RECIPES[name](user)
    missing = {key: (uuid.uuid4() if key.endswith("_id") else value) for key, value in kwargs.items()}
    before = _snapshot()

    on_theirs = other_client.options(reverse(name, kwargs=kwargs))
    on_missing = other_client.options(reverse(name, kwargs=missing))

    assert (on_theirs.status_code, on_theirs.content) == (on_missing.status_code, on_missing.content)
    assert _snapshot() == before


@pytest.mark.parametrize(("name", "method"), CASES)
def test_an_anonymous_caller_is_unauthorized_and_nothing_changes(name, method, user, api_client):
    url = reverse(name, kwargs=RECIPES[name](user))
    before = _snapshot()

    response = _send(api_client, method, url)

    assert response.status_code == 401, response.content
    if method != "head":
        assert response.json()["status"] == "error"
    assert _snapshot() == before


@pytest.mark.parametrize(("name", "method"), CASES)
def test_the_owner_is_let_in(name, method, user, auth_client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    url = reverse(name, kwargs=RECIPES[name](user))

    response = _send(auth_client, method, url)

    assert response.status_code not in (401, 403, 404), response.content
    assert response.status_code < 500, response.content


# ---- routes that take the parent's id in the body (or query): another user's id is not found --

GUIDE_PROMPT = "Alex discovers his lightning powers during a storm and must save his village from shadow monsters"


def _project_body(owner, **body) -> dict:
    return {"project_id": str(ProjectFactory(user=owner).id), **body}


def _webtoon_body(owner, **body) -> dict:
    webtoon = WebtoonFactory(project=ProjectFactory(user=owner))
    return {"webtoon_id": str(webtoon.id), **body}


def _panel_body(owner) -> dict:
    webtoon = WebtoonFactory(project=ProjectFactory(user=owner))
    return {"panel_id": str(PanelFactory(webtoon=webtoon, sequence_number=1).id)}


BODY_ID_RECIPES: dict[str, Callable[[object], dict]] = {
    "character-list": lambda owner: _project_body(owner, name="Spy", role="supporting", description="Sneaky."),
    "webtoon-list": lambda owner: _project_body(owner, title="Spy webtoon"),
    "webtoon-generate": lambda owner: _project_body(owner, story_prompt=GUIDE_PROMPT, panel_count=3),
    "panel-list": lambda owner: _webtoon_body(owner, visual_description="Alex hides.", shot="wide"),
    "panel-generate": _panel_body,
}


@pytest.mark.parametrize("name", sorted(BODY_ID_RECIPES))
def test_a_create_naming_another_users_parent_is_not_found_and_nothing_changes(name, user, other_client):
    body = BODY_ID_RECIPES[name](user)
    before = _snapshot()

    response = other_client.post(reverse(name), body, format="json")

    assert response.status_code == 404, response.content
    assert response.json()["error"] == "not_found"
    assert _snapshot() == before


@pytest.mark.parametrize("name", sorted(BODY_ID_RECIPES))
def test_a_create_naming_the_owners_parent_is_accepted(name, user, auth_client):
    response = auth_client.post(reverse(name), BODY_ID_RECIPES[name](user), format="json")

    assert response.status_code in (201, 202), response.content
