"""Staff moderate characters in the admin with the same rules as the API."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from characters.models import Character
from characters.services import character_update
from projects.tests.factories import CharacterFactory
from sketchdojo.storage import media_url

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (32, 32), (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def _form_data(character: Character, **changes) -> dict:
    data = {
        "project": str(character.project_id),
        "name": character.name,
        "role": character.role,
        "description": character.description,
        "appearance": '{"hair_color": "silver"}',
        "personality": "{}",
    }
    return {**data, **changes}


def test_the_character_changelist_finds_characters_by_owner_email(admin_client):
    wanted = CharacterFactory(name="Alex Thunder")
    CharacterFactory(name="Other")

    response = admin_client.get("/admin/characters/character/", {"q": wanted.project.user.email})

    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == [wanted]


def test_staff_can_save_a_valid_appearance(admin_client):
    character = CharacterFactory()

    response = admin_client.post(f"/admin/characters/character/{character.id}/change/", _form_data(character))

    assert response.status_code == 302
    assert Character.objects.get(pk=character.pk).appearance == {"hair_color": "silver"}


def test_an_unknown_appearance_key_is_refused_in_the_admin_and_changes_nothing(admin_client):
    character = CharacterFactory()
    before = Character.objects.get(pk=character.pk).appearance

    response = admin_client.post(
        f"/admin/characters/character/{character.id}/change/", _form_data(character, appearance='{"foo": "x"}')
    )

    assert response.status_code == 200
    assert "foo: Unknown field." in response.context["adminform"].form.errors["appearance"][0]
    assert Character.objects.get(pk=character.pk).appearance == before


def test_the_change_page_shows_the_reference_image_and_the_seed_read_only(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    character = CharacterFactory(seed=4242)
    character = character_update(
        character=character,
        data={"reference_image": SimpleUploadedFile("sheet.png", _png(), content_type="image/png")},
    )

    page = admin_client.get(f"/admin/characters/character/{character.id}/change/").content.decode()
    listing = admin_client.get("/admin/characters/character/").content.decode()

    thumbnail = f'<img src="{media_url(character.reference_image)}" alt="" style="max-height:64px">'
    assert thumbnail.replace("&", "&amp;") in page
    assert thumbnail.replace("&", "&amp;") in listing
    assert '<div class="readonly">4242</div>' in page
    assert 'name="seed"' not in page
