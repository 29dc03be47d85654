"""Request ids for logs, and the error envelope for /api/ responses that DRF did not build."""

import json
import logging
import re
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.http import JsonResponse

from sketchdojo.api.envelope import envelope

_request_id: ContextVar[str] = ContextVar("request_id", default="-")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def current_request_id() -> str:
    return _request_id.get()


class RequestIdLogFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id()
        return True


class RequestIdMiddleware:
    """Takes the caller's X-Request-ID (when sane) or makes one; echoes it on the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        token = _request_id.set(request_id)
        request.request_id = request_id
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response


class ApiErrorEnvelopeMiddleware:
    """Any error response on /api/ that is not already JSON becomes the envelope.

    It also answers 413 for an /api/ body over DATA_UPLOAD_MAX_MEMORY_SIZE before any view reads
    it: DRF's parsers read the request stream directly, so Django's own limit (which guards only
    `request.body` and form fields) would never fire for JSON. Multipart bodies are left to Django
    and the upload validators, because file parts are deliberately allowed to be larger.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/") and _body_is_too_large(request):
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            return JsonResponse(
                envelope(413, message=f"The request body is too large (limit {limit} bytes)."), status=413
            )
        response = self.get_response(request)
        if (
            request.path.startswith("/api/")
            and response.status_code >= 400
            and "json" not in response.get("Content-Type", "")
            and not _is_browsable_sign_in_page(response)
        ):
            message = {
                405: f"Method {request.method} is not allowed here.",
                413: "The request body is too large.",
            }.get(response.status_code, getattr(response, "reason_phrase", "Error"))
            data = getattr(response, "data", None)  # a DRF error rendered as HTML (browsable API)
            if isinstance(data, dict) and data.get("status") == "error":
                body = data
            else:
                details = {"request_id": current_request_id()} if response.status_code >= 500 else None
                body = envelope(response.status_code, message=message, details=details)
            rewritten = JsonResponse(body, status=response.status_code)
            for header in ("Allow", "Retry-After", "WWW-Authenticate"):
                if header in response:
                    rewritten[header] = response[header]
            return rewritten
        return response


def _is_browsable_sign_in_page(response) -> bool:
    """A 401 the browsable API rendered for a browser: its page shows the envelope and a "Log in" link."""
    renderer = getattr(response, "accepted_renderer", None)
    return response.status_code == 401 and getattr(renderer, "format", None) == "api"


def _body_is_too_large(request) -> bool:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is None or request.content_type == "multipart/form-data":
        return False
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > limit
    except ValueError:
        return False


def json_body(response) -> dict:
    """Parse a response body; for tests and tools."""
    return json.loads(response.content)
