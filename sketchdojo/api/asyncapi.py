"""The WebSocket protocol (SPEC §5) as an AsyncAPI 3.0 document, served beside the OpenAPI one.

`/api/asyncapi.json` is the document (for tools); `/docs/websocket` shows the same document as a
page a person can read (no external request). Both are public, like /api/schema/. The message
payloads here are the ones tasks.events, panels.events and webtoons.generation.events build and
the consumers (tasks.consumers, webtoons.consumers) send and accept; a test checks the types
against the consumers' handlers.
"""

import json

from django.http import JsonResponse
from django.shortcuts import render
from django.views import View

_UUID = {"type": "string", "format": "uuid"}
_TIME = {"type": "string", "format": "date-time"}
_URL = {"type": ["string", "null"], "format": "uri", "description": "Absolute URL, or null before the file exists."}


def _message(name: str, summary: str, properties: dict, required: tuple[str, ...] = (), example=None) -> dict:
    payload = {
        "type": "object",
        "required": ["type", *required],
        "properties": {"type": {"const": name}, **properties},
    }
    message = {"name": name, "title": name, "summary": summary, "payload": payload}
    if example is not None:
        message["examples"] = [{"payload": {"type": name, **example}}]
    return message


CLIENT_MESSAGES = {
    "authenticate": _message(
        "authenticate",
        "Sign the socket in with an access token (when it is not in the URL); within 10 s of connecting.",
        {"token": {"type": "string", "description": "The access token from POST /api/v1/auth/login."}},
        ("token",),
        {"token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9..."},
    ),
    "ping": _message("ping", "Keep-alive; answered with `pong`.", {}, (), {}),
    "subscribe_task": _message(
        "subscribe_task",
        "Follow one of your tasks: `subscription_confirmed`, then at once its current `task_update`.",
        {"task_id": _UUID},
        ("task_id",),
        {"task_id": "456e7890-e89b-12d3-a456-426614174000"},
    ),
    "unsubscribe_task": _message("unsubscribe_task", "Stop following a task.", {"task_id": _UUID}, ("task_id",)),
    "subscribe_webtoon": _message(
        "subscribe_webtoon",
        "Follow one of your webtoons' panels and status: `subscription_confirmed`, then its `webtoon_update`.",
        {"webtoon_id": _UUID},
        ("webtoon_id",),
        {"webtoon_id": "123e4567-e89b-12d3-a456-426614174000"},
    ),
    "unsubscribe_webtoon": _message(
        "unsubscribe_webtoon", "Stop following a webtoon.", {"webtoon_id": _UUID}, ("webtoon_id",)
    ),
}

SERVER_MESSAGES = {
    "connection_established": _message(
        "connection_established",
        "Sent once the socket is signed in.",
        {"connection_id": {"type": "string"}, "user_id": _UUID},
        ("connection_id",),
    ),
    "pong": _message("pong", "The answer to `ping`.", {"timestamp": {"type": "number"}}, ("timestamp",)),
    "subscription_confirmed": _message(
        "subscription_confirmed",
        "A subscribe_task or subscribe_webtoon was accepted.",
        {"subscription_type": {"enum": ["task", "webtoon"]}, "task_id": _UUID, "webtoon_id": _UUID},
        ("subscription_type",),
    ),
    "unsubscription_confirmed": _message(
        "unsubscription_confirmed",
        "An unsubscribe was done.",
        {"subscription_type": {"enum": ["task", "webtoon"]}, "task_id": _UUID, "webtoon_id": _UUID},
        ("subscription_type",),
    ),
    "task_update": _message(
        "task_update",
        "A task's state changed (also sent right after subscribe_task). `sequence` only grows: drop older ones.",
        {
            "task_id": _UUID,
            "sequence": {"type": "integer"},
            "timestamp": _TIME,
            "data": {
                "type": "object",
                "properties": {
                    "status": {"enum": ["pending", "running", "completed", "failed", "cancelled"]},
                    "progress": {"type": "number", "minimum": 0, "maximum": 100},
                    "current_step": {"type": "string"},
                    "total_steps": {"type": "integer"},
                    "error_message": {"type": "string"},
                    "task_type": {"enum": ["webtoon_generation", "panel_generation"]},
                    "webtoon_id": {"type": ["string", "null"], "format": "uuid"},
                    "panel_id": {"type": ["string", "null"], "format": "uuid"},
                    "retry_count": {"type": "integer"},
                    "started_at": {"type": ["string", "null"], "format": "date-time"},
                    "completed_at": {"type": ["string", "null"], "format": "date-time"},
                    "estimated_duration_seconds": {"type": ["integer", "null"]},
                    "result": {"type": "object"},
                },
            },
        },
        ("task_id", "sequence", "data", "timestamp"),
        {
            "task_id": "456e7890-e89b-12d3-a456-426614174000",
            "sequence": 7,
            "timestamp": "2024-01-15T10:45:09Z",
            "data": {"status": "running", "progress": 65.0, "current_step": "Generating panel 4 of 6"},
        },
    ),
    "panel_ready": _message(
        "panel_ready",
        "A panel has new lettered art.",
        {
            "webtoon_id": _UUID,
            "panel_id": _UUID,
            "sequence_number": {"type": "integer"},
            "image_url": _URL,
            "version": {"type": "integer"},
            "task_id": {"type": ["string", "null"], "format": "uuid"},
        },
        ("webtoon_id", "panel_id", "sequence_number", "image_url"),
    ),
    "webtoon_update": _message(
        "webtoon_update",
        "A webtoon's status, strip or publication changed (also sent right after subscribe_webtoon).",
        {
            "webtoon_id": _UUID,
            "timestamp": _TIME,
            "data": {
                "type": "object",
                "properties": {
                    "status": {"type": "string"},
                    "title": {"type": "string"},
                    "panel_count": {"type": "integer"},
                    "thumbnail_url": _URL,
                    "strip_url": _URL,
                    "published_url": _URL,
                },
            },
        },
        ("webtoon_id", "data", "timestamp"),
    ),
    "error": _message(
        "error",
        "A message was refused (bad JSON, unknown type, another user's task or webtoon); the socket stays "
        "open unless it also closes with 4401 (signed out, expired) or 4429 (too many sockets).",
        {"message": {"type": "string"}, "code": {"type": "string", "examples": ["session_ended"]}},
        ("message",),
        {"message": "Unknown message type."},
    ),
}


def asyncapi_document() -> dict:
    messages = {**{f"client_{k}": v for k, v in CLIENT_MESSAGES.items()}, **SERVER_MESSAGES}
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "SketchDojo realtime API",
            "version": "1.0.0",
            "description": (
                "Generation progress pushed to its owner over one WebSocket. Connect to "
                "`/api/v1/ws/connect?token=<access token>`, or connect without it and send `authenticate` "
                "within 10 s. A bad token, or none in time: the handshake is refused or the socket closes "
                "with 4401; it also closes with 4401 when the user logs out, is suspended, changes password "
                "or the token expires, and with 4429 past the per-user socket limit. Every message is a JSON "
                "object with a `type`. You receive your own tasks' updates without subscribing."
            ),
        },
        "servers": {
            "local": {"host": "localhost:8000", "protocol": "ws", "description": "`make run`"},
        },
        "channels": {
            "connect": {
                "address": "/api/v1/ws/connect",
                "parameters": {},
                "bindings": {
                    "ws": {
                        "query": {
                            "type": "object",
                            "properties": {"token": {"type": "string", "description": "An access token."}},
                        }
                    }
                },
                "messages": {name: {"$ref": f"#/components/messages/{name}"} for name in messages},
            }
        },
        "operations": {
            "send": {
                "action": "send",
                "channel": {"$ref": "#/channels/connect"},
                "summary": "What a client sends.",
                "messages": [{"$ref": f"#/channels/connect/messages/client_{name}"} for name in CLIENT_MESSAGES],
            },
            "receive": {
                "action": "receive",
                "channel": {"$ref": "#/channels/connect"},
                "summary": "What the server sends.",
                "messages": [{"$ref": f"#/channels/connect/messages/{name}"} for name in SERVER_MESSAGES],
            },
        },
        "components": {"messages": messages},
    }


class AsyncAPIView(View):
    """The AsyncAPI document as JSON."""

    def get(self, request):
        return JsonResponse(asyncapi_document(), json_dumps_params={"indent": 2})


class AsyncAPIPageView(View):
    """The same document as a page: each message a client sends and the server sends, with its fields."""

    def get(self, request):
        def rows(messages):
            return [
                {
                    "name": name,
                    "summary": message["summary"],
                    "payload": json.dumps(message["payload"]["properties"], indent=2),
                    "example": json.dumps(message["examples"][0]["payload"], indent=2) if "examples" in message else "",
                }
                for name, message in messages.items()
            ]

        document = asyncapi_document()
        return render(
            request,
            "pages/asyncapi.html",
            {
                "info": document["info"],
                "address": document["channels"]["connect"]["address"],
                "client_messages": rows(CLIENT_MESSAGES),
                "server_messages": rows(SERVER_MESSAGES),
            },
        )
