"""Input and output shapes of the characters API.

`appearance` and `personality` are small documents with a fixed set of keys: an unknown key is a
400 naming it (details `{"appearance": {"foo": [...]}}`), so a typo never silently disappears. In a
multipart request (reference image upload) each may be sent as one form field holding JSON.
"""

import json
import uuid
from collections.abc import Mapping

from rest_framework import serializers
from rest_framework.fields import empty
from rest_framework.utils import html

from characters.images import validate_reference_image
from characters.models import Character, CharacterRole
from sketchdojo.api.output import PlainOutput
from sketchdojo.engine.providers.prompts import MAX_SEED
from sketchdojo.links import file_url


class StrictObjectSerializer(serializers.Serializer):
    """A nested JSON object whose keys must all be known fields."""

    default_error_messages = {
        "invalid_json": "Must be a JSON object.",
    }

    def get_value(self, dictionary):
        if html.is_html_input(dictionary) and self.field_name in dictionary:
            return dictionary[self.field_name]  # the whole object sent as one multipart field of JSON
        return super().get_value(dictionary)

    def to_internal_value(self, data):
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except ValueError:
                self.fail("invalid_json")
            if not isinstance(data, Mapping):
                self.fail("invalid_json")
        if isinstance(data, Mapping):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                allowed = ", ".join(self.fields)
                raise serializers.ValidationError(
                    {key: [f"Unknown field. Allowed fields: {allowed}."] for key in unknown}
                )
        return super().to_internal_value(data)


def _text(max_length: int) -> serializers.CharField:
    return serializers.CharField(max_length=max_length, required=False, allow_blank=True)


def _text_list(*, item_length: int, max_items: int) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.CharField(max_length=item_length), max_length=max_items, required=False
    )


class AppearanceSerializer(StrictObjectSerializer):
    """How a character looks; free text so the guide's "electric_blue" or "silver" are fine as written."""

    age_range = _text(50)
    gender = _text(50)
    height = _text(50)
    build = _text(50)
    hair_color = _text(50)
    hair_style = _text(100)
    eye_color = _text(50)
    skin_tone = _text(50)
    distinctive_features = _text_list(item_length=200, max_items=10)


class PersonalitySerializer(StrictObjectSerializer):
    """How a character behaves and talks; the planner turns it into dialogue."""

    traits = _text_list(item_length=50, max_items=12)
    motivations = _text_list(item_length=200, max_items=10)
    fears = _text_list(item_length=200, max_items=10)
    speech_style = _text(200)


class CharacterInputSerializer(serializers.Serializer):
    """What a client may set on a character (PUT/PATCH, and POST with `project_id`)."""

    name = serializers.CharField(max_length=100)
    role = serializers.ChoiceField(choices=CharacterRole.choices, required=False)
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    appearance = AppearanceSerializer(required=False)
    personality = PersonalitySerializer(required=False)
    seed = serializers.IntegerField(
        min_value=0,
        max_value=MAX_SEED,
        required=False,
        help_text="The character's image seed (default: a random one, kept for good).",
    )
    reference_image = serializers.FileField(
        required=False, allow_null=True, validators=[validate_reference_image], max_length=200
    )


class ProjectIdField(serializers.UUIDField):
    """`project_id` from the body, or else from the query string (the guide's curl sends it there)."""

    def get_value(self, dictionary):
        value = super().get_value(dictionary)
        request = self.context.get("request")
        if value is empty and request is not None:
            value = request.query_params.get(self.field_name, empty)
        return value


def _same_uuid(text: str, value: uuid.UUID) -> bool:
    try:
        return uuid.UUID(text.strip()) == value
    except ValueError:
        return False


class CharacterCreateSerializer(CharacterInputSerializer):
    project_id = ProjectIdField()

    def validate_project_id(self, value):
        request = self.context.get("request")
        in_query = request.query_params.get("project_id") if request is not None else None
        if in_query is not None and not _same_uuid(in_query, value):
            raise serializers.ValidationError("The project_id in the query string and in the body differ.")
        return value


class CharacterSerializer(PlainOutput, serializers.ModelSerializer):
    """A character as the API returns it, with an absolute `reference_image_url` (or null)."""

    project_id = serializers.UUIDField(read_only=True)
    reference_image_url = serializers.SerializerMethodField()

    class Meta:
        model = Character
        fields = [
            "id",
            "project_id",
            "name",
            "role",
            "description",
            "appearance",
            "personality",
            "seed",
            "reference_image_url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_reference_image_url(self, character: Character) -> str | None:
        # A private file: a link that expires (sketchdojo.storage.media_url).
        return file_url(character.reference_image, self.context.get("request"))
