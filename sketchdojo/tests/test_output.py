"""PlainOutput builds the very dict DRF's ModelSerializer.to_representation builds, for every list's rows."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image
from rest_framework import serializers
from rest_framework.test import APIRequestFactory

from characters.serializers import CharacterSerializer
from panels.serializers import PanelSerializer
from projects.selectors import project_list
from projects.serializers import ProjectSerializer
from projects.tests.factories import CharacterFactory, ProjectFactory
from sketchdojo.api.output import PlainOutput
from tasks.serializers import TaskDetailSerializer, TaskSerializer
from webtoons.selectors import webtoon_list
from webtoons.serializers import WebtoonDetailSerializer, WebtoonSerializer
from webtoons.tests.factories import PanelFactory, TaskFactory, WebtoonFactory

pytestmark = pytest.mark.django_db


def _png() -> ContentFile:
    buffer = BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, format="PNG")
    return ContentFile(buffer.getvalue())


def _drf(serializer) -> callable:
    """The generic path the mixin replaces, on the same bound serializer."""
    return lambda instance: serializers.ModelSerializer.to_representation(serializer, instance)


def _both(serializer_class, rows):
    request = APIRequestFactory().get("/api/v1/anything")
    serializer = serializer_class(rows, many=True, context={"request": request})
    plain = serializer.data
    generic = [_drf(serializer.child)(row) for row in rows]
    return [dict(row) for row in plain], [dict(row) for row in generic]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def rows(user, media_root):
    project = ProjectFactory(user=user, title="Ünïcode «storm»", description="", color_palette=["#112233", "#aabbcc"])
    ProjectFactory(user=user, status="in_progress", color_palette="vibrant", story_outline="A long outline " * 20)
    plain_character = CharacterFactory(project=project, appearance={}, personality="")
    drawn = CharacterFactory(project=project, role="antagonist")
    drawn.reference_image = default_storage.save("characters/test/ref.png", _png())
    drawn.save()
    webtoon = WebtoonFactory(project=project, summary="", published_url="")
    published = WebtoonFactory(project=project, status="published", published_url="https://example.com/r/x")
    published.thumbnail.save("thumb.png", _png(), save=True)
    bubbles = [{"speaker": None, "character_id": None, "text": "Hé!", "style": "shout",
                "position": {"x": 0.1, "y": 0.2, "width": 0.3, "height": 0.1}, "tail_direction": "left"}]  # fmt: skip
    first = PanelFactory(webtoon=webtoon, sequence_number=1, speech_bubbles=bubbles, error_message="")
    second = PanelFactory(webtoon=webtoon, sequence_number=2, status="failed", error_message="The artist gave up")
    second.image.save("p2.png", _png(), save=True)
    running = TaskFactory(webtoon=webtoon, status="running", progress=33.333, current_step="Drawing")
    done = TaskFactory(webtoon=published, status="completed", progress=100, result={"panels": 2, "nested": [1, None]})
    return {
        "projects": list(project_list(user=user)),
        "characters": [plain_character, drawn],
        "webtoons": list(webtoon_list(user=user)),
        "panels": [first, second],
        "tasks": [running, done],
    }


@pytest.mark.parametrize(
    ("name", "serializer_class"),
    [
        ("projects", ProjectSerializer),
        ("characters", CharacterSerializer),
        ("webtoons", WebtoonSerializer),
        ("webtoons", WebtoonDetailSerializer),
        ("panels", PanelSerializer),
        ("tasks", TaskSerializer),
        ("tasks", TaskDetailSerializer),
    ],
)
def test_the_plain_rows_are_drfs_rows(rows, name, serializer_class):
    assert issubclass(serializer_class, PlainOutput)

    plain, generic = _both(serializer_class, rows[name])

    assert plain == generic
    assert [list(row) for row in plain] == [list(row) for row in generic]  # the same keys in the same order


def test_a_field_the_plan_does_not_know_goes_through_drf(user):
    class Shouting(serializers.CharField):
        def to_representation(self, value):
            return str(value).upper()

    class TitleSerializer(PlainOutput, serializers.ModelSerializer):
        title = Shouting()
        created = serializers.DateTimeField(source="created_at")
        owner = serializers.CharField(source="user.username")
        missing = serializers.CharField(source="no_such_attribute", default="fallback")

        class Meta:
            model = ProjectSerializer.Meta.model
            fields = ["id", "title", "created", "owner", "missing"]

    project = ProjectFactory(user=user, title="quiet")
    serializer = TitleSerializer(project)

    assert serializer.data == _drf(serializer)(project)
    assert serializer.data["title"] == "QUIET"
    assert serializer.data["owner"] == user.username
    assert serializer.data["missing"] == "fallback"
