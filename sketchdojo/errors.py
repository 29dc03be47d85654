"""The domain errors: the one thing a service raises when it refuses (no HTTP, no DRF).

Every service raises only these for what a user asked or the state of an object; the API edge
(`sketchdojo.api.exceptions.envelope_exception_handler`) turns each into the error envelope with its
status code: InvalidInput 400, Forbidden 403, NotFound 404, Conflict 409, PayloadTooLarge 413,
QuotaExceeded 429 (with Retry-After when `retry_after` is known).
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A refusal with a stable machine `code`, a human `message` and optional `details`."""

    code = "error"
    default_message = "The request cannot be done."

    def __init__(self, message: str | None = None, *, code: str | None = None, details: dict | None = None):
        self.message = message or self.default_message
        if code is not None:
            self.code = code
        self.details = dict(details or {})
        super().__init__(self.message)


class InvalidInput(DomainError):
    """Bad values, named per field: `InvalidInput({"sequence_number": ["Must be between 1 and 3."]})`."""

    code = "validation_error"
    default_message = "Invalid input."

    def __init__(self, field_errors: dict[str, list[str]], *, code: str | None = None):
        self.field_errors = {field: list(errors) for field, errors in field_errors.items()}
        super().__init__(self.default_message, code=code, details=self.field_errors)


class Forbidden(DomainError):
    code = "permission_denied"
    default_message = "You do not have permission to do this."


class NotFound(DomainError):
    code = "not_found"
    default_message = "Not found."


class Conflict(DomainError):
    """The request is valid but the object's state does not allow it (e.g. cancel a finished task)."""

    code = "conflict"
    default_message = "The object's current state does not allow this."


class PayloadTooLarge(DomainError):
    code = "payload_too_large"
    default_message = "The request body is too large."


class QuotaExceeded(DomainError):
    """A per-user allowance is used up: `limit` and `used` when counted, `retry_after` seconds when known."""

    code = "quota_exceeded"
    default_message = "Your monthly generation quota is used up."

    def __init__(
        self,
        message: str | None = None,
        *,
        limit: int | None = None,
        used: int | None = None,
        retry_after: float | None = None,
        details: dict[str, Any] | None = None,
    ):
        self.limit = limit
        self.used = used
        self.retry_after = retry_after
        counted = {"quota": limit, "used": used} if limit is not None else {}
        super().__init__(message, details={**counted, **(details or {})})
