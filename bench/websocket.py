"""WebSocket delivery through channels-redis: one task_update's latency, and one event to 1,000 sockets.

daphne serves the real ASGI app on a free loopback port with REDIS_URL set (so the channel layer
is channels-redis; BENCH_REDIS_URL, else REDIS_URL, else redis://127.0.0.1:6379/0, with a
prefix of its own). A child process with the same settings plays the worker: it writes the Task
row and publishes the update exactly as the pipeline does (`tasks.events.publish_task_update`),
while its WebSocket clients (the `websockets` library) wait for the event.

- latency: from just before the database write to the client holding the `task_update`
  (median of many); target < 20 ms. Baseline: a ping → pong round trip on the same socket.
- fan-out: 1,000 sockets of one user (each sits in the user's group); one update published;
  time until the last socket has it; target < 1 s. Baseline: all 1,000 sockets ping at once,
  time until the last pong.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time

from bench import Measurement
from bench.api import LiveServer, is_quick


def _redis_url() -> str:
    return os.environ.get("BENCH_REDIS_URL") or os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def run() -> list[Measurement]:
    updates, clients = (50, 200) if is_quick() else (200, 1000)
    env = {
        "REDIS_URL": _redis_url(),
        "CHANNELS_PREFIX": f"benchws{os.getpid()}",
        "EMBEDDED_WORKER": "false",
        "WS_MAX_CONNECTIONS_PER_USER": str(clients + 10),  # the fan-out's sockets all belong to one user
    }
    with LiveServer(env) as server:
        figures = server.child("bench.websocket", "--measure", "--updates", str(updates), "--clients", str(clients))
    return [
        Measurement(f"task_update: DB write → client via channels-redis (median of {updates})",
                    figures["latency_ms"], "ms", target=20, baseline=figures["ping_ms"],
                    baseline_name="ping → pong, same socket"),
        Measurement(f"  p95 of the same {updates}", figures["latency_p95_ms"], "ms"),
        Measurement("  of which the worker's DB write + publish call (median)", figures["publish_ms"], "ms"),
        Measurement(f"one task_update fanned out to {clients} connected clients (last one has it)",
                    figures["fanout_s"], "s", target=1, baseline=figures["fanout_ping_s"],
                    baseline_name=f"{clients} pings → last pong"),
    ]  # fmt: skip


# ---- the child: Django set up on the server's database and Redis ---------------------------------


def _world():
    from accounts.models import User
    from projects.models import Project
    from tasks.models import Task, TaskType

    user = User.objects.create_user(username=f"ws{time.time_ns()}", email=f"ws{time.time_ns()}@example.com")
    project = Project.objects.create(user=user, title="Bench")
    task = Task.objects.create(user=user, project=project, task_type=TaskType.WEBTOON_GENERATION)
    from rest_framework_simplejwt.tokens import RefreshToken

    return task, str(RefreshToken.for_user(user).access_token)


def _write_and_publish(task, progress: float) -> None:
    from tasks.events import publish_task_update
    from tasks.models import Task

    Task.objects.filter(pk=task.pk).update(progress=progress, current_step=f"step {progress:.0f}")
    publish_task_update(task)


async def _connect(url: str):
    import websockets

    socket = await websockets.connect(url, ping_interval=None, max_size=2**20, open_timeout=120)
    hello = json.loads(await socket.recv())
    assert hello["type"] == "connection_established", hello
    return socket


async def _next_of(socket, kind: str, **match) -> dict:
    while True:
        message = json.loads(await socket.recv())
        if message["type"] == kind and all(message.get(k) == v for k, v in match.items()):
            return message


async def _measure(base_url: str, updates: int, clients: int) -> dict:
    from asgiref.sync import sync_to_async

    task, token = await sync_to_async(_world)()
    url = base_url.replace("http://", "ws://") + f"/api/v1/ws/connect?token={token}"
    publish = sync_to_async(_write_and_publish)

    socket = await _connect(url)
    await socket.send(json.dumps({"type": "subscribe_task", "task_id": str(task.pk)}))
    await _next_of(socket, "task_update")
    pings, latencies, publishing = [], [], []
    for _ in range(updates):
        started = time.perf_counter()
        await socket.send(json.dumps({"type": "ping"}))
        await _next_of(socket, "pong")
        pings.append(time.perf_counter() - started)
    for i in range(updates):
        started = time.perf_counter()
        await publish(task, float(i % 100))
        publishing.append(time.perf_counter() - started)
        await _next_of(socket, "task_update", task_id=str(task.pk), sequence=task.event_sequence)
        latencies.append(time.perf_counter() - started)
    await socket.close()

    sockets = []
    for start in range(0, clients, 50):
        sockets += await asyncio.gather(*(_connect(url) for _ in range(start, min(clients, start + 50))))
    started = time.perf_counter()
    await asyncio.gather(*(s.send(json.dumps({"type": "ping"})) for s in sockets))
    await asyncio.gather(*(_next_of(s, "pong") for s in sockets))
    fanout_ping = time.perf_counter() - started

    started = time.perf_counter()
    await publish(task, 100.0)
    await asyncio.gather(*(_next_of(s, "task_update", sequence=task.event_sequence) for s in sockets))
    fanout = time.perf_counter() - started
    await asyncio.gather(*(s.close() for s in sockets))
    latencies.sort()
    return {
        "ping_ms": statistics.median(pings) * 1000,
        "latency_ms": statistics.median(latencies) * 1000,
        "latency_p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "publish_ms": statistics.median(publishing) * 1000,
        "fanout_s": fanout,
        "fanout_ping_s": fanout_ping,
    }


def _main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--measure", action="store_true")
    parser.add_argument("--updates", type=int, default=200)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--base-url", required=True)
    args = parser.parse_args()
    import django

    django.setup()
    print(json.dumps(asyncio.run(_measure(args.base_url, args.updates, args.clients))))


if __name__ == "__main__" and "--measure" in sys.argv:
    _main()
