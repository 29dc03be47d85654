"""Request bodies the JSON parser cannot read get the 400 envelope, never a 500."""

import pytest

from accounts.tests.factories import UserFactory
from projects.models import Project

pytestmark = pytest.mark.django_db

NESTED_TOO_DEEPLY = "[" * 100_000 + "]" * 100_000


def test_deeply_nested_json_is_a_parse_error_and_creates_nothing(auth_client):
    response = auth_client.post("/api/v1/projects", NESTED_TOO_DEEPLY, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {
        "status": "error",
        "error": "parse_error",
        "message": "JSON parse error - the document is nested too deeply.",
        "details": {},
    }
    assert Project.objects.count() == 0


def test_deeply_nested_json_on_sign_in_is_a_parse_error(api_client):
    UserFactory(username="reader")

    response = api_client.post("/api/v1/auth/login", NESTED_TOO_DEEPLY, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["error"] == "parse_error"


def test_deeply_nested_json_for_a_character_is_a_parse_error(auth_client):
    response = auth_client.post("/api/v1/characters", NESTED_TOO_DEEPLY, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["error"] == "parse_error"
