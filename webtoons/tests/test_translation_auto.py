"""POST /webtoons/{id}/translations/{lang}/auto: one LLM call per webtoon, then lettered like a PUT."""

import json

import pytest

from sketchdojo.engine.providers.tests.test_openai_llm import completion
from sketchdojo.engine.providers.tests.wire import WireServer
from webtoons.models import PanelTranslation, Translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def openai_server(settings):
    server = WireServer().start()
    settings.LLM_PROVIDER = "openai"
    settings.OPENAI_API_KEY = "sk-test"
    settings.OPENAI_BASE_URL = f"{server.url}/v1"
    settings.PROVIDER_MAX_RETRIES = 0
    yield server
    server.stop()


def bubble_ids(webtoon):
    return [f"{p.pk}:{i}" for p in webtoon.panels.order_by("sequence_number") for i, _ in enumerate(p.speech_bubbles)]


def test_auto_translates_every_bubble_in_one_call_and_letters_the_panels(
    auth_client, generated_webtoon, openai_server, image_provider
):
    webtoon = generated_webtoon
    ids = bubble_ids(webtoon)
    answer = {"translations": [{"id": key, "text": f"번역 {n}"} for n, key in enumerate(ids)]}
    openai_server.reply(completion(json.dumps(answer, ensure_ascii=False)))

    response = auth_client.post(f"/api/v1/webtoons/{webtoon.pk}/translations/ko/auto")

    assert response.status_code == 200, response.json()
    assert len(openai_server.received) == 1
    sent = openai_server.received[0].json()
    assert sent["model"] == "gpt-4o-mini"
    assert "from en into ko" in sent["messages"][-1]["content"]
    panels = response.json()["panels"]
    assert [panels[key.split(":")[0]][key.split(":")[1]] for key in ids] == [f"번역 {n}" for n in range(len(ids))]
    assert PanelTranslation.objects.filter(translation__language="ko").count() == 3
    assert image_provider.calls == 0


def test_a_failed_translation_saves_nothing(auth_client, generated_webtoon, openai_server):
    openai_server.reply(completion("not json"))
    openai_server.reply(completion("still not json"))

    response = auth_client.post(f"/api/v1/webtoons/{generated_webtoon.pk}/translations/ko/auto")

    assert response.status_code == 409
    assert response.json()["error"] == "translation_failed"
    assert "did not return a valid translation after a repair attempt" in response.json()["message"]
    assert not Translation.objects.exists()


def test_the_offline_provider_answers_409_with_a_clear_message(auth_client, generated_webtoon, settings):
    settings.LLM_PROVIDER = "local"

    response = auth_client.post(f"/api/v1/webtoons/{generated_webtoon.pk}/translations/es/auto")

    assert response.status_code == 409
    body = response.json()
    assert body["status"] == "error"
    assert body["error"] == "translation_unavailable"
    assert "offline story planner" in body["message"]
    assert "LLM_PROVIDER=openai or anthropic" in body["message"]
    assert not Translation.objects.exists()
