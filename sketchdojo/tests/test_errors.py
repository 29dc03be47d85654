"""Domain errors (sketchdojo.errors) become the error envelope at the API edge, one status per kind."""

import pytest

from sketchdojo import errors
from sketchdojo.api.exceptions import envelope_exception_handler


def render(exc):
    response = envelope_exception_handler(exc, {})
    return response.status_code, response.data, response.headers.get("Retry-After")


@pytest.mark.parametrize(
    ("exc", "status", "code", "message"),
    [
        (errors.NotFound("Unknown export format 'gif'."), 404, "not_found", "Unknown export format 'gif'."),
        (errors.Forbidden(), 403, "permission_denied", "You do not have permission to do this."),
        (errors.Conflict("This task is completed."), 409, "conflict", "This task is completed."),
        (errors.PayloadTooLarge(), 413, "payload_too_large", "The request body is too large."),
        (errors.DomainError("Not now.", code="not_now"), 409, "not_now", "Not now."),
    ],
)
def test_each_domain_error_has_its_status_code_and_message(exc, status, code, message):
    assert render(exc) == (status, {"status": "error", "error": code, "message": message, "details": {}}, None)


def test_invalid_input_names_each_field_like_a_validation_error():
    exc = errors.InvalidInput({"sequence_number": ["Must be between 1 and 3."]})
    assert render(exc) == (
        400,
        {
            "status": "error",
            "error": "validation_error",
            "message": "sequence_number: Must be between 1 and 3.",
            "details": {"sequence_number": ["Must be between 1 and 3."]},
        },
        None,
    )


def test_a_counted_quota_keeps_its_numbers_as_numbers_and_gives_retry_after():
    exc = errors.QuotaExceeded(
        "All 5 used.", limit=5, used=5, retry_after=3600.5, details={"resets_at": "2026-01-01T00:00:00+00:00"}
    )
    assert render(exc) == (
        429,
        {
            "status": "error",
            "error": "quota_exceeded",
            "message": "All 5 used.",
            "details": {
                "retry_after_seconds": 3601,
                "quota": 5,
                "used": 5,
                "resets_at": "2026-01-01T00:00:00+00:00",
            },
        },
        "3601",
    )


def test_a_counted_quota_without_a_known_wait_still_keeps_numbers():
    exc = errors.QuotaExceeded("All 5 used.", limit=5, used=6)
    assert render(exc) == (
        429,
        {"status": "error", "error": "quota_exceeded", "message": "All 5 used.", "details": {"quota": 5, "used": 6}},
        None,
    )


def test_a_quota_with_a_known_wait_sets_retry_after_rounded_up():
    exc = errors.QuotaExceeded(retry_after=90.2)
    assert render(exc) == (
        429,
        {
            "status": "error",
            "error": "quota_exceeded",
            "message": "Your monthly generation quota is used up.",
            "details": {"retry_after_seconds": 91},
        },
        "91",
    )
