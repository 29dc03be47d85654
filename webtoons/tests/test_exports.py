"""Exports built once per revision, stored, streamed, and capped per user (issue 15, finding 8)."""

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage

from sketchdojo.engine import exports as engine_exports
from sketchdojo.engine.script import slug
from webtoons import exports

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds(monkeypatch):
    """Counts the export builds (the real builder still runs)."""
    calls = []
    real = engine_exports.export_webtoon

    def counting(fmt, **kwargs):
        calls.append(fmt)
        return real(fmt, **kwargs)

    monkeypatch.setattr(engine_exports, "export_webtoon", counting)
    return calls


def _download(client, webtoon, fmt="pdf"):
    response = client.get(f"/api/v1/webtoons/{webtoon.pk}/export/{fmt}")
    body = b"".join(response.streaming_content) if response.status_code == 200 else None
    return response, body


def _stored(webtoon) -> list[str]:
    return sorted(default_storage.listdir(f"exports/{webtoon.pk}")[1])


def test_an_unchanged_webtoon_is_built_once_and_streamed_from_storage(
    media_root, generated_webtoon, auth_client, builds
):
    first, first_body = _download(auth_client, generated_webtoon)
    second, second_body = _download(auth_client, generated_webtoon)

    assert (first.status_code, second.status_code) == (200, 200)
    assert builds == ["pdf"]
    assert first_body == second_body
    assert first_body.startswith(b"%PDF")
    assert first["Content-Disposition"] == f'attachment; filename="{slug(generated_webtoon.title)}.pdf"'
    assert len(_stored(generated_webtoon)) == 1


def test_an_edit_makes_a_new_revision_and_drops_the_old_file(media_root, generated_webtoon, auth_client, builds):
    _download(auth_client, generated_webtoon)
    before = _stored(generated_webtoon)

    auth_client.patch(f"/api/v1/webtoons/{generated_webtoon.pk}", {"title": "Renamed"}, format="json")
    response, _body = _download(auth_client, generated_webtoon)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="renamed.pdf"'
    assert builds == ["pdf", "pdf"]
    after = _stored(generated_webtoon)
    assert len(after) == 1
    assert after != before


def test_a_panel_edit_makes_a_new_revision(media_root, generated_webtoon, auth_client, builds):
    panel = generated_webtoon.panels.order_by("sequence_number").first()
    revision = exports.export_revision(generated_webtoon, list(generated_webtoon.panels.order_by("sequence_number")))

    panel.image.name = "panels/another-file.png"
    panel.save(update_fields=["image"])

    panels = list(generated_webtoon.panels.order_by("sequence_number"))
    assert exports.export_revision(generated_webtoon, panels) != revision


def test_each_format_is_stored_apart(media_root, generated_webtoon, auth_client, builds):
    _download(auth_client, generated_webtoon, "pdf")
    _download(auth_client, generated_webtoon, "cbz")
    _download(auth_client, generated_webtoon, "pdf")

    assert builds == ["pdf", "cbz"]
    assert [name.split("-")[0] for name in _stored(generated_webtoon)] == ["cbz", "pdf"]


def test_builds_over_the_users_cap_get_429_with_retry_after(
    media_root, generated_webtoon, auth_client, user, builds, settings
):
    settings.EXPORT_BUILDS_PER_USER = 2
    cache.add(f"export:slot:{user.pk}:0", 1)
    cache.add(f"export:slot:{user.pk}:1", 1)

    response = auth_client.get(f"/api/v1/webtoons/{generated_webtoon.pk}/export/pdf")

    assert response.status_code == 429
    assert response["Retry-After"] == "5"
    body = response.json()
    assert body["error"] == "export_busy"
    assert body["message"] == "You already have 2 exports being built; retry shortly."
    assert body["details"] == {"retry_after_seconds": 5}
    assert builds == []


def test_a_file_being_built_is_not_built_twice(media_root, generated_webtoon, auth_client, user, builds):
    panels = list(generated_webtoon.panels.order_by("sequence_number"))
    name = f"exports/{generated_webtoon.pk}/pdf-{exports.export_revision(generated_webtoon, panels)}"
    cache.add(f"export:building:{name}", 1)

    response = auth_client.get(f"/api/v1/webtoons/{generated_webtoon.pk}/export/pdf")

    assert response.status_code == 429
    assert response.json()["message"] == "This export is being built; retry shortly."
    assert builds == []


def test_a_build_frees_its_slot_even_when_it_fails(media_root, generated_webtoon, user, monkeypatch):
    def broken(fmt, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(engine_exports, "export_webtoon", broken)

    with pytest.raises(RuntimeError):
        exports.webtoon_export_file(webtoon=generated_webtoon, fmt="pdf", user=user)

    assert [cache.get(f"export:slot:{user.pk}:{i}") for i in range(2)] == [None, None]
    assert exports._process_builds.acquire(blocking=False) is True
    exports._process_builds.release()


def test_a_stored_file_the_cache_forgot_is_built_again(media_root, generated_webtoon, user, builds):
    first = exports.webtoon_export_file(webtoon=generated_webtoon, fmt="pdf", user=user)
    cache.clear()

    second = exports.webtoon_export_file(webtoon=generated_webtoon, fmt="pdf", user=user)

    assert builds == ["pdf", "pdf"]
    assert second.name == first.name
    assert _stored(generated_webtoon) == [first.name.rsplit("/", 1)[1]]


def test_builds_over_the_servers_cap_get_429(media_root, generated_webtoon, auth_client, builds, monkeypatch):
    monkeypatch.setattr(exports, "_process_builds", exports.threading.BoundedSemaphore(1))
    exports._process_builds.acquire()

    response = auth_client.get(f"/api/v1/webtoons/{generated_webtoon.pk}/export/pdf")

    assert response.status_code == 429
    assert response["Retry-After"] == "5"
    assert response.json()["message"] == "The server is building other exports; retry shortly."
    assert builds == []


def test_the_html_export_carries_each_panels_alt_text_and_transcript(media_root, generated_webtoon, auth_client):
    from html import escape

    from panels.scripting import panel_text

    response, body = _download(auth_client, generated_webtoon, "html")

    assert response.status_code == 200
    document = body.decode()
    for panel in generated_webtoon.panels.order_by("sequence_number"):
        text = panel_text(panel)
        assert f'alt="{escape(text.alt)}"' in document
        for line in text.transcript:
            assert f'<span class="speaker">{escape(line.label)}:</span> {escape(line.text)}</p>' in document


def test_a_dialogue_edit_makes_a_new_html_revision(media_root, generated_webtoon, auth_client):
    panel = generated_webtoon.panels.order_by("sequence_number").first()
    before = exports.export_revision(generated_webtoon, list(generated_webtoon.panels.order_by("sequence_number")))
    type(panel).objects.filter(pk=panel.pk).update(
        speech_bubbles=[{"speaker": None, "text": "A new caption.", "style": "narration"}]
    )

    after = exports.export_revision(generated_webtoon, list(generated_webtoon.panels.order_by("sequence_number")))

    assert before != after
