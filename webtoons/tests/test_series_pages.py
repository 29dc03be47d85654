"""The reader for everyone and the series pages: alt text and transcript, episode links, /s/{id}/ and its feed."""

import re
import xml.etree.ElementTree as ElementTree

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from projects.tests.factories import ProjectFactory
from webtoons.models import WebtoonStatus
from webtoons.tests.factories import PanelFactory, WebtoonFactory

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script>'
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _panel(webtoon, number, **fields):
    panel = PanelFactory(webtoon=webtoon, sequence_number=number, **fields)
    panel.image.save(f"p{number}.png", ContentFile(b"\x89PNG fake"), save=True)
    return panel


def _episode(project, *, published=True, flagged=False, **fields):
    status = WebtoonStatus.PUBLISHED if published else WebtoonStatus.COMPLETED
    webtoon = WebtoonFactory(
        project=project, status=status, is_flagged=flagged, published_at=timezone.now() if published else None, **fields
    )
    _panel(webtoon, 1)
    return webtoon


def test_each_panel_has_alt_text_from_its_script_and_a_hidden_transcript_in_reading_order(client, user):
    webtoon = WebtoonFactory(project__user=user, status=WebtoonStatus.PUBLISHED, published_at=timezone.now())
    _panel(
        webtoon,
        1,
        location="village",
        time_of_day="night",
        weather="storm",
        characters_present=[
            {"name": "Alex", "action": "casting", "expression": "determined"},
            {"name": "Mina", "action": "standing", "expression": "scared"},
        ],
        visual_description="Medium at the village, night, in a storm. Alex casting, determined; Mina standing, "
        "scared. Lightning answers Alex's call.",
        speech_bubbles=[
            {"speaker": None, "text": "The storm came at midnight.", "style": "narration"},
            {"speaker": "Alex", "text": "I can feel it!", "style": "shout"},
            {"speaker": "Mina", "text": "Be careful <b>now</b>.", "style": "whisper"},
        ],
        visual_elements=[{"element_type": "sfx", "text": "KRAK", "position": None}],
    )

    html = client.get(f"/w/{webtoon.pk}/").content.decode()

    assert (
        'alt="Panel 1: Alex (casting, determined) and Mina (scared) at the village, at night, in a storm. '
        'Lightning answers Alex&#x27;s call."' in html
    )
    caption = re.search(r'<figcaption class="transcript visually-hidden"[^>]*>(.*?)</figcaption>', html, re.S)
    transcript = caption.group(1)
    lines = re.findall(
        r'<p class="line" data-kind="(\w+)"><span class="speaker">([^<]*):</span> ([^<]*)</p>', transcript
    )
    assert lines == [
        ("narration", "Narration", "The storm came at midnight."),
        ("shout", "Alex (shouts)", "I can feel it!"),
        ("whisper", "Mina (whispers)", "Be careful &lt;b&gt;now&lt;/b&gt;."),
        ("sound", "Sound", "KRAK"),
    ]
    assert '<figure class="panel-frame" id="panel-1" tabindex="0">' in html
    assert 'src="/static/js/reader.js"' in html


def test_the_reader_links_the_previous_and_next_published_episodes_only(client):
    project = ProjectFactory(title="Storm Saga")
    first = _episode(project, title="Spark")
    _episode(project, title="Draft", published=False)
    _episode(project, title="Hidden", flagged=True)
    fourth = _episode(project, title="Thunder")

    first_page = client.get(f"/w/{first.pk}/").content.decode()
    fourth_page = client.get(f"/w/{fourth.pk}/").content.decode()

    assert 'rel="prev"' not in first_page
    assert f'<a rel="next" class="episode-link next" href="/w/{fourth.pk}/">Episode 4: Thunder →</a>' in first_page
    assert f'<a rel="prev" class="episode-link previous" href="/w/{first.pk}/">← Episode 1: Spark</a>' in fourth_page
    assert 'rel="next"' not in fourth_page
    assert f'href="/s/{project.pk}/">All episodes</a>' in fourth_page
    assert "Draft" not in first_page + fourth_page
    assert "Hidden" not in first_page + fourth_page


def test_the_series_page_lists_the_published_episodes_in_order(client):
    project = ProjectFactory(title="Storm Saga", description="A village and its storms.")
    _episode(project, title="Spark")
    _episode(project, title="Draft", published=False)
    _episode(project, title="Thunder")
    ProjectFactory(title="Someone else")

    response = client.get(f"/s/{project.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Storm Saga</h1>" in html
    assert re.findall(r'<span class="episode-title">([^<]+)</span>', html) == ["Episode 1: Spark", "Episode 3: Thunder"]
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Storm Saga: new episodes" '
        f'href="/s/{project.pk}/feed.atom">' in html
    )
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_a_series_without_published_episodes_is_not_found(client, user):
    project = ProjectFactory(user=user, title="Secret")
    _episode(project, published=False)
    _episode(project, flagged=True)

    for url in (f"/s/{project.pk}/", f"/s/{project.pk}/feed.atom", "/s/00000000-0000-0000-0000-000000000000/"):
        response = client.get(url)
        assert response.status_code == 404
        assert b"Secret" not in response.content
    assert client.get("/s/not-a-uuid/").status_code == 404


def test_every_user_text_on_the_series_page_is_escaped(client):
    from accounts.tests.factories import UserFactory

    project = ProjectFactory(user=UserFactory(username="evil"), title=HOSTILE, description=HOSTILE)
    _episode(project, title=HOSTILE, summary=HOSTILE)

    html = client.get(f"/s/{project.pk}/").content.decode()

    assert HOSTILE not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_the_atom_feed_has_the_published_episodes_newest_first(client):
    project = ProjectFactory(title="Storm Saga", description="Storms.")
    first = _episode(project, title="Spark", summary="Alex finds the <b>spark</b>.")
    _episode(project, title="Draft", published=False)
    third = _episode(project, title="Thunder", summary="The storm answers.")

    response = client.get(f"/s/{project.pk}/feed.atom")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.find(f"{ATOM}title").text == "Storm Saga"
    assert feed.find(f"{ATOM}author/{ATOM}name").text == project.user.username
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Episode 3: Thunder", "Episode 1: Spark"]
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [
        f"http://testserver/w/{third.pk}/",
        f"http://testserver/w/{first.pk}/",
    ]
    summary = entries[1].find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text == "Alex finds the &lt;b&gt;spark&lt;/b&gt;."
    assert entries[0].find(f"{ATOM}id").text == f"urn:uuid:{third.pk}"
