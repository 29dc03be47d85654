"""A translation on the reader page (?lang=, Accept-Language, switcher, hreflang, lang) and in the exports."""

import io
import re
import zipfile

import pytest

from webtoons.models import PanelTranslation
from webtoons.services import webtoon_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(auth_client, generated_webtoon):
    """The generated webtoon, published, with Spanish and Korean translations of every bubble."""
    webtoon = generated_webtoon
    for language, word in (("es", "Hola"), ("ko", "안녕하세요")):
        texts = {
            str(p.pk): {str(i): f"{word} {p.sequence_number}" for i in range(len(p.speech_bubbles))}
            for p in webtoon.panels.all()
            if p.speech_bubbles
        }
        response = auth_client.put(
            f"/api/v1/webtoons/{webtoon.pk}/translations/{language}", {"panels": texts}, format="json"
        )
        assert response.status_code == 200
    webtoon_publish(webtoon=webtoon)
    webtoon.refresh_from_db()
    return webtoon


def panel_sources(html: str) -> list[str]:
    return re.findall(r'<img class="panel" src="([^"]+)"', html)


def image_names(webtoon, language):
    names = {pt.panel_id: pt.image.name for pt in PanelTranslation.objects.filter(translation__language=language)}
    return [names.get(p.pk, p.image.name).rsplit("/", 1)[-1] for p in webtoon.panels.order_by("sequence_number")]


def test_lang_picks_the_translated_panels_and_sets_lang_on_the_page(client, translated):
    html = client.get(f"/w/{translated.pk}/?lang=ko").content.decode()

    assert '<html lang="ko">' in html
    assert [src.rsplit("/", 1)[-1] for src in panel_sources(html)] == image_names(translated, "ko")


def test_accept_language_picks_the_language_when_lang_is_absent(client, translated):
    response = client.get(f"/w/{translated.pk}/", HTTP_ACCEPT_LANGUAGE="fr;q=0.9, es-MX;q=0.8, en;q=0.1")

    html = response.content.decode()
    assert '<html lang="es">' in html
    assert [src.rsplit("/", 1)[-1] for src in panel_sources(html)] == image_names(translated, "es")
    assert "Accept-Language" in response["Vary"]


def test_an_unknown_lang_shows_the_original(client, translated):
    html = client.get(f"/w/{translated.pk}/?lang=de", HTTP_ACCEPT_LANGUAGE="ko").content.decode()

    assert '<html lang="en">' in html
    translated.refresh_from_db()
    published = [entry["image"].rsplit("/", 1)[-1] for entry in translated.published_panels]  # the original's copies
    assert [src.rsplit("/", 1)[-1] for src in panel_sources(html)] == published


def test_the_reader_links_every_language_with_hreflang_and_a_switcher(client, translated):
    html = client.get(f"/w/{translated.pk}/?lang=es").content.decode()

    base = f"http://testserver/w/{translated.pk}/"
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    assert alternates == [
        ("en", f"{base}?lang=en"),
        ("es", f"{base}?lang=es"),
        ("ko", f"{base}?lang=ko"),
        ("x-default", f"{base}?lang=en"),
    ]
    switcher = re.search(r'<nav class="language-switcher" aria-label="Language">(.*?)</nav>', html, re.S).group(1)
    links = re.findall(
        r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+"( aria-current="true")?>([^<]+)</a>', switcher
    )
    assert [(code, bool(current), name) for _, code, current, name in links] == [
        ("en", False, "English"),
        ("es", True, "español"),
        ("ko", False, "한국어"),
    ]


def test_a_webtoon_without_translations_has_no_switcher(client, generated_webtoon):
    webtoon_publish(webtoon=generated_webtoon)

    html = client.get(f"/w/{generated_webtoon.pk}/").content.decode()

    assert "language-switcher" not in html
    assert 'hreflang="x-default"' not in html


def test_exports_exist_per_language(auth_client, translated, django_capture_on_commit_callbacks):
    def download(path):
        """Ask for the export, let its build job run (eager Celery, on commit), then fetch the file."""
        with django_capture_on_commit_callbacks(execute=True):
            first = auth_client.get(path)
        return first if first.status_code != 202 else auth_client.get(path)

    html_es = download(f"/api/v1/webtoons/{translated.pk}/export/html?lang=es")
    html_en = download(f"/api/v1/webtoons/{translated.pk}/export/html")
    cbz_ko = download(f"/api/v1/webtoons/{translated.pk}/export/cbz?lang=ko")

    assert html_es.status_code == html_en.status_code == cbz_ko.status_code == 200
    es, en = b"".join(html_es.streaming_content), b"".join(html_en.streaming_content)
    assert b'<html lang="es">' in es
    assert b'<html lang="en">' in en
    assert es != en
    assert b"Hola " in es  # the transcript is in the language the panels are lettered in
    assert b"Hola " not in en
    with zipfile.ZipFile(io.BytesIO(b"".join(cbz_ko.streaming_content))) as archive:
        assert "<LanguageISO>ko</LanguageISO>" in archive.read("ComicInfo.xml").decode()


def test_an_export_in_a_language_the_webtoon_lacks_is_a_404(auth_client, translated):
    response = auth_client.get(f"/api/v1/webtoons/{translated.pk}/export/pdf?lang=de")

    assert response.status_code == 404
    assert response.json()["message"] == "This webtoon has no de translation."


def test_translated_panels_are_public_only_while_the_webtoon_is(client, translated):
    from webtoons.media import is_public_file

    name = PanelTranslation.objects.filter(translation__language="ko").first().image.name

    assert is_public_file(name)
    assert client.get(f"/media/{name}").status_code == 200
    translated.is_flagged = True
    translated.save(update_fields=["is_flagged"])
    assert not is_public_file(name)
    assert client.get(f"/media/{name}").status_code == 404


def test_a_redrawn_panel_shows_its_new_art_until_the_translation_is_saved_again(auth_client, client, translated):
    from django.core.files.base import ContentFile

    panel = translated.panels.order_by("sequence_number").last()
    panel.raw_image.save("redrawn.png", ContentFile(panel.raw_image.open("rb").read()), save=True)
    panel.image.save("relettered.png", ContentFile(panel.image.open("rb").read()), save=True)

    sources = panel_sources(client.get(f"/w/{translated.pk}/?lang=es").content.decode())
    assert sources[-1].rsplit("/", 1)[-1] == panel.image.name.rsplit("/", 1)[-1]
    assert auth_client.get(f"/api/v1/webtoons/{translated.pk}/translations/es").json()["stale_panels"] == [
        str(panel.pk)
    ]
    texts = auth_client.get(f"/api/v1/webtoons/{translated.pk}/translations/es").json()["panels"]
    auth_client.put(f"/api/v1/webtoons/{translated.pk}/translations/es", {"panels": texts}, format="json")
    sources = panel_sources(client.get(f"/w/{translated.pk}/?lang=es").content.decode())
    assert sources[-1].rsplit("/", 1)[-1] == image_names(translated, "es")[-1]
    assert image_names(translated, "es")[-1] != panel.image.name.rsplit("/", 1)[-1]


def test_the_creators_own_text_keeps_the_original_language_tag_on_a_translated_page(client, translated):
    html = client.get(f"/w/{translated.pk}/?lang=ko").content.decode()

    assert '<html lang="ko">' in html
    assert f'<h1 lang="en">{translated.title}</h1>' in html
