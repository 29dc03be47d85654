"""Django's ASGI handler, with each request's sync code run in one hop on a pooled thread.

Django's own handler, for a sync view behind sync middleware, bounced each request between the
event loop and a thread about ten times (the middleware chain is built for async: a sync middleware
above an async one, each `process_view`, the view, rendering), and ran the request's sync code in a
thread started for it and joined after it (`ThreadSensitiveContext()`); since database connections
belong to their thread, each request also opened and closed its connection, whatever
DATABASE_CONN_MAX_AGE said. Measured on this 2-core machine (bench.api), `/health/liveness` went
from about 400 to 650 requests/s at 20 clients, `/api/v1/auth/me` from about 240 to 400.

Here the middleware chain is built as WSGI builds it, all synchronous, and a request runs it start
to end in one `sync_to_async` call (request_started and the response's close are the only other
hops), on a thread no other request uses at the same time (what Django's thread-sensitivity
promises). The thread comes from a pool of idle one-thread executors and goes back to it afterwards
(asgiref's `ThreadSensitiveContext(executor=)`: the caller owns the executor). The pool grows to
the peak number of requests in flight and keeps at most IDLE_THREADS idle ones; so connections
persist (DATABASE_CONN_MAX_AGE, checked by Django at each request's start and end) in a bounded
number of threads. An async view still works: the sync chain calls it through `async_to_sync`.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import django
from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.base import BaseHandler

IDLE_THREADS = 32


class ExecutorPool:
    """Idle one-thread executors; `take()` one (or a new one), `give()` it back when the request is done."""

    def __init__(self, *, idle_limit: int = IDLE_THREADS, name: str = "request"):
        self.idle_limit = idle_limit
        self.name = name
        self._idle: list[ThreadPoolExecutor] = []
        self._lock = threading.Lock()

    def take(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix=self.name)

    def give(self, executor: ThreadPoolExecutor) -> None:
        with self._lock:
            if len(self._idle) < self.idle_limit:
                self._idle.append(executor)
                return
        # Over the limit: let its thread end without waiting for it here (the event loop's thread).
        executor.shutdown(wait=False)

    @property
    def idle(self) -> int:
        return len(self._idle)


class PooledASGIHandler(ASGIHandler):
    """`ASGIHandler` whose requests run their sync code on a pooled thread, in one hop (module docstring)."""

    def __init__(self, *, pool: ExecutorPool | None = None):
        BaseHandler.__init__(self)
        # The middleware chain as WSGI builds it: all synchronous, run start to end in one thread hop.
        self.load_middleware(is_async=False)
        self.pool = pool or ExecutorPool()

    async def get_response_async(self, request):
        return await sync_to_async(self.get_response, thread_sensitive=True)(request)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        executor = self.pool.take()
        try:
            async with ThreadSensitiveContext(executor=executor):
                await self.handle(scope, receive, send)
        finally:
            self.pool.give(executor)


def get_asgi_application() -> PooledASGIHandler:
    """`django.core.asgi.get_asgi_application`, returning the pooled handler."""
    django.setup(set_prefix=False)
    return PooledASGIHandler()
