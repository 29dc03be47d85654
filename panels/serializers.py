"""Panel shapes: dialogue and SFX items validated field by field, the panel as returned, and inputs."""

from collections.abc import Mapping

from rest_framework import serializers

from panels.models import Panel, Shot
from sketchdojo.api.fields import QueryOrBodyUUIDField
from sketchdojo.api.output import PlainOutput
from sketchdojo.engine.lettering import BUBBLE_STYLES, TAIL_DIRECTIONS
from sketchdojo.links import file_url

MAX_BUBBLES = 8
MAX_ELEMENTS = 6


class PositionSerializer(serializers.Serializer):
    """Where a bubble's centre sits, as fractions of the panel's width and height."""

    x = serializers.FloatField(min_value=0.0, max_value=1.0)
    y = serializers.FloatField(min_value=0.0, max_value=1.0)


class SpeechBubbleSerializer(serializers.Serializer):
    """`{speaker, character_id, text, style, position{x,y}, tail_direction}` (SPEC §4)."""

    speaker = serializers.CharField(max_length=100, allow_null=True, allow_blank=True, required=False, default=None)
    character_id = serializers.UUIDField(allow_null=True, required=False, default=None)
    text = serializers.CharField(max_length=300, trim_whitespace=True)
    style = serializers.ChoiceField(choices=BUBBLE_STYLES, default="normal")
    position = PositionSerializer(allow_null=True, required=False, default=None)
    tail_direction = serializers.ChoiceField(
        choices=(*TAIL_DIRECTIONS, "none"), allow_null=True, required=False, default=None
    )

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        value["speaker"] = value.get("speaker") or None
        value["character_id"] = str(value["character_id"]) if value.get("character_id") else None
        value["position"] = dict(value["position"]) if value.get("position") else None
        if value["style"] != "narration" and not value["speaker"]:
            raise serializers.ValidationError({"speaker": ["Every bubble but narration needs a speaker."]})
        return value


class VisualElementSerializer(serializers.Serializer):
    """Drawn text that is not dialogue, e.g. `{"element_type": "sfx", "text": "BOOM", "position": null}`."""

    element_type = serializers.ChoiceField(
        choices=("sfx", "sign", "text", "prop"),
        default="sfx",
        help_text="sfx, sign and text are lettered on the panel; a prop is a thing the artist draws.",
    )
    text = serializers.CharField(max_length=24, trim_whitespace=True)
    position = PositionSerializer(allow_null=True, required=False, default=None)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        value["position"] = dict(value["position"]) if value.get("position") else None
        return value


class StagedCharacterSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    position = serializers.CharField(max_length=20, required=False, default="center")
    expression = serializers.CharField(max_length=20, required=False, default="neutral")
    action = serializers.CharField(max_length=20, required=False, default="standing")


class PanelInputSerializer(serializers.Serializer):
    """What a client may set on a panel (PUT/PATCH; POST adds `webtoon_id`)."""

    sequence_number = serializers.IntegerField(min_value=1, required=False)
    scene_index = serializers.IntegerField(min_value=0, max_value=100, required=False)
    location = serializers.CharField(max_length=200, allow_blank=True, required=False)
    time_of_day = serializers.ChoiceField(choices=("dawn", "day", "dusk", "night"), required=False)
    weather = serializers.ChoiceField(choices=("clear", "cloudy", "rain", "storm", "snow", "fog"), required=False)
    mood = serializers.CharField(max_length=100, allow_blank=True, required=False)
    shot = serializers.ChoiceField(choices=Shot.choices, required=False)
    visual_description = serializers.CharField(max_length=2000, allow_blank=True, required=False)
    characters_present = StagedCharacterSerializer(many=True, required=False, max_length=6)
    speech_bubbles = SpeechBubbleSerializer(many=True, required=False, max_length=MAX_BUBBLES)
    visual_elements = VisualElementSerializer(many=True, required=False, max_length=MAX_ELEMENTS)

    WHOLE_ITEM_LISTS = ("characters_present", "speech_bubbles", "visual_elements")

    def to_internal_value(self, data):
        # A PATCH is partial about the panel, never about one bubble: DRF would pass `partial` down
        # to the nested items (skipping their required fields and defaults), so each list given is
        # validated here by a standalone, non-partial serializer.
        if not isinstance(data, Mapping):
            return super().to_internal_value(data)
        given = {name: data[name] for name in self.WHOLE_ITEM_LISTS if name in data}
        errors = {}
        try:
            value = super().to_internal_value({k: v for k, v in data.items() if k not in given})
        except serializers.ValidationError as exc:
            errors.update(exc.detail)
            value = {}
        for name, items in given.items():
            field = self.fields[name]
            whole = type(field.child)(data=items, many=True, max_length=field.max_length)
            if whole.is_valid():
                value[name] = [dict(item) for item in whole.validated_data]
            else:
                errors[name] = whole.errors
        if errors:
            raise serializers.ValidationError(errors)
        return value


class PanelCreateSerializer(PanelInputSerializer):
    webtoon_id = QueryOrBodyUUIDField()


class PanelGenerateSerializer(serializers.Serializer):
    panel_id = QueryOrBodyUUIDField()
    seed = serializers.IntegerField(min_value=0, max_value=2**32 - 1, required=False, allow_null=True)


class PanelSerializer(PlainOutput, serializers.ModelSerializer):
    """A panel as the API returns it, with absolute URLs of its lettered and raw art (or null)."""

    webtoon_id = serializers.UUIDField(read_only=True)
    image_url = serializers.SerializerMethodField()
    raw_image_url = serializers.SerializerMethodField()

    class Meta:
        model = Panel
        fields = [
            "id",
            "webtoon_id",
            "sequence_number",
            "scene_index",
            "location",
            "time_of_day",
            "weather",
            "mood",
            "shot",
            "visual_description",
            "characters_present",
            "speech_bubbles",
            "visual_elements",
            "status",
            "error_message",
            "image_url",
            "raw_image_url",
            "ai_prompt",
            "generation_meta",
            "seed",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_image_url(self, panel: Panel) -> str | None:
        return file_url(panel.image, self.context.get("request"))

    def get_raw_image_url(self, panel: Panel) -> str | None:
        return file_url(panel.raw_image, self.context.get("request"))


class PanelSummarySerializer(serializers.ModelSerializer):
    """A panel inside a webtoon's detail: enough to show the strip and its state."""

    image_url = serializers.SerializerMethodField()

    class Meta:
        model = Panel
        fields = ["id", "sequence_number", "shot", "status", "image_url", "version", "error_message"]
        read_only_fields = fields

    def get_image_url(self, panel: Panel) -> str | None:
        return file_url(panel.image, self.context.get("request"))
