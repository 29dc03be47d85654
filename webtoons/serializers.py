"""Webtoon shapes: the webtoon as returned (with a panel summary in detail), inputs, the generate body."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from panels.serializers import PanelSummarySerializer
from projects.models import ArtStyle
from sketchdojo.api.fields import QueryOrBodyUUIDField
from sketchdojo.api.output import PlainOutput
from sketchdojo.engine.script import MAX_PANELS
from sketchdojo.links import file_url
from webtoons.models import Webtoon
from webtoons.publication import has_unpublished_changes

QUALITIES = ("draft", "standard", "high")


class WebtoonSerializer(PlainOutput, serializers.ModelSerializer):
    """A webtoon in a list: its state, counts and URLs."""

    project_id = serializers.UUIDField(read_only=True)
    panel_count = serializers.SerializerMethodField()
    thumbnail_url = serializers.SerializerMethodField()
    strip_url = serializers.SerializerMethodField()
    published_url = serializers.SerializerMethodField()

    class Meta:
        model = Webtoon
        fields = [
            "id",
            "project_id",
            "episode_number",
            "title",
            "description",
            "summary",
            "status",
            "style",
            "language",
            "panel_count",
            "thumbnail_url",
            "strip_url",
            "published_url",
            "published_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_panel_count(self, webtoon: Webtoon) -> int:
        count = getattr(webtoon, "panel_count", None)
        return webtoon.panels.count() if count is None else count

    def get_thumbnail_url(self, webtoon: Webtoon) -> str | None:
        return file_url(webtoon.thumbnail, self.context.get("request"))

    def get_strip_url(self, webtoon: Webtoon) -> str | None:
        return file_url(webtoon.strip, self.context.get("request"))

    @extend_schema_field(serializers.URLField(allow_null=True, help_text="The public page; null until published."))
    def get_published_url(self, webtoon: Webtoon) -> str | None:
        return webtoon.published_url or None


class WebtoonDetailSerializer(WebtoonSerializer):
    """One webtoon with its script and its panels in reading order."""

    panels = serializers.SerializerMethodField()
    has_unpublished_changes = serializers.SerializerMethodField(
        help_text="Published, and panels were edited since: the reader shows the published revision until a "
        "republish (POST /webtoons/{id}/publish)."
    )

    class Meta(WebtoonSerializer.Meta):
        fields = [*WebtoonSerializer.Meta.fields, "has_unpublished_changes", "script", "panels"]
        read_only_fields = fields

    def get_has_unpublished_changes(self, webtoon: Webtoon) -> bool:
        return has_unpublished_changes(webtoon=webtoon)

    def get_panels(self, webtoon: Webtoon) -> list[dict]:
        panels = sorted(webtoon.panels.all(), key=lambda p: p.sequence_number)
        return PanelSummarySerializer(panels, many=True, context=self.context).data


class WebtoonInputSerializer(serializers.Serializer):
    """What a client may set on a webtoon (PUT/PATCH)."""

    title = serializers.CharField(max_length=200, allow_blank=True, required=False)
    description = serializers.CharField(max_length=5000, allow_blank=True, required=False)
    summary = serializers.CharField(max_length=5000, allow_blank=True, required=False)
    style = serializers.ChoiceField(choices=ArtStyle.choices, required=False)


class WebtoonCreateSerializer(WebtoonInputSerializer):
    project_id = QueryOrBodyUUIDField()


class StylePreferencesSerializer(serializers.Serializer):
    style = serializers.ChoiceField(choices=ArtStyle.choices, required=False)
    quality = serializers.ChoiceField(choices=QUALITIES, default="standard")
    color_scheme = serializers.CharField(max_length=100, allow_blank=True, default="")


class GenerateSerializer(serializers.Serializer):
    """The body of POST /webtoons/generate (the guide's example is valid as written)."""

    project_id = QueryOrBodyUUIDField()
    story_prompt = serializers.CharField(max_length=5000, trim_whitespace=True)
    character_descriptions = serializers.ListField(
        child=serializers.CharField(max_length=500), required=False, default=list, max_length=12
    )
    style_preferences = StylePreferencesSerializer(required=False)
    panel_count = serializers.IntegerField(min_value=1, max_value=MAX_PANELS, required=False)
    auto_generate_panels = serializers.BooleanField(default=True)
