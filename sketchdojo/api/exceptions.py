"""The one error envelope for every error on /api/ paths.

`{"status": "error", "error": "<code>", "message": "<human text>", "details": {...}}`; validation
errors name each bad field in `details`. DRF errors pass through `envelope_exception_handler`;
Django-level 400/403/404/500 go through the handlers at the bottom (wired in config.urls), and
`ApiErrorEnvelopeMiddleware` rewrites any other non-JSON error response on /api/ paths.
"""

import logging
import math

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from sketchdojo import errors
from sketchdojo.api.envelope import ERROR_CODES, envelope
from sketchdojo.api.middleware import current_request_id

logger = logging.getLogger("sketchdojo.api")


class HttpConflict(exceptions.APIException):
    """The request is valid but the object's state does not allow it (e.g. cancel a finished task)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "The object's current state does not allow this."
    default_code = "conflict"


class PayloadTooLarge(exceptions.APIException):
    """The request body exceeds DATA_UPLOAD_MAX_MEMORY_SIZE (Django raises it as a 400 otherwise)."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class HttpQuotaExceeded(exceptions.APIException):
    """A per-user allowance is used up; `wait` (seconds, e.g. until the month ends) becomes Retry-After.

    `counts` (e.g. quota and used) go to the envelope's details as they are: numbers stay numbers
    (DRF would turn a dict detail into strings).
    """

    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = "Your monthly generation quota is used up."
    default_code = "quota_exceeded"

    def __init__(self, detail=None, code=None, wait: float | None = None, counts: dict | None = None):
        super().__init__(detail, code)
        self.wait = math.ceil(wait) if wait is not None else None
        self.counts = dict(counts or {})


# The status of each domain error (a subclass takes its parent's; any other refusal is a 409).
_HTTP_CLASSES = (
    (errors.Forbidden, exceptions.PermissionDenied),
    (errors.NotFound, exceptions.NotFound),
    (errors.Conflict, HttpConflict),
    (errors.PayloadTooLarge, PayloadTooLarge),
)


def _from_domain(exc: errors.DomainError) -> exceptions.APIException:
    """The DRF exception that renders a domain error with its status code, code, message and details."""
    if isinstance(exc, errors.InvalidInput):
        return exceptions.ValidationError(exc.field_errors, code=exc.code)
    if isinstance(exc, errors.QuotaExceeded):
        return HttpQuotaExceeded(exc.message, exc.code, wait=exc.retry_after, counts=exc.details)
    http_class = next((http for domain, http in _HTTP_CLASSES if isinstance(exc, domain)), HttpConflict)
    detail = {"detail": exc.message, **exc.details} if exc.details else exc.message
    return http_class(detail, exc.code)


def _flatten(detail):
    """Turn DRF ErrorDetail trees into plain strings/lists/dicts."""
    if isinstance(detail, dict):
        return {str(k): _flatten(v) for k, v in detail.items()}
    if isinstance(detail, list):
        return [_flatten(v) for v in detail]
    return str(detail)


def _first_message(details) -> str:
    if isinstance(details, dict):
        for field, value in details.items():
            inner = _first_message(value)
            return inner if field == "non_field_errors" else f"{field}: {inner}"
    if isinstance(details, list) and details:
        return _first_message(details[0])
    return str(details)


def envelope_exception_handler(exc, context):
    if isinstance(exc, errors.DomainError):
        exc = _from_domain(exc)
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    elif isinstance(exc, SuspiciousOperation):
        exc = exceptions.ParseError(str(exc) or "Bad request.")
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or None)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)

    response = exception_handler(exc, context)
    if response is None:
        logger.exception("Unhandled error [request_id=%s]", current_request_id(), exc_info=exc)
        return Response(
            envelope(
                500,
                message="An unexpected error occurred. Quote the request id to support.",
                details={"request_id": current_request_id()},
            ),
            status=500,
        )

    if isinstance(exc, exceptions.ValidationError):
        details = _flatten(exc.detail)
        if not isinstance(details, dict):
            details = {"non_field_errors": details}
        response.data = envelope(400, error="validation_error", message=_first_message(details), details=details)
    else:
        detail = getattr(exc, "detail", "")
        details = {}
        if getattr(exc, "wait", None) is not None:
            wait = max(1, math.ceil(exc.wait))
            details = {"retry_after_seconds": wait}
            response["Retry-After"] = str(wait)
        if isinstance(exc, HttpQuotaExceeded):
            details.update(exc.counts)
        elif isinstance(detail, dict) and not details:
            details = _flatten(detail)
            detail = details.pop("detail", None) or _first_message(details)
            details.pop("code", None)  # already the envelope's "error"
        if isinstance(exc, exceptions.AuthenticationFailed | exceptions.NotAuthenticated):
            # DRF turns these into 403 when the view has no authenticator; they are 401 here.
            response.status_code = 401
            response.setdefault("WWW-Authenticate", 'Bearer realm="api"')
        response.data = envelope(
            response.status_code, error=_error_code(exc, response.status_code), message=str(detail), details=details
        )
    return response


def _error_code(exc, status_code: int) -> str:
    """The specific code given when raised (e.g. "invalid_credentials"), else the class default."""
    detail = getattr(exc, "detail", None)
    code = getattr(detail, "code", None)
    if isinstance(detail, dict):
        code = detail.get("code") or getattr(detail.get("detail"), "code", None)
    code = code or getattr(exc, "default_code", None)
    if code == "throttled":
        return "rate_limited"
    if code in (None, "invalid", "error"):
        return ERROR_CODES.get(status_code, "error")
    return str(code)


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def handler400(request, exception=None):
    if _is_api(request):
        return JsonResponse(envelope(400, message="Bad request."), status=400)
    return defaults.bad_request(request, exception)


def handler403(request, exception=None):
    if _is_api(request):
        return JsonResponse(envelope(403, message="You do not have permission to do this."), status=403)
    return defaults.permission_denied(request, exception)


def handler404(request, exception=None):
    if _is_api(request):
        return JsonResponse(envelope(404, message="Not found."), status=404)
    return defaults.page_not_found(request, exception)


def handler500(request):
    if _is_api(request):
        return JsonResponse(
            envelope(
                500,
                message="An unexpected error occurred. Quote the request id to support.",
                details={"request_id": current_request_id()},
            ),
            status=500,
        )
    return defaults.server_error(request)
