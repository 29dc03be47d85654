"""The error envelope every /api/ error answers with: {"status": "error", "error", "message", "details"}.

Its own module, importing nothing of DRF or Django: the server (before Django is set up), the body
limits, the middleware and the metrics view build envelopes too.
"""

ERROR_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    411: "length_required",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "unprocessable_entity",
    429: "rate_limited",
    500: "internal_error",
    503: "service_unavailable",
}


def envelope(status_code: int, *, error: str | None = None, message: str, details=None) -> dict:
    return {
        "status": "error",
        "error": error or ERROR_CODES.get(status_code, "error"),
        "message": message,
        "details": details or {},
    }
