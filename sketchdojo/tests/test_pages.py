"""The studio and the public reader page: escaping, visibility, share tags, security headers."""

import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from webtoons.models import WebtoonStatus
from webtoons.tests.factories import PanelFactory, WebtoonFactory

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script>'


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def published_webtoon(owner, **kwargs):
    webtoon = WebtoonFactory(project__user=owner, status=WebtoonStatus.PUBLISHED, published_at=timezone.now(), **kwargs)
    for number in (1, 2, 3):
        panel = PanelFactory(webtoon=webtoon, sequence_number=number)
        panel.image.save(f"p{number}.png", ContentFile(b"\x89PNG fake"), save=True)
    return webtoon


def test_studio_page_is_served_with_local_assets_and_a_strict_policy(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'src="/static/js/studio.js"' in html
    assert not re.search(r'(src|href)="https?://', html)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_published_webtoon_reader_shows_panels_lazily_in_order(client, user):
    webtoon = published_webtoon(user, title="Storm Village")
    response = client.get(f"/w/{webtoon.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 lang="en">Storm Village</h1>' in html
    images = re.findall(r'<img class="panel" src="([^"]+)" alt="Panel (\d):[^"]*"[^>]*loading="(\w+)"', html)
    assert [(number, loading) for _, number, loading in images] == [("1", "eager"), ("2", "lazy"), ("3", "lazy")]
    assert f'<span class="author">{user.username}</span>' in html
    assert response["Content-Security-Policy"].startswith("default-src 'self'")


def test_reader_has_open_graph_tags_with_absolute_urls(client, user):
    webtoon = published_webtoon(user, title="Storm Village", summary="A boy and the storm.")
    html = client.get(f"/w/{webtoon.pk}/").content.decode()
    assert '<meta property="og:title" content="Storm Village">' in html
    assert '<meta property="og:description" content="A boy and the storm.">' in html
    assert f'<meta property="og:url" content="http://testserver/w/{webtoon.pk}/">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/media/[^"]+\.png">', html)


def test_every_user_text_on_the_reader_is_escaped(client):
    from accounts.tests.factories import UserFactory

    owner = UserFactory(username="evil")
    webtoon = published_webtoon(owner, title=HOSTILE, summary=HOSTILE)
    html = client.get(f"/w/{webtoon.pk}/").content.decode()
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_unpublished_webtoon_is_not_found_for_visitors_and_other_users(client, user, other_user):
    webtoon = WebtoonFactory(project__user=user, status=WebtoonStatus.COMPLETED)
    assert client.get(f"/w/{webtoon.pk}/").status_code == 404
    client.force_login(other_user)
    assert client.get(f"/w/{webtoon.pk}/").status_code == 404


def test_owner_previews_an_unpublished_webtoon(client, user):
    webtoon = WebtoonFactory(project__user=user, status=WebtoonStatus.COMPLETED, title="Draft")
    client.force_login(user)
    response = client.get(f"/w/{webtoon.pk}/")
    assert response.status_code == 200
    assert "Preview: only you can see this page" in response.content.decode()
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_flagged_webtoon_disappears_from_the_public_reader(client, user):
    webtoon = published_webtoon(user)
    webtoon.is_flagged = True
    webtoon.save(update_fields=["is_flagged"])
    assert client.get(f"/w/{webtoon.pk}/").status_code == 404


def test_unknown_webtoon_is_not_found(client):
    assert client.get("/w/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get("/w/not-a-uuid/").status_code == 404


def test_staff_previews_a_flagged_webtoon_of_another_user(client, user, other_user):
    webtoon = published_webtoon(user)
    webtoon.is_flagged = True
    webtoon.save(update_fields=["is_flagged"])
    other_user.is_staff = True
    other_user.save(update_fields=["is_staff"])
    client.force_login(other_user)
    response = client.get(f"/w/{webtoon.pk}/")
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.content.decode()
