"""The WebSocket protocol's AsyncAPI document says what the consumers accept and the events carry."""

import jsonschema
import pytest
from django.test import Client

from panels.events import panel_ready_message
from sketchdojo.api.asyncapi import CLIENT_MESSAGES, SERVER_MESSAGES
from tasks.events import task_update_message
from webtoons.consumers import WebtoonGenerationConsumer
from webtoons.generation.events import webtoon_update_message
from webtoons.tests.factories import PanelFactory, TaskFactory, WebtoonFactory

pytestmark = pytest.mark.django_db


def _validates(name: str, payload: dict) -> None:
    schema = SERVER_MESSAGES[name]["payload"]
    jsonschema.validate({"type": name, **payload}, schema, cls=jsonschema.Draft202012Validator)


def test_the_document_is_served_as_asyncapi_3():
    document = Client().get("/api/asyncapi.json").json()

    assert document["asyncapi"] == "3.0.0"
    assert document["channels"]["connect"]["address"] == "/api/v1/ws/connect"
    assert set(document["operations"]) == {"send", "receive"}
    for operation in document["operations"].values():
        for message in operation["messages"]:
            name = message["$ref"].rsplit("/", 1)[1]
            assert name in document["channels"]["connect"]["messages"]
            assert name in document["components"]["messages"]


def test_every_message_a_client_may_send_is_documented():
    handled = {"ping", "authenticate", *WebtoonGenerationConsumer._HANDLERS}

    assert set(CLIENT_MESSAGES) == handled


def test_a_task_update_matches_its_documented_shape(user):
    task = TaskFactory(webtoon=WebtoonFactory(project__user=user), current_step="Generating panel 4 of 6")

    _validates("task_update", task_update_message(task))


def test_panel_ready_and_webtoon_update_match_their_documented_shapes(user):
    webtoon = WebtoonFactory(project__user=user)
    panel = PanelFactory(webtoon=webtoon, sequence_number=1)

    _validates("panel_ready", panel_ready_message(panel))
    _validates("webtoon_update", webtoon_update_message(webtoon))


def test_a_wrong_payload_does_not_match(user):
    with pytest.raises(jsonschema.ValidationError):
        _validates("task_update", {"task_id": "x", "sequence": "seven", "data": {}, "timestamp": "now"})


def test_the_page_beside_docs_lists_each_message():
    page = Client().get("/docs/websocket").content.decode()

    for name in (*CLIENT_MESSAGES, *SERVER_MESSAGES):
        assert f"<code>{name}</code>" in page
    assert "/api/v1/ws/connect" in page
