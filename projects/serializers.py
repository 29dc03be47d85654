"""Input and output shapes of the projects API (no business rules here: those live in services)."""

import re

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from projects.models import MAX_PALETTE_COLOURS, ArtStyle, ColorScheme, Project, ProjectStatus

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


class ProjectSerializer(serializers.ModelSerializer):
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
