"""The embedded worker: with no broker of its own (EMBEDDED_WORKER, no REDIS_URL) the web process runs
the same Celery tasks itself.

`start_embedded_worker()` (called by config.asgi, so `make run` and `manage.py runserver` both get
it) starts, once per process, a Celery WorkController on the in-memory broker in a daemon thread
(threads pool, queues `ai` and `images`, EMBEDDED_WORKER_CONCURRENCY threads) and the engine's
process pool (EMBEDDED_DRAW_PROCESSES processes draw and letter offline panels, off this process'
GIL, so sockets stay live during a generation; `sketchdojo.engine.pool`), plus a timer thread
that runs the stale-task reconciler every RECONCILE_INTERVAL_SECONDS (the job Celery beat does in
production). At start-up the reconciler re-queues at once every task an earlier run of the process
left pending or running (its in-memory messages and its threads died with it; this worker is the only
one), instead of waiting TASK_STALE_AFTER_SECONDS for their heartbeats to go stale.

`with_server_loop(app)` wraps the ASGI application so the realtime module learns the server's
event loop: events published from worker threads are handed to that loop, where the WebSocket
consumers of the in-memory channel layer wait.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import sys
import threading
from datetime import datetime

from celery.worker import WorkController
from django.conf import settings
from django.db import connections
from django.utils import timezone

from config.celery import app
from sketchdojo import realtime
from sketchdojo.engine import pool as engine_pool
from tasks.services import tasks_reconcile

logger = logging.getLogger("sketchdojo.embedded")

EMBEDDED_POLLING_SECONDS = 0.02

_lock = threading.Lock()
_worker = None
_threads: list[threading.Thread] = []
_stopping: threading.Event | None = None


def is_running() -> bool:
    return _worker is not None


def start_embedded_worker(*, force: bool = False):
    """Start the in-process worker and reconciler once per process; returns the WorkController or None.

    Does nothing unless settings.EMBEDDED_WORKER is on and the broker is in-memory. Under pytest
    nothing starts by itself (tests run tasks eagerly or start a worker explicitly) unless `force`.
    """
    global _worker, _stopping
    if not force and ("pytest" in sys.modules or not settings.EMBEDDED_WORKER):
        return None
    with _lock:
        if _worker is not None:
            return _worker
        if not str(app.conf.broker_url).startswith("memory://"):
            logger.warning("EMBEDDED_WORKER is on but the broker is %s; not starting a worker", app.conf.broker_url)
            return None
        # The memory transport polls its queues (once a second by default): each hop of the
        # pipeline (plan → panels → finish) would wait for that poll.
        app.conf.broker_transport_options = {
            **(app.conf.broker_transport_options or {}),
            "polling_interval": EMBEDDED_POLLING_SECONDS,
        }
        app.loader.import_default_modules()
        app.set_current()
        concurrency = max(2, settings.EMBEDDED_WORKER_CONCURRENCY)
        worker = WorkController(
            app=app,
            hostname=f"embedded@{socket.gethostname()}-{threading.get_native_id()}",
            pool="threads",
            concurrency=concurrency,
            queues=["ai", "images"],
            without_heartbeat=True,
            without_mingle=True,
            without_gossip=True,
            loglevel=settings.LOG_LEVEL,
        )
        _stopping = threading.Event()
        started_at = timezone.now()  # before the worker can take any task of this run
        thread = threading.Thread(target=worker.start, name="sketchdojo-embedded-worker", daemon=True)
        thread.start()
        reconciler = threading.Thread(
            target=_reconcile_forever, args=(_stopping, started_at), name="sketchdojo-reconciler", daemon=True
        )
        reconciler.start()
        _threads[:] = [thread, reconciler]
        _worker = worker
        engine_pool.start(workers=settings.EMBEDDED_DRAW_PROCESSES)
        logger.info(
            "Embedded Celery worker started (threads=%d, queues ai+images, draw processes=%d)",
            concurrency,
            settings.EMBEDDED_DRAW_PROCESSES if engine_pool.is_running() else 0,
        )
        return worker


def stop_embedded_worker(*, timeout: float = 10.0) -> None:
    """Stop the in-process worker and its reconciler (for tools that start one and then move on)."""
    global _worker
    with _lock:
        worker, _worker = _worker, None
        if worker is None:
            return
        if _stopping is not None:
            _stopping.set()
        worker.stop(in_sighandler=False)
        for thread in _threads:
            thread.join(timeout)
        _threads.clear()
        engine_pool.stop()


def recover_previous_run(started_at: datetime) -> dict[str, int]:
    """Re-queue now what an earlier run of this process left behind: tasks pending or running whose
    last sign of life (heartbeat, or update for pending ones) predates `started_at`.

    Only the embedded worker may do this: it is the only worker, so a task it did not start in this
    run has no worker left. Tasks this run queued or started since are newer than the cutoff.
    """
    elapsed = max(0.0, (timezone.now() - started_at).total_seconds())
    return tasks_reconcile(pending_after=elapsed, stale_after=elapsed)


def _reconcile_forever(stop: threading.Event, started_at: datetime) -> None:
    first = True
    while not stop.is_set():
        try:
            counts = recover_previous_run(started_at) if first else tasks_reconcile()
            if counts["requeued"] or counts["failed"]:
                logger.info("Reconciler: %s", counts)
            first = False
        except Exception:  # e.g. tables not migrated yet; try again next round
            logger.warning("Reconciler round failed", exc_info=True)
        finally:
            connections.close_all()
        stop.wait(settings.RECONCILE_INTERVAL_SECONDS)


def with_server_loop(application):
    """Wrap an ASGI app to hand its running event loop to sketchdojo.realtime (once)."""
    bound = False

    async def app(scope, receive, send):
        nonlocal bound
        if not bound:
            realtime.bind_server_loop(asyncio.get_running_loop())
            bound = True
        return await application(scope, receive, send)

    return app
