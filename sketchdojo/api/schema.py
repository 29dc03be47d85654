"""OpenAPI pieces every app shares: the schema class, the error envelope as a documented response
shape, the hooks of the published schema and of the generated client's.

Use `error_responses(400, 401, 404)` in `extend_schema(responses={200: X, **error_responses(...)})`.
"""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

# The write actions of a ViewSet answer with the resource as it is read, not with their input shape.
_WRITE_ACTIONS = ("create", "update", "partial_update")


class ApiAutoSchema(AutoSchema):
    """drf-spectacular's AutoSchema; a ViewSet's create/update document its output serializer as the response.

    (ApiViewSet.get_serializer_class gives the input serializer for writes, which is what the
    request body and the browsable API's forms need.)
    """

    def get_response_serializers(self):
        output = getattr(type(self.view), "serializer_class", None)
        if getattr(self.view, "action", None) in _WRITE_ACTIONS and output is not None:
            return output
        return super().get_response_serializers()


def json_request_bodies_only(result, generator, request, public):
    """Postprocessing hook of the client's schema (`make client`): each request body as JSON only.

    The API also takes form and multipart bodies (the browsable API, the guide's login form), but a
    generated client needs one encoding per operation.
    """
    for path in result.get("paths", {}).values():
        for operation in path.values():
            content = operation.get("requestBody", {}).get("content") if isinstance(operation, dict) else None
            if content and "application/json" in content:
                operation["requestBody"]["content"] = {"application/json": content["application/json"]}
    return result


# `manage.py spectacular --custom-settings sketchdojo.api.schema.CLIENT_SCHEMA_SETTINGS`: the client's schema.
CLIENT_SCHEMA_SETTINGS = {
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "sketchdojo.api.schema.json_request_bodies_only",
    ],
}


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
