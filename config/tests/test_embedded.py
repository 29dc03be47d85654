"""The embedded worker's start-up guard and the server-loop hand-off to the realtime module."""

import asyncio

import pytest

from config import embedded
from sketchdojo import realtime


def test_the_embedded_worker_never_starts_by_itself_under_pytest():
    assert embedded.start_embedded_worker() is None
    assert embedded.is_running() is False


def test_the_embedded_worker_refuses_a_real_broker(settings, monkeypatch):
    from config.celery import app

    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:6379/0")
    settings.EMBEDDED_WORKER = True

    assert embedded.start_embedded_worker(force=True) is None
    assert embedded.is_running() is False


@pytest.mark.asyncio
async def test_the_asgi_wrapper_hands_the_server_loop_to_realtime(monkeypatch):
    monkeypatch.setattr(realtime, "_server_loop", None)
    scopes = []

    async def application(scope, receive, send):
        scopes.append(scope["type"])

    wrapped = embedded.with_server_loop(application)
    await wrapped({"type": "http"}, None, None)
    await wrapped({"type": "websocket"}, None, None)

    assert scopes == ["http", "websocket"]
    assert realtime._server_loop is asyncio.get_running_loop()
