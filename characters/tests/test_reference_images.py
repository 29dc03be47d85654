"""Reference image uploads: only real PNG/JPEG/WEBP within the byte and pixel limits are stored."""

import io
import json
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from characters.models import Character
from projects.tests.factories import CharacterFactory, ProjectFactory
from sketchdojo.storage import signed_media_path

pytestmark = pytest.mark.django_db


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (16, 16)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, format=fmt)
    return buffer.getvalue()


def upload(content: bytes, name: str = "ref.png", content_type: str = "image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    settings.PUBLIC_BASE_URL = ""
    return tmp_path


@pytest.fixture
def project(user):
    return ProjectFactory(user=user)


def _create(client, project, image, **fields):
    data = {"name": "Alex Thunder", "reference_image": image, **fields}
    return client.post(f"/api/v1/characters?project_id={project.id}", data, format="multipart")


@pytest.mark.parametrize(("fmt", "extension"), [("PNG", "png"), ("JPEG", "jpg"), ("WEBP", "webp")])
def test_a_png_jpeg_or_webp_upload_is_stored_under_a_fresh_name_with_its_real_extension(
    auth_client, project, media_root, fmt, extension
):
    response = _create(auth_client, project, upload(image_bytes(fmt), name="evil.html"))

    assert response.status_code == 201
    character = Character.objects.get()
    name = character.reference_image.name
    assert name.startswith(f"characters/{project.id}/")
    assert name.endswith(f".{extension}")
    assert "evil" not in name
    assert (media_root / name).read_bytes() == image_bytes(fmt)
    # A private file: a signed link that expires (sketchdojo.storage.media_url), not the plain /media/ path.
    assert response.json()["reference_image_url"] == f"http://testserver{signed_media_path(name)}"


def test_nested_objects_may_come_as_json_form_fields_beside_the_image(auth_client, project):
    appearance = {"hair_color": "silver", "distinctive_features": ["scar"]}
    personality = {"traits": ["brave"], "speech_style": "confident"}

    response = _create(
        auth_client,
        project,
        upload(image_bytes()),
        role="protagonist",
        appearance=json.dumps(appearance),
        personality=json.dumps(personality),
    )

    assert response.status_code == 201
    character = Character.objects.get()
    assert (character.role, character.appearance, character.personality) == ("protagonist", appearance, personality)


@pytest.mark.parametrize("value", ["{not json", '["a list"]', '{"foo": 1}'])
def test_a_bad_json_form_field_is_a_400_naming_it(auth_client, project, value):
    response = _create(auth_client, project, upload(image_bytes()), appearance=value)

    assert response.status_code == 400
    assert "appearance" in response.json()["details"]
    assert Character.objects.count() == 0


def test_the_public_base_url_prefixes_image_urls_when_set(auth_client, project, settings):
    settings.PUBLIC_BASE_URL = "https://sketchdojo.example"

    response = _create(auth_client, project, upload(image_bytes()))

    name = Character.objects.get().reference_image.name
    assert response.json()["reference_image_url"] == f"https://sketchdojo.example{signed_media_path(name)}"


def _gif() -> bytes:
    buffer = io.BytesIO()
    Image.new("P", (8, 8)).save(buffer, format="GIF")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_gif(), "Upload a PNG, JPEG or WEBP image."),
        (b"<html><script>alert(1)</script></html>", "Upload a PNG, JPEG or WEBP image."),
        (image_bytes()[:60], "The image is damaged or truncated and cannot be read."),
    ],
    ids=["gif", "not-an-image", "truncated-png"],
)
def test_an_upload_that_is_not_a_whole_png_jpeg_or_webp_is_a_400_and_stores_nothing(
    auth_client, project, media_root, content, message
):
    response = _create(auth_client, project, upload(content))

    assert response.status_code == 400
    assert response.json()["error"] == "validation_error"
    assert response.json()["details"] == {"reference_image": [message]}
    assert Character.objects.count() == 0
    assert list(media_root.rglob("*.*")) == []


def test_an_image_over_the_byte_limit_is_a_400(auth_client, project, settings):
    content = image_bytes()
    settings.CHARACTER_IMAGE_MAX_BYTES = len(content) - 1

    response = _create(auth_client, project, upload(content))

    assert response.status_code == 400
    assert response.json()["details"] == {
        "reference_image": [f"The image is {len(content)} bytes; the limit is {len(content) - 1} bytes."]
    }
    assert Character.objects.count() == 0


def test_an_image_over_the_pixel_limit_is_a_400(auth_client, project, settings):
    settings.CHARACTER_IMAGE_MAX_PIXELS = 255

    response = _create(auth_client, project, upload(image_bytes(size=(16, 16))))

    assert response.status_code == 400
    assert response.json()["details"] == {
        "reference_image": ["The image is 16x16 pixels; the limit is 255 pixels in all."]
    }


def test_an_image_exactly_at_the_limits_is_accepted(auth_client, project, settings):
    content = image_bytes(size=(16, 16))
    settings.CHARACTER_IMAGE_MAX_PIXELS = 256
    settings.CHARACTER_IMAGE_MAX_BYTES = len(content)

    assert _create(auth_client, project, upload(content)).status_code == 201


def test_patching_a_new_image_replaces_the_old_file(
    auth_client, project, media_root, django_capture_on_commit_callbacks
):
    _create(auth_client, project, upload(image_bytes("PNG")))
    character = Character.objects.get()
    old_name = character.reference_image.name

    with django_capture_on_commit_callbacks(execute=True):
        response = auth_client.patch(
            f"/api/v1/characters/{character.id}",
            {"reference_image": upload(image_bytes("JPEG"), name="new.jpg")},
            format="multipart",
        )

    assert response.status_code == 200
    new_name = Character.objects.get().reference_image.name
    assert new_name.endswith(".jpg")
    assert (media_root / new_name).exists()
    assert not (media_root / old_name).exists()
    assert Character.objects.get().name == "Alex Thunder"


def test_patching_the_image_to_null_removes_it(auth_client, project, media_root, django_capture_on_commit_callbacks):
    _create(auth_client, project, upload(image_bytes()))
    character = Character.objects.get()
    old_name = character.reference_image.name

    with django_capture_on_commit_callbacks(execute=True):
        response = auth_client.patch(f"/api/v1/characters/{character.id}", {"reference_image": None}, format="json")

    assert response.status_code == 200
    assert response.json()["reference_image_url"] is None
    assert Character.objects.get().reference_image.name == ""
    assert not (media_root / old_name).exists()


def test_deleting_a_character_deletes_its_image(auth_client, project, media_root, django_capture_on_commit_callbacks):
    _create(auth_client, project, upload(image_bytes()))
    character = Character.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        assert auth_client.delete(f"/api/v1/characters/{character.id}").status_code == 204

    assert not (media_root / character.reference_image.name).exists()


def test_deleting_a_project_deletes_its_characters_images(
    auth_client, project, media_root, django_capture_on_commit_callbacks
):
    _create(auth_client, project, upload(image_bytes()))
    name = Character.objects.get().reference_image.name

    with django_capture_on_commit_callbacks(execute=True):
        assert auth_client.delete(f"/api/v1/projects/{project.id}").status_code == 204

    assert not (media_root / name).exists()


def test_uploading_an_image_to_another_users_character_is_a_404_and_stores_nothing(auth_client, other_user, media_root):
    character = CharacterFactory(project=ProjectFactory(user=other_user))

    response = auth_client.patch(
        f"/api/v1/characters/{character.id}", {"reference_image": upload(image_bytes())}, format="multipart"
    )

    assert response.status_code == 404
    assert Character.objects.get(pk=character.pk).reference_image.name == ""
    assert list(media_root.rglob("*.*")) == []


def test_a_storage_failure_while_removing_the_old_image_does_not_fail_the_delete(
    auth_client, project, monkeypatch, django_capture_on_commit_callbacks
):
    _create(auth_client, project, upload(image_bytes()))
    character = Character.objects.get()

    def broken_delete(name):
        raise OSError("storage unavailable")

    monkeypatch.setattr("sketchdojo.storage.default_storage.delete", broken_delete)
    with django_capture_on_commit_callbacks(execute=True):
        response = auth_client.delete(f"/api/v1/characters/{character.id}")

    assert response.status_code == 204
    assert not Character.objects.filter(pk=character.pk).exists()


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares huge dimensions but carries no pixel data (a decompression-bomb probe)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


@pytest.mark.parametrize("side", [5000, 100_000], ids=["over-our-limit", "over-pillows-bomb-limit"])
def test_an_image_declaring_too_many_pixels_is_refused_before_decoding(auth_client, project, settings, side):
    settings.CHARACTER_IMAGE_MAX_PIXELS = 4096 * 4096

    response = _create(auth_client, project, upload(_png_header_only(side, side)))

    assert response.status_code == 400
    [message] = response.json()["details"]["reference_image"]
    assert "pixels" in message
    assert str(4096 * 4096) in message
    assert Character.objects.count() == 0
