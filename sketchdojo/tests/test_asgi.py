"""The ASGI handler runs each request's sync code on a pooled thread, one request at a time per thread."""

import asyncio
import json
import threading

import pytest
from django.http import JsonResponse
from django.urls import path

from config.asgi import django_asgi_app
from sketchdojo.asgi import ExecutorPool, PooledASGIHandler

_meeting = threading.Barrier(2, timeout=10)


def _where(request):
    return JsonResponse({"thread": threading.get_ident()})


def _meet(request):
    _meeting.wait()  # both requests must be in their views at once, on two threads
    return JsonResponse({"thread": threading.get_ident()})


urlpatterns = [path("where", _where), path("meet", _meet)]


@pytest.fixture
def handler(settings):
    settings.ROOT_URLCONF = __name__
    return PooledASGIHandler(pool=ExecutorPool(idle_limit=2))


async def _get(app, url: str) -> dict:
    sent = []
    received = False
    never = asyncio.get_running_loop().create_future()

    async def receive():
        nonlocal received
        if not received:
            received = True
            return {"type": "http.request", "body": b"", "more_body": False}
        return await never  # the client stays connected

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": url, "query_string": b"", "headers": [(b"host", b"testserver")]}
    await app(scope, receive, send)
    assert sent[0]["status"] == 200, sent
    return json.loads(sent[1]["body"])


def test_the_served_application_uses_the_pooled_handler():
    assert isinstance(django_asgi_app, PooledASGIHandler)


def test_requests_one_after_another_reuse_one_thread(handler):
    async def three():
        return [await _get(handler, "/where") for _ in range(3)]

    threads = {answer["thread"] for answer in asyncio.run(three())}

    assert len(threads) == 1
    assert threading.get_ident() not in threads
    assert handler.pool.idle == 1


def test_requests_at_the_same_time_run_on_threads_of_their_own(handler):
    async def together():
        return await asyncio.gather(_get(handler, "/meet"), _get(handler, "/meet"))

    first, second = asyncio.run(together())

    assert first["thread"] != second["thread"]
    assert handler.pool.idle == 2


def test_the_pool_keeps_at_most_its_idle_limit():
    pool = ExecutorPool(idle_limit=1)
    first, second = pool.take(), pool.take()

    pool.give(first)
    pool.give(second)

    assert pool.idle == 1
    assert pool.take() is first
    assert second._shutdown
