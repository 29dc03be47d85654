"""OpenAPI pieces every app shares: the error envelope as a documented response shape.

Use `error_responses(400, 401, 404)` in `extend_schema(responses={200: X, **error_responses(...)})`.
"""

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorEnvelopeSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["error"])
    error = serializers.CharField(help_text='Machine-readable code, e.g. "validation_error", "not_found".')
    message = serializers.CharField(help_text="Human-readable summary.")
    details = serializers.DictField(
        help_text="Validation errors by field name; retry_after_seconds for 429; request_id for 500."
    )

    class Meta:
        ref_name = "ErrorEnvelope"


def error_responses(*status_codes: int) -> dict[int, OpenApiResponse]:
    return {code: OpenApiResponse(ErrorEnvelopeSerializer, description="Error envelope.") for code in status_codes}
