"""OpenAPI pieces every app shares: the error envelope as a documented response shape.

Use `error_responses(400, 401, 404)` in `extend_schema(responses={200: X, **error_responses(...)})`,
and `paginated(XSerializer)` as the response of a list view that pages through PagePagination by hand
(an APIView, which drf-spectacular cannot see paginating).
"""

from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers


class ErrorEnvelopeSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["error"])
    error = serializers.CharField(help_text='Machine-readable code, e.g. "validation_error", "not_found".')
    message = serializers.CharField(help_text="Human-readable summary.")
    details = serializers.DictField(
        help_text="Validation errors by field name; retry_after_seconds (integer) for 429, and for a "
        "quota_exceeded 429 also quota and used (integers) and resets_at (ISO 8601, UTC); request_id for 500."
    )

    class Meta:
        ref_name = "ErrorEnvelope"


def drop_optional_trailing_slash(endpoints):
    """drf-spectacular preprocessing hook: the router's `/?` routes are documented without the slash.

    The API answers both; the guide's URLs (and so the documented ones) have none.
    """
    return [
        (path.rstrip("/") if path.startswith("/api/") and path != "/api/v1/" else path, regex, method, callback)
        for path, regex, method, callback in endpoints
    ]


def error_responses(*status_codes: int) -> dict[int, OpenApiResponse]:
    return {code: OpenApiResponse(ErrorEnvelopeSerializer, description="Error envelope.") for code in status_codes}


def paginated(serializer_class: type[serializers.Serializer]) -> serializers.Serializer:
    """The documented page of `serializer_class` items: {items, total, page, size, pages}."""
    name = serializer_class.__name__.removesuffix("Serializer")
    return inline_serializer(
        name=f"Paginated{name}List",
        fields={
            "items": serializer_class(many=True),
            "total": serializers.IntegerField(),
            "page": serializers.IntegerField(),
            "size": serializers.IntegerField(),
            "pages": serializers.IntegerField(),
        },
    )
