"""The API conventions every endpoint shares: the error envelope, pagination and throttling."""

import pytest
from django.test import Client

from accounts.tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("sketchdojo.tests.conventions_urls")]


def _assert_envelope(response, status_code: int, error: str) -> dict:
    assert response.status_code == status_code, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"status", "error", "message", "details"}
    assert body["status"] == "error"
    assert body["error"] == error
    assert body["message"]
    return body


# --- DRF errors ----------------------------------------------------------------------------------


def test_validation_errors_name_each_bad_field(api_client):
    response = api_client.post("/api/test/echo", {"title": "far too long a title", "count": 0}, format="json")

    body = _assert_envelope(response, 400, "validation_error")
    assert body["details"] == {
        "title": ["Ensure this field has no more than 10 characters."],
        "count": ["Ensure this value is greater than or equal to 1."],
    }
    assert body["message"] == "title: Ensure this field has no more than 10 characters."


def test_valid_input_passes_through_untouched(api_client):
    response = api_client.post("/api/test/echo", {"title": "ok", "count": 2}, format="json")

    assert response.status_code == 200
    assert response.json() == {"title": "ok", "count": 2}


def test_malformed_json_is_a_parse_error(api_client):
    response = api_client.post("/api/test/echo", '{"title": "x",', content_type="application/json")

    body = _assert_envelope(response, 400, "parse_error")
    assert body["message"].startswith("JSON parse error")


def test_an_unsupported_content_type_is_415(api_client):
    response = api_client.post("/api/test/echo", "<title>x</title>", content_type="application/xml")

    body = _assert_envelope(response, 415, "unsupported_media_type")
    assert body["message"] == 'Unsupported media type "application/xml" in request.'


def test_a_wrong_method_is_405_with_allow(api_client):
    response = api_client.delete("/api/test/echo")

    body = _assert_envelope(response, 405, "method_not_allowed")
    assert body["message"] == 'Method "DELETE" not allowed.'
    assert "POST" in response["Allow"]


def test_anonymous_requests_to_protected_endpoints_are_401(api_client):
    response = api_client.get("/api/v1/auth/me")

    body = _assert_envelope(response, 401, "not_authenticated")
    assert body["message"] == "Authentication credentials were not provided."
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_conflict_is_409(api_client):
    response = api_client.post("/api/test/conflict")

    body = _assert_envelope(response, 409, "conflict")
    assert body["message"] == "Only failed or cancelled tasks can be retried."


def test_quota_exceeded_is_429_with_retry_after(api_client):
    response = api_client.post("/api/test/quota")

    body = _assert_envelope(response, 429, "quota_exceeded")
    assert response["Retry-After"] == "3600"
    assert body["details"] == {"retry_after_seconds": 3600}


# --- Django-level errors -------------------------------------------------------------------------


def test_an_unknown_url_under_api_is_a_404_envelope(api_client):
    response = api_client.get("/api/v1/no-such-thing")

    body = _assert_envelope(response, 404, "not_found")
    assert body["details"] == {}


def test_an_unknown_url_outside_api_stays_html():
    response = Client().get("/no-such-page")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_body_over_the_upload_limit_is_413(api_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = api_client.post("/api/test/echo", {"title": "x" * 2000, "count": 1}, format="json")

    body = _assert_envelope(response, 413, "payload_too_large")
    assert body["message"] == "The request body is too large (limit 1000 bytes)."


def test_a_form_body_over_the_upload_limit_is_413(api_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = api_client.post(
        "/api/v1/auth/login", "username=" + "x" * 2000 + "&password=y", content_type="application/x-www-form-urlencoded"
    )

    _assert_envelope(response, 413, "payload_too_large")


def test_a_body_within_the_upload_limit_is_accepted(api_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = api_client.post("/api/test/echo", {"title": "x", "count": 1}, format="json")

    assert response.status_code == 200


def test_an_unexpected_error_in_an_api_view_is_a_500_envelope_without_internals(api_client, caplog):
    response = api_client.get("/api/test/explode", HTTP_X_REQUEST_ID="req-abc-123")

    body = _assert_envelope(response, 500, "internal_error")
    assert body["details"] == {"request_id": "req-abc-123"}
    assert response["X-Request-ID"] == "req-abc-123"
    assert b"hunter2" not in response.content
    assert b"Traceback" not in response.content
    assert any("req-abc-123" in record.getMessage() for record in caplog.records if record.levelname == "ERROR")


def test_an_unexpected_error_in_a_plain_django_view_under_api_is_a_500_envelope():
    client = Client(raise_request_exception=False)

    response = client.get("/api/test/explode-django", HTTP_X_REQUEST_ID="req-def-456")

    body = _assert_envelope(response, 500, "internal_error")
    assert body["details"] == {"request_id": "req-def-456"}
    assert b"hunter2" not in response.content


def test_a_request_id_is_made_up_when_the_caller_sends_none_or_an_unsafe_one(api_client):
    plain = api_client.get("/api/test/explode")
    unsafe = api_client.get("/api/test/explode", HTTP_X_REQUEST_ID="<script>")

    assert len(plain.json()["details"]["request_id"]) == 32
    assert unsafe.json()["details"]["request_id"] != "<script>"
    assert unsafe["X-Request-ID"] == unsafe.json()["details"]["request_id"]


# --- pagination ----------------------------------------------------------------------------------


@pytest.fixture
def five_users(db):
    return [UserFactory(username=f"user{n}") for n in range(5)]


def test_lists_have_the_items_total_page_size_pages_shape(api_client, five_users):
    response = api_client.get("/api/test/users", {"page": 2, "size": 2})

    assert response.status_code == 200
    assert response.json() == {
        "items": [{"username": "user2"}, {"username": "user3"}],
        "total": 5,
        "page": 2,
        "size": 2,
        "pages": 3,
        "next": "http://testserver/api/test/users?page=3&size=2",
        "previous": "http://testserver/api/test/users?page=1&size=2",
    }


def test_a_page_past_the_end_is_empty_not_an_error(api_client, five_users):
    response = api_client.get("/api/test/users", {"page": 9, "size": 2})

    assert response.json() == {
        "items": [],
        "total": 5,
        "page": 9,
        "size": 2,
        "pages": 3,
        "next": None,
        "previous": "http://testserver/api/test/users?page=3&size=2",
    }


def test_an_empty_list_has_zero_pages(api_client):
    response = api_client.get("/api/test/users")

    assert response.json() == {
        "items": [],
        "total": 0,
        "page": 1,
        "size": 20,
        "pages": 0,
        "next": None,
        "previous": None,
    }


@pytest.mark.parametrize("size", ["1", "100"])
def test_size_accepts_1_to_100(api_client, five_users, size):
    response = api_client.get("/api/test/users", {"size": size})

    assert response.status_code == 200
    assert response.json()["size"] == int(size)


@pytest.mark.parametrize("size", ["0", "101", "-3", "ten", ""])
def test_size_outside_1_to_100_is_a_validation_error(api_client, size):
    response = api_client.get("/api/test/users", {"size": size})

    body = _assert_envelope(response, 400, "validation_error")
    assert body["details"] == {"size": ["Must be a whole number from 1 to 100."]}


@pytest.mark.parametrize("page", ["0", "-1", "two"])
def test_page_below_1_is_a_validation_error(api_client, page):
    response = api_client.get("/api/test/users", {"page": page})

    body = _assert_envelope(response, 400, "validation_error")
    assert body["details"] == {"page": ["Must be a whole number from 1."]}


# --- throttling ----------------------------------------------------------------------------------


def _set_rates(settings, **rates):
    rest = settings.REST_FRAMEWORK
    settings.REST_FRAMEWORK = {**rest, "DEFAULT_THROTTLE_RATES": {**rest["DEFAULT_THROTTLE_RATES"], **rates}}


def test_the_general_rate_limit_is_per_user_with_retry_after(auth_client, other_client, settings):
    _set_rates(settings, user="2/min")
    assert [auth_client.get("/api/v1/auth/me").status_code for _ in range(2)] == [200, 200]

    response = auth_client.get("/api/v1/auth/me")

    body = _assert_envelope(response, 429, "rate_limited")
    assert 1 <= int(response["Retry-After"]) <= 60
    assert body["details"] == {"retry_after_seconds": int(response["Retry-After"])}
    assert other_client.get("/api/v1/auth/me").status_code == 200


def test_the_general_rate_limit_counts_anonymous_callers_by_address(api_client, settings):
    _set_rates(settings, user="1/min")
    assert api_client.get("/api/test/users", REMOTE_ADDR="10.0.0.1").status_code == 200

    blocked = api_client.get("/api/test/users", REMOTE_ADDR="10.0.0.1")
    elsewhere = api_client.get("/api/test/users", REMOTE_ADDR="10.0.0.2")

    _assert_envelope(blocked, 429, "rate_limited")
    assert elsewhere.status_code == 200


@pytest.mark.django_db
def test_a_missing_object_names_what_was_not_found(auth_client):
    response = auth_client.get("/api/v1/projects/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    body = response.json()
    assert body["error"] == "not_found"
    assert body["message"] != ""


def test_a_non_json_error_page_under_api_becomes_the_envelope_even_in_debug(settings):
    settings.DEBUG = True
    client = Client(raise_request_exception=False)

    response = client.get("/api/test/explode-django", HTTP_X_REQUEST_ID="req-dbg-789")

    body = _assert_envelope(response, 500, "internal_error")
    assert body["details"] == {"request_id": "req-dbg-789"}
    assert b"hunter2" not in response.content


def test_a_plain_django_405_under_api_becomes_the_envelope():
    response = Client().post("/api/test/get-only")

    body = _assert_envelope(response, 405, "method_not_allowed")
    assert body["message"] == "Method POST is not allowed here."
    assert response["Allow"] == "GET"


def test_an_error_asked_for_as_html_still_gets_the_full_envelope(api_client):
    response = api_client.get("/api/test/users", {"size": "0"}, HTTP_ACCEPT="text/html")

    body = _assert_envelope(response, 400, "validation_error")
    assert body["details"] == {"size": ["Must be a whole number from 1 to 100."]}


def test_the_browsable_api_renders_a_paginated_list(api_client, five_users):
    response = api_client.get("/api/test/users", {"size": 2}, HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b"user0" in response.content


def test_a_plain_list_paginates_like_a_queryset():
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from sketchdojo.api.pagination import PagePagination

    paginator = PagePagination()
    request = Request(APIRequestFactory().get("/api/test/anything", {"page": 2, "size": 3}))

    page = paginator.paginate_queryset(list(range(7)), request)

    assert page == [3, 4, 5]
    assert paginator.get_paginated_response(page).data == {
        "items": [3, 4, 5],
        "total": 7,
        "page": 2,
        "size": 3,
        "pages": 3,
        "next": "http://testserver/api/test/anything?page=3&size=3",
        "previous": "http://testserver/api/test/anything?page=1&size=3",
    }
