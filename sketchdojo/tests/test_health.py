"""Ops endpoints: health probes, the OpenAPI schema and its local docs pages, Prometheus metrics."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError(2003, "Can't connect to MySQL server on '127.0.0.1'")

    monkeypatch.setattr(connections[DEFAULT_DB_ALIAS], "cursor", refuse)


# --- health --------------------------------------------------------------------------------------


def test_health_reports_every_dependency_as_ok():
    response = Client().get("/health")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "healthy"
    assert set(body["checks"]) == {"database", "cache", "broker", "storage"}
    assert {name: check["status"] for name, check in body["checks"].items()} == dict.fromkeys(body["checks"], "ok")


def test_health_is_503_and_names_the_database_when_it_is_down(database_down):
    response = Client().get("/health")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"] == {"status": "down", "error": "OperationalError"}
    assert body["checks"]["cache"]["status"] == "ok"


def test_liveness_needs_no_dependency(database_down):
    response = Client().get("/health/liveness")

    assert response.status_code == 200
    assert response.json() == {"status": "alive"}


def test_readiness_is_ok_when_the_database_is_up_and_migrated():
    response = Client().get("/health/readiness")

    assert response.status_code == 200
    assert response.json()["status"] == "ready"
    assert response.json()["checks"]["database"]["status"] == "ok"
    assert response.json()["checks"]["migrations"] == {"status": "ok"}


def test_readiness_is_503_when_the_database_is_down(database_down):
    response = Client().get("/health/readiness")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not_ready"
    assert body["checks"]["database"] == {"status": "down", "error": "OperationalError"}
    assert "migrations" not in body["checks"]


def test_readiness_is_503_while_migrations_are_pending(monkeypatch):
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("0002_pending", False)])

    response = Client().get("/health/readiness")

    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == {"status": "pending", "count": 1}


def test_readiness_is_503_when_redis_is_configured_but_down(settings, monkeypatch):
    settings.REDIS_URL = "redis://127.0.0.1:6379/1"

    def refuse(*args, **kwargs):
        raise ConnectionError("Connection refused")

    monkeypatch.setattr(cache, "set", refuse)

    response = Client().get("/health/readiness")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == {"status": "down", "error": "ConnectionError"}


def test_readiness_ignores_the_cache_in_the_embedded_mode(settings, monkeypatch):
    settings.REDIS_URL = ""
    monkeypatch.setattr(cache, "set", lambda *args, **kwargs: 1 / 0)

    response = Client().get("/health/readiness")

    assert response.status_code == 200
    assert "cache" not in response.json()["checks"]


# --- OpenAPI schema and docs ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def openapi_schema(django_db_blocker):
    with django_db_blocker.unblock():
        response = Client().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_the_schema_is_a_valid_openapi_3_document(openapi_schema):
    validate(openapi_schema)

    assert openapi_schema["openapi"].startswith("3.")
    assert openapi_schema["info"]["title"] == "SketchDojo API"


def test_the_schema_describes_every_auth_endpoint(openapi_schema):
    paths = openapi_schema["paths"]

    assert {"/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh"} <= set(paths)
    assert {"/api/v1/auth/me", "/api/v1/auth/logout"} <= set(paths)
    assert "get" in paths["/api/v1/auth/me"]


def test_the_schema_describes_the_login_form_and_the_token_pair(openapi_schema):
    login = openapi_schema["paths"]["/api/v1/auth/login"]["post"]
    components = openapi_schema["components"]["schemas"]

    assert set(login["requestBody"]["content"]) == {
        "application/x-www-form-urlencoded",
        "application/json",
        "multipart/form-data",
    }
    assert login["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/TokenPair"
    }
    assert set(components["TokenPair"]["properties"]) == {"access_token", "refresh_token", "token_type", "expires_in"}
    assert set(components["LoginInputRequest"]["required"]) == {"username", "password"}


def test_the_schema_documents_errors_as_the_envelope(openapi_schema):
    me = openapi_schema["paths"]["/api/v1/auth/me"]["get"]

    assert me["responses"]["401"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorEnvelope"
    }
    assert me["security"] == [{"jwtAuth": []}]


def test_swagger_signs_in_with_the_password_flow_at_the_login_endpoint(openapi_schema):
    scheme = openapi_schema["components"]["securitySchemes"]["jwtAuth"]

    assert scheme["type"] == "oauth2"
    assert scheme["flows"] == {
        "password": {"tokenUrl": "/api/v1/auth/login", "refreshUrl": "/api/v1/auth/refresh", "scopes": {}}
    }
    assert "cookieAuth" not in openapi_schema["components"]["securitySchemes"]


def test_the_schema_never_exposes_the_password_in_a_response(openapi_schema):
    register = openapi_schema["paths"]["/api/v1/auth/register"]["post"]
    user_schema = openapi_schema["components"]["schemas"]["User"]

    assert register["responses"]["201"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/User"
    }
    assert "password" not in user_schema["properties"]
    assert "password" in openapi_schema["components"]["schemas"]["RegisterInputRequest"]["properties"]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_their_assets_locally_not_from_a_cdn(page):
    response = Client().get(page)

    assert response.status_code == 200
    html = response.content.decode()
    assert not re.search(r"https?://(?!localhost|127\.0\.0\.1|testserver)[^\"' ]+\.(js|css)", html)
    assets = re.findall(r"/static/(drf_spectacular_sidecar/[^\"' ?]+)", html)
    assert assets
    assert all(finders.find(asset) for asset in assets)
    assert "/api/schema/" in html


# --- metrics -------------------------------------------------------------------------------------


def test_metrics_are_prometheus_text():
    Client().get("/health/liveness")

    response = Client().get("/metrics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "# TYPE django_http_requests_total_by_method_total counter" in response.content.decode()


@pytest.mark.parametrize("page", ["/docs", "/redoc", "/docs/websocket"])
def test_docs_pages_name_no_other_host_at_all(page):
    """No web font, CDN or preconnect: every URL in the page is a path on this server."""
    html = Client().get(page).content.decode()

    assert re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", html, flags=re.IGNORECASE) == []


def test_each_resource_has_its_own_tag_and_nothing_sits_under_api(openapi_schema):
    tags = {
        path: {tag for operation in item.values() for tag in operation.get("tags", [])}
        for path, item in openapi_schema["paths"].items()
    }

    assert {tag["name"] for tag in openapi_schema["tags"]} == {
        "auth",
        "projects",
        "characters",
        "webtoons",
        "panels",
        "tasks",
    }
    for path, found in tags.items():
        assert found == {path.split("/")[3]}, path


def test_the_guides_bodies_are_the_examples(openapi_schema):
    def example(path, media="application/json"):
        content = openapi_schema["paths"][path]["post"]["requestBody"]["content"][media]
        return next(iter(content["examples"].values()))["value"]

    assert example("/api/v1/projects")["title"] == "My Epic Webtoon"
    assert example("/api/v1/characters")["appearance"]["eye_color"] == "electric_blue"
    assert example("/api/v1/webtoons/generate")["panel_count"] == 6
    assert example("/api/v1/auth/register")["username"] == "johndoe"
    assert example("/api/v1/auth/login", "application/x-www-form-urlencoded") == {
        "username": "user@example.com",
        "password": "SecurePassword123",
    }
