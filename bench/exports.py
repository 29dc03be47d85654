"""Exports under load: the server's peak memory while 8 clients export a 100-panel webtoon at once.

Before issue 15, every GET /webtoons/{id}/export/{fmt} built the file in the request and held it
whole: 8 parallel export loops on a 100-panel webtoon took daphne from 3.3 GB to 6.1 GB, and it
stayed there. Now each format is built once per revision of the webtoon by a background job (the
embedded worker, in the server process as in `make run`), stored, and streamed from storage; one
job per file, EXPORT_BUILDS_PER_USER jobs per user (429 + Retry-After beyond), and
EXPORT_BUILDS_PER_PROCESS builds at once in the worker, so memory is bounded by one build whatever
the number of clients. A client that gets 202 polls the task named by `Location`, then asks again.

Figures: the server's peak resident memory during 8 parallel export loops (every format, twice
each), against its peak during one export build alone in the same run; its memory once the loops
are over; and the time to send a stored export against the time to build it.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time

import requests

from bench import Measurement
from bench.api import LiveServer, is_quick, sign_up
from bench.bodies import resident_mb

PANELS = 100
CLIENTS = 8
FORMATS = ("png", "pdf", "cbz", "html")


class PeakMemory:
    """Samples a process' resident memory every 20 ms while in the `with` block."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()

    def __enter__(self) -> PeakMemory:
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, resident_mb(self.pid))
            time.sleep(0.02)

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, resident_mb(self.pid))


def _await_task(session: requests.Session, url: str) -> None:
    """Poll a task until it is no longer pending or running."""
    while True:
        task = session.get(url, timeout=60).json()
        if task["status"] not in ("pending", "running"):
            return
        time.sleep(0.2)


def export(base_url: str, token: str, webtoon_id: str, fmt: str) -> tuple[int, int]:
    """One export as a client does it: wait out 429 (Retry-After), poll the task of a 202, ask again.

    Returns (bytes received, 429s met).
    """
    busy = 0
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {token}"
        while True:
            response = session.get(f"{base_url}/api/v1/webtoons/{webtoon_id}/export/{fmt}", stream=True, timeout=600)
            if response.status_code == 429:
                busy += 1
                time.sleep(float(response.headers["Retry-After"]))
                continue
            if response.status_code == 202:
                _await_task(session, base_url + response.headers["Location"])
                continue
            response.raise_for_status()
            size = sum(len(chunk) for chunk in response.iter_content(256 * 1024))
            return size, busy


def run() -> list[Measurement]:
    rounds = 1 if is_quick() else 2
    # The embedded default (no REDIS_URL): the export jobs run in the server's own embedded worker.
    with LiveServer(env={"REDIS_URL": "", "EMBEDDED_WORKER": "true"}) as server:
        pid = server.process.pid
        token = sign_up(server.base_url, "exporter")
        webtoon_id = server.child("bench.exports", "--seed", "exporter", "--panels", str(PANELS))["webtoon_id"]
        export(server.base_url, token, webtoon_id, "html")  # warm the code paths (imports, fonts), not measured
        idle = resident_mb(pid)

        started = time.perf_counter()
        with PeakMemory(pid) as single:
            export(server.base_url, token, webtoon_id, "pdf")
        build_seconds = time.perf_counter() - started
        started = time.perf_counter()
        export(server.base_url, token, webtoon_id, "pdf")
        stored_seconds = time.perf_counter() - started

        busy: list[int] = []

        def loop(offset: int) -> None:
            for i in range(rounds * len(FORMATS)):
                busy.append(export(server.base_url, token, webtoon_id, FORMATS[(offset + i) % len(FORMATS)])[1])

        with PeakMemory(pid) as parallel:
            clients = [threading.Thread(target=loop, args=(n,)) for n in range(CLIENTS)]
            for thread in clients:
                thread.start()
            for thread in clients:
                thread.join()
        after = resident_mb(pid)

    return [
        Measurement(
            f"server peak RSS, {CLIENTS} parallel export loops of a {PANELS}-panel webtoon "
            f"({len(busy)} exports, {sum(busy)} x 429 waited out)",
            parallel.peak,
            "MB",
            target=500.0,
            baseline=single.peak,
            baseline_name="peak during one build alone",
        ),
        Measurement(
            "  server RSS once the loops are over",
            after,
            "MB",
            target=500.0,
            baseline=idle,
            baseline_name="idle after warm-up",
        ),
        Measurement(
            f"  a stored {PANELS}-panel pdf sent again",
            stored_seconds,
            "s",
            baseline=build_seconds,
            baseline_name="first build",
        ),
    ]


def _seed(username: str, panels: int) -> dict:
    """A completed webtoon of `username` with `panels` lettered 800x800 panels (varied drawings)."""
    import random
    from io import BytesIO

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from PIL import Image, ImageDraw

    from panels.models import Panel, PanelStatus
    from projects.models import Project
    from webtoons.models import Webtoon, WebtoonStatus

    rng = random.Random(15)
    drawings = []
    for _ in range(10):
        image = Image.new("RGB", (800, 800), tuple(rng.randrange(256) for _ in range(3)))
        draw = ImageDraw.Draw(image)
        for _ in range(60):
            box = sorted(rng.sample(range(800), 2)), sorted(rng.sample(range(800), 2))
            shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
            shape((box[0][0], box[1][0], box[0][1], box[1][1]), fill=tuple(rng.randrange(256) for _ in range(3)))
        buffer = BytesIO()
        image.save(buffer, format="PNG", compress_level=1)
        drawings.append(buffer.getvalue())

    user = get_user_model().objects.get(username=username)
    project = Project.objects.create(user=user, title="Export bench")
    webtoon = Webtoon.objects.create(project=project, title="Export bench", status=WebtoonStatus.COMPLETED)
    for number in range(1, panels + 1):
        panel = Panel(
            webtoon=webtoon, sequence_number=number, scene_index=(number - 1) // 4, status=PanelStatus.LETTERED
        )
        panel.image.save(f"bench-{number}.png", ContentFile(drawings[number % len(drawings)]), save=False)
        panel.save()
    return {"webtoon_id": str(webtoon.pk)}


if __name__ == "__main__" and "--seed" in sys.argv:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed")
    parser.add_argument("--panels", type=int, default=PANELS)
    parser.add_argument("--base-url")
    arguments = parser.parse_args()
    print(json.dumps(_seed(arguments.seed, arguments.panels)))
