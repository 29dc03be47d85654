"""Input and output shapes of the projects API (no business rules here: those live in services)."""

import re

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from projects.models import MAX_PALETTE_COLOURS, ArtStyle, ColorScheme, Project, ProjectStatus
from sketchdojo.api.output import PlainOutput
from sketchdojo.engine import series

_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string", "enum": ColorScheme.values},
            {
                "type": "array",
                "maxItems": MAX_PALETTE_COLOURS,
                "items": {"type": "string", "pattern": _HEX_COLOUR.pattern},
            },
        ],
        "example": "vibrant",
    }
)
class ColorPaletteField(serializers.Field):
    """A named scheme ("vibrant") or a list of up to MAX_PALETTE_COLOURS "#rrggbb" colours."""

    default_error_messages = {
        "invalid": "Give a colour scheme name or a list of '#rrggbb' colours.",
        "unknown_scheme": "Unknown colour scheme {value!r}; use one of: {choices}, or a list of '#rrggbb' colours.",
        "too_many": "At most {max} colours.",
        "bad_colour": "Item {index} ({value!r}) is not a '#rrggbb' colour.",
    }

    def to_internal_value(self, data):
        if isinstance(data, str):
            name = data.strip().lower()
            if name not in ColorScheme.values:
                self.fail("unknown_scheme", value=data, choices=", ".join(ColorScheme.values))
            return name
        if isinstance(data, list):
            if len(data) > MAX_PALETTE_COLOURS:
                self.fail("too_many", max=MAX_PALETTE_COLOURS)
            for index, colour in enumerate(data):
                if not isinstance(colour, str) or not _HEX_COLOUR.match(colour):
                    self.fail("bad_colour", index=index, value=colour)
            return [colour.lower() for colour in data]
        self.fail("invalid")

    def to_representation(self, value):
        return value


class ProjectInputSerializer(serializers.Serializer):
    """What a client may set on create (POST) and update (PUT/PATCH); `status` only on update."""

    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    art_style = serializers.ChoiceField(choices=ArtStyle.choices, required=False)
    target_panels = serializers.IntegerField(min_value=1, max_value=20, required=False)
    story_outline = serializers.CharField(max_length=20000, required=False, allow_blank=True)
    color_palette = ColorPaletteField(required=False)


class ProjectUpdateSerializer(ProjectInputSerializer):
    status = serializers.ChoiceField(choices=ProjectStatus.choices, required=False)


class ProjectSerializer(PlainOutput, serializers.ModelSerializer):
    """A project as the API returns it; `character_count`/`webtoon_count` come from the selector's annotation."""

    color_palette = ColorPaletteField(read_only=True)
    character_count = serializers.IntegerField(read_only=True)
    webtoon_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Project
        fields = [
            "id",
            "title",
            "description",
            "art_style",
            "target_panels",
            "story_outline",
            "color_palette",
            "status",
            "character_count",
            "webtoon_count",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class _NoUnknownFields(serializers.Serializer):
    """Rejects keys it does not know (a typo is a 400 naming it, not a silently ignored field)."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        return super().to_internal_value(data)


class EpisodeSummarySerializer(_NoUnknownFields):
    episode_number = serializers.IntegerField(min_value=1)
    title = serializers.CharField(max_length=200, allow_blank=True, required=False, default="")
    summary = serializers.CharField(max_length=series.SUMMARY_LENGTH)


class CharacterStateSerializer(_NoUnknownFields):
    name = serializers.CharField(max_length=200)
    location = serializers.CharField(max_length=500, allow_blank=True, required=False, default="")
    knows = serializers.ListField(
        child=serializers.CharField(max_length=500), max_length=series.MAX_FACTS, required=False, default=list
    )
    relationships = serializers.DictField(
        child=serializers.CharField(max_length=500, allow_blank=True), required=False, default=dict
    )

    def validate_relationships(self, value: dict) -> dict:
        if len(value) > series.MAX_RELATIONSHIPS:
            raise serializers.ValidationError(f"At most {series.MAX_RELATIONSHIPS} relationships.")
        bad = [key for key in value if not key.strip() or len(key) > 200]
        if bad:
            raise serializers.ValidationError("Each relationship is keyed by a character name of 1 to 200 characters.")
        return {key.strip(): text.strip() for key, text in value.items()}


class SeriesMemorySerializer(_NoUnknownFields):
    """The series' story memory. PATCH replaces each list it is given (`episodes`, `characters`) whole."""

    project_id = serializers.UUIDField(read_only=True)
    episodes = EpisodeSummarySerializer(many=True, max_length=series.MAX_EPISODES, required=False)
    characters = CharacterStateSerializer(many=True, max_length=series.MAX_CHARACTERS, required=False)
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)

    def validate_episodes(self, value: list[dict]) -> list[dict]:
        numbers = [episode["episode_number"] for episode in value]
        repeated = sorted({n for n in numbers if numbers.count(n) > 1})
        if repeated:
            raise serializers.ValidationError(f"Episode numbers must be unique; repeated: {repeated}.")
        return sorted(value, key=lambda episode: episode["episode_number"])

    def validate_characters(self, value: list[dict]) -> list[dict]:
        names = [character["name"] for character in value]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise serializers.ValidationError(f"Character names must be unique; repeated: {repeated}.")
        return value
