"""Translations: PUT/GET/DELETE texts per language, re-lettered from the raw art; PO import/export; ownership."""

import os

import pytest
from PIL import ImageChops

from sketchdojo.storage import image_open
from webtoons.models import PanelTranslation, Translation
from webtoons.translations import language_normalise, reader_language

pytestmark = pytest.mark.django_db


def url(webtoon, tail=""):
    return f"/api/v1/webtoons/{webtoon.pk}/translations{tail}"


def spanish_texts(webtoon):
    """A Spanish text for every bubble of every panel."""
    return {
        str(panel.pk): {
            str(i): f"Texto {panel.sequence_number}.{i} en español" for i in range(len(panel.speech_bubbles))
        }
        for panel in webtoon.panels.all()
        if panel.speech_bubbles
    }


def test_put_letters_every_panel_in_the_language_without_a_provider_call(
    auth_client, generated_webtoon, image_provider
):
    webtoon = generated_webtoon
    texts = spanish_texts(webtoon)
    originals = {p.pk: p.image.name for p in webtoon.panels.all()}

    response = auth_client.put(url(webtoon, "/es"), {"panels": texts}, format="json")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["language"] == "es"
    assert body["panels"] == texts
    assert body["stale_panels"] == []
    assert image_provider.calls == 0
    letterings = PanelTranslation.objects.filter(translation__webtoon=webtoon)
    assert letterings.count() == 3
    for lettering in letterings:
        panel = lettering.panel
        assert panel.image.name == originals[panel.pk]  # the original is untouched
        assert [b["text"] for b in lettering.speech_bubbles] == [
            texts[str(panel.pk)][str(i)] for i in range(len(panel.speech_bubbles))
        ]
        translated, original = image_open(lettering.image), image_open(panel.image)
        assert translated.size == original.size
        changed = ImageChops.difference(translated.convert("RGB"), original.convert("RGB")).getbbox()
        assert (changed is not None) == bool(panel.speech_bubbles)


def test_get_lists_and_returns_translations_and_delete_removes_one(
    auth_client, generated_webtoon, django_capture_on_commit_callbacks
):
    webtoon = generated_webtoon
    auth_client.put(url(webtoon, "/es"), {"panels": spanish_texts(webtoon)}, format="json")
    auth_client.put(url(webtoon, "/ko"), {"panels": {}}, format="json")

    listing = auth_client.get(url(webtoon)).json()
    assert listing["original_language"] == "en"
    assert [t["language"] for t in listing["items"]] == ["es", "ko"]
    assert auth_client.get(url(webtoon, "/ES")).json()["panels"] == spanish_texts(webtoon)

    files = [pt.image.path for pt in PanelTranslation.objects.filter(translation__language="es")]
    with django_capture_on_commit_callbacks(execute=True):
        response = auth_client.delete(url(webtoon, "/es"))

    assert response.status_code == 204
    assert list(Translation.objects.values_list("language", flat=True)) == ["ko"]
    assert auth_client.get(url(webtoon, "/es")).status_code == 404
    assert len(files) == 3
    assert not any(os.path.exists(path) for path in files)


def test_a_blank_or_missing_text_keeps_the_original_bubble(auth_client, generated_webtoon):
    webtoon = generated_webtoon
    panel = next(p for p in webtoon.panels.all() if len(p.speech_bubbles) >= 1)

    response = auth_client.put(url(webtoon, "/fr"), {"panels": {str(panel.pk): {"0": "   "}}}, format="json")

    assert response.status_code == 200
    assert response.json()["panels"] == {}
    lettering = PanelTranslation.objects.get(panel=panel)
    assert [b["text"] for b in lettering.speech_bubbles] == [b["text"] for b in panel.speech_bubbles]


@pytest.mark.parametrize(
    ("tag", "problem"),
    [("english!", "lang"), ("e", "lang"), ("en-", "lang")],
)
def test_a_tag_that_is_not_bcp47_is_a_400(auth_client, generated_webtoon, tag, problem):
    response = auth_client.put(url(generated_webtoon, f"/{tag}"), {"panels": {}}, format="json")

    assert response.status_code == 400
    assert response.json()["error"] == "validation_error"
    assert "is not a BCP 47 language tag" in response.json()["details"]["language"][0]
    assert not Translation.objects.exists()


def test_foreign_panels_and_missing_bubbles_are_named_in_a_400(auth_client, generated_webtoon):
    webtoon = generated_webtoon
    panel = webtoon.panels.first()
    count = len(panel.speech_bubbles)
    body = {"panels": {"not-a-panel": {"0": "x"}, str(panel.pk): {str(count): "too far", "zero": "x"}}}

    response = auth_client.put(url(webtoon, "/de"), body, format="json")

    assert response.status_code == 400
    details = response.json()["details"]
    assert details["panels.not-a-panel"] == ["No panel of this webtoon has this id."]
    assert f"panels.{panel.pk}.{count}" in details
    assert f"panels.{panel.pk}.zero" in details
    assert not Translation.objects.exists()


def test_the_original_language_cannot_be_a_translation(auth_client, generated_webtoon):
    response = auth_client.put(url(generated_webtoon, "/EN"), {"panels": {}}, format="json")

    assert response.status_code == 400
    assert "original language" in response.json()["details"]["language"][0]


def test_another_users_webtoon_is_not_found_and_nothing_changes(other_client, auth_client, generated_webtoon):
    webtoon = generated_webtoon
    auth_client.put(url(webtoon, "/es"), {"panels": spanish_texts(webtoon)}, format="json")
    before = list(PanelTranslation.objects.values_list("image", flat=True))

    for response in (
        other_client.get(url(webtoon)),
        other_client.get(url(webtoon, "/es")),
        other_client.put(url(webtoon, "/es"), {"panels": {}}, format="json"),
        other_client.delete(url(webtoon, "/es")),
        other_client.get(url(webtoon, "/es.po")),
        other_client.put(url(webtoon, "/es.po"), b"", content_type="text/x-gettext-translation"),
        other_client.post(url(webtoon, "/ko/auto")),
    ):
        assert response.status_code == 404
        assert response.json()["error"] == "not_found"
    assert Translation.objects.get().texts == spanish_texts(webtoon)
    assert list(PanelTranslation.objects.values_list("image", flat=True)) == before


def test_po_export_is_a_template_then_carries_the_translation(auth_client, generated_webtoon):
    import polib

    webtoon = generated_webtoon
    response = auth_client.get(url(webtoon, "/es.po"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation; charset=utf-8"
    po = polib.pofile(response.content.decode())
    assert po.metadata["Language"] == "es"
    bubbles = [(p, i, b) for p in webtoon.panels.order_by("sequence_number") for i, b in enumerate(p.speech_bubbles)]
    assert [e.msgctxt for e in po] == [f"{p.pk}:{i}" for p, i, _ in bubbles]
    assert [e.msgid for e in po] == [b["text"] for _, _, b in bubbles]
    assert all(e.msgstr == "" for e in po)
    first_panel, _, first_bubble = bubbles[0]
    style = first_bubble["style"]
    who = "narration" if style == "narration" else first_bubble["speaker"]
    assert po[0].comment == f"Panel {first_panel.sequence_number}, bubble 1: {who} ({style})"

    auth_client.put(url(webtoon, "/es"), {"panels": spanish_texts(webtoon)}, format="json")
    po = polib.pofile(auth_client.get(url(webtoon, "/es.po")).content.decode())
    assert [e.msgstr for e in po] == [spanish_texts(webtoon)[str(p.pk)][str(i)] for p, i, _ in bubbles]


def test_po_import_round_trips_and_fuzzy_entries_stay_untranslated(auth_client, generated_webtoon):
    import polib

    webtoon = generated_webtoon
    po = polib.pofile(auth_client.get(url(webtoon, "/ko.po")).content.decode())
    for n, entry in enumerate(po):
        entry.msgstr = f"번개 {n}"
    po[0].flags.append("fuzzy")

    response = auth_client.put(url(webtoon, "/ko.po"), str(po).encode(), content_type="text/x-gettext-translation")

    assert response.status_code == 200, response.json()
    texts = response.json()["panels"]
    first_panel, first_index = po[0].msgctxt.split(":")
    assert first_index not in texts.get(first_panel, {})
    assert sum(len(by_index) for by_index in texts.values()) == len(po) - 1
    second_panel, second_index = po[1].msgctxt.split(":")
    assert texts[second_panel][second_index] == "번개 1"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'msgid "x"\nmsgstr "y\n\x00garbage', "Not a PO file"),
        (b"\xff\xfe not utf-8", "A PO file must be UTF-8 text."),
        (b'msgid ""\nmsgstr "Language: de\\n"\n', "This PO file is for de, not es."),
        (b'msgid "Hello"\nmsgstr "Hola"\n', "has no '<panel id>:<bubble index>' context"),
    ],
)
def test_a_bad_po_file_is_a_400_that_changes_nothing(auth_client, generated_webtoon, content, message):
    response = auth_client.put(url(generated_webtoon, "/es.po"), content, content_type="text/x-gettext-translation")

    assert response.status_code == 400
    assert message in response.json()["details"]["file"][0]
    assert not Translation.objects.exists()


def test_a_po_body_naming_a_server_file_is_not_read_as_a_path(auth_client, generated_webtoon, tmp_path):
    secret = tmp_path / "secret.po"
    secret.write_text(f'msgctxt "{generated_webtoon.panels.first().pk}:0"\nmsgid "a"\nmsgstr "leaked"\n')

    response = auth_client.put(
        url(generated_webtoon, "/es.po"), str(secret).encode(), content_type="text/x-gettext-translation"
    )

    assert response.status_code == 400
    assert not Translation.objects.exists()


def test_tags_are_normalised():
    assert language_normalise("PT_br") == "pt-BR"
    assert language_normalise("zh-hant-tw") == "zh-Hant-TW"
    assert language_normalise("es-419") == "es-419"
    assert language_normalise("sr-Latn-x-custom") == "sr-Latn-x-custom"


def test_the_reader_language_comes_from_lang_then_accept_language_then_the_original(generated_webtoon):
    webtoon = generated_webtoon
    Translation.objects.create(webtoon=webtoon, language="es")
    Translation.objects.create(webtoon=webtoon, language="ko")

    assert reader_language(webtoon=webtoon, requested="ko", accept_language="es") == "ko"
    assert reader_language(webtoon=webtoon, requested="es-MX", accept_language="") == "es"
    assert reader_language(webtoon=webtoon, requested="fr", accept_language="ko") == "en"
    assert reader_language(webtoon=webtoon, requested="!!", accept_language="") == "en"
    assert reader_language(webtoon=webtoon, requested=None, accept_language="fr;q=1, ko;q=0.8, es;q=0.5") == "ko"
    assert reader_language(webtoon=webtoon, requested=None, accept_language="fr, de") == "en"
    assert reader_language(webtoon=webtoon, requested=None, accept_language="") == "en"


def test_lettering_refits_each_language_larger_balloons_for_longer_text_never_smaller_type(generated_webtoon):
    from panels.scripting import panel_faces
    from sketchdojo.engine.lettering import letter_panel, min_font_size
    from webtoons.translations import _translated_bubbles

    panel = next(p for p in generated_webtoon.panels.order_by("sequence_number") if p.speech_bubbles)
    raw, faces = image_open(panel.raw_image), panel_faces(panel)
    german = "Donnerwetter! Die Schattenungeheuer überfallen unser Dorf, und niemand außer mir kann es beschützen!"
    korean = "번개가 나를 부르고 있어! 그림자 괴물들이 마을을 덮치기 전에 내가 모두를 지켜야 해!"

    def lettered(text):
        result = letter_panel(raw, _translated_bubbles(panel, {"0": text} if text else {}), faces)
        count = len(result.bubbles) - (len(panel.speech_bubbles) - 1)  # a long line may split in two balloons
        boxes, blocks = result.boxes[:count], result.blocks[:count]
        return sum((b[2] - b[0]) * (b[3] - b[1]) for b in boxes), blocks

    english_area, english_blocks = lettered(None)
    german_area, german_blocks = lettered(german)
    korean_area, korean_blocks = lettered(korean)

    assert german_area > english_area
    assert korean_area > english_area
    floor = min_font_size(*raw.size)
    assert min(block.size for block in [*english_blocks, *german_blocks, *korean_blocks]) >= floor
    assert "".join(line for block in german_blocks for line in block.lines).replace(" ", "").replace("-", "") == (
        german.replace(" ", "")
    )
    assert "".join(line for block in korean_blocks for line in block.lines).replace(" ", "") == korean.replace(" ", "")
    assert all(len(block.lines) >= 2 for block in korean_blocks)


def test_a_second_save_letters_only_the_panels_whose_texts_or_art_changed(auth_client, generated_webtoon):
    from panels.services import panel_update

    webtoon = generated_webtoon
    texts = spanish_texts(webtoon)
    auth_client.put(url(webtoon, "/es"), {"panels": texts}, format="json")
    before = dict(PanelTranslation.objects.values_list("panel_id", "image"))
    changed, edited = [p for p in webtoon.panels.order_by("sequence_number") if p.speech_bubbles][:2]
    texts[str(changed.pk)]["0"] = "Otra cosa"

    response = auth_client.put(url(webtoon, "/es"), {"panels": texts}, format="json")

    after = dict(PanelTranslation.objects.values_list("panel_id", "image"))
    assert [pk for pk in before if before[pk] != after[pk]] == [changed.pk]
    assert response.json()["stale_panels"] == []

    panel_update(panel=edited, data={"speech_bubbles": [{**edited.speech_bubbles[0], "text": "New original line"}]})
    assert auth_client.get(url(webtoon, "/es")).json()["stale_panels"] == [str(edited.pk)]
    auth_client.put(url(webtoon, "/es"), {"panels": texts}, format="json")
    assert auth_client.get(url(webtoon, "/es")).json()["stale_panels"] == []
