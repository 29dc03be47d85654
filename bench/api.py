"""API throughput: every list endpoint (a page of 20) against a bare DRF view, and /auth/me against liveness.

The service runs as it does in production: daphne on a free loopback port, serving
`bench.api:application` (the real ASGI app with one extra, bench-only route) on a fresh database
(a temporary SQLite file unless BENCH_DATABASE_URL names another). The bare view
(`/bench/bare/<list>`) has the same authentication, permissions, throttles and renderer as every
API view and returns the very JSON the real endpoint returned, held in memory; so each list's ratio
is what the list adds: its cache lookup (sketchdojo.listcache) when the page is cached, as it is
when asked again before its user's rows change; a second server with LIST_CACHE_SECONDS=0 shows the
project list's own queries and serializer (every request a miss, no target). Targets (issue 16): every list (projects,
characters, webtoons, panels, tasks; 30 rows seeded where 100 projects are made through the API)
keeps ≥ 0.8 of the bare view's requests/s at 4 clients, and `GET /auth/me` ≥ 0.65 of
`/health/liveness` at 20 clients; shown as time per request ≤ the baseline's ÷ the ratio. Also
pinned: an uncached project list costs as many queries for a page of 100 as for 1.

`LiveServer` (a migrated database and the Daphne that `make run` serves) is shared by bench.websocket and bench.load.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

from bench import Measurement

ROOT = Path(__file__).resolve().parent.parent
PAGE = 20
CLIENT_THREADS = 4
BARE_PATH = "/bench/bare"
ROWS = 30  # characters, webtoons, panels and tasks seeded for the lists
LIST_TARGET = 0.8  # every list keeps this share of the bare view's requests/s (issue 16)
ME_CLIENTS = 20
ME_TARGET = 0.65  # /auth/me keeps this share of /health/liveness's requests/s at 20 clients


def is_quick() -> bool:
    return os.environ.get("BENCH_QUICK") == "1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """A migrated database and daphne serving `bench.api:application` on a free loopback port.

    `env` is added to this process' environment for the migration, the server and `child()`; by
    default the database is a new SQLite file in a temporary folder (removed on exit).
    """

    def __init__(self, env: dict[str, str] | None = None):
        self.folder = Path(tempfile.mkdtemp(prefix="sketchdojo-bench-"))
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{self.folder / 'bench.sqlite3'}"),
            "MEDIA_ROOT": str(self.folder / "media"),
            "THROTTLE_USER": "100000000/min",
            "THROTTLE_GENERATION": "100000000/hour",
            "THROTTLE_PANEL_GENERATION": "100000000/hour",
            "THROTTLE_LOGIN": "100000000/min",
            "THROTTLE_REGISTER": "100000000/hour",
            "MONTHLY_GENERATION_QUOTA": "100000000",
            "LOG_LEVEL": "WARNING",
            **(env or {}),
        }
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> LiveServer:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=self.env, check=True
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sketchdojo.server", "-b", "127.0.0.1", "-p", str(self.port),
             "bench.api:application"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=open(self.folder / "daphne.log", "w"),
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.base_url}/health/liveness", timeout=10).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError(f"daphne did not start: {(self.folder / 'daphne.log').read_text()[-2000:]}")

    def __exit__(self, *exc) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)

    def child(self, module: str, *args: str) -> dict:
        """Run `python -m module args` with the server's settings; its last stdout line is JSON."""
        done = subprocess.run(
            [sys.executable, "-m", module, *args, "--base-url", self.base_url],
            cwd=ROOT, env=self.env, capture_output=True, text=True,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"{module} failed:\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])


def sign_up(base_url: str, name: str) -> str:
    """Register a user through the API and return an access token."""
    body = {"email": f"{name}@example.com", "username": name, "password": "SecurePassword123"}
    requests.post(f"{base_url}/api/v1/auth/register", json=body, timeout=30).raise_for_status()
    login = requests.post(
        f"{base_url}/api/v1/auth/login", data={"username": name, "password": "SecurePassword123"}, timeout=30
    )
    login.raise_for_status()
    return login.json()["access_token"]


def requests_per_second(url: str, token: str, seconds: float, threads: int = CLIENT_THREADS) -> float:
    """Completed 200 responses per second, from `threads` keep-alive clients for `seconds`."""
    counts = [0] * threads
    failures: list[str] = []
    stop_at = time.perf_counter() + seconds

    def client(slot: int) -> None:
        with requests.Session() as session:
            session.headers["Authorization"] = f"Bearer {token}"
            while time.perf_counter() < stop_at:
                response = session.get(url, timeout=30)
                if response.status_code != 200:
                    failures.append(f"{response.status_code} {response.text[:200]}")
                    return
                counts[slot] += 1

    started = time.perf_counter()
    workers = [threading.Thread(target=client, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if failures:
        raise RuntimeError(f"{url}: {failures[0]}")
    return sum(counts) / (time.perf_counter() - started)


def _query_counts() -> dict:
    """In a child with the server's database: queries of the project list for pages of 1, 20, 100."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from rest_framework_simplejwt.tokens import RefreshToken

    from accounts.models import User

    user = User.objects.get(username="bench")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
    counts = {}
    with override_settings(LIST_CACHE_SECONDS=0):  # the queries of a page read from the database
        for size in (1, PAGE, 100):
            client.get(f"/api/v1/projects?size={size}")
            with CaptureQueriesContext(connection) as queries:
                assert client.get(f"/api/v1/projects?size={size}").status_code == 200
            counts[size] = len(queries)
    return counts


def _seed() -> dict:
    """In a child with the server's database: ROWS characters, webtoons, panels and tasks for "bench".

    Returns the ids the list URLs need. The panels carry bubbles and meta like generated ones.
    """
    import django

    django.setup()
    from accounts.models import User
    from projects.models import Project
    from projects.tests.factories import CharacterFactory
    from webtoons.tests.factories import PanelFactory, TaskFactory, WebtoonFactory

    user = User.objects.get(username="bench")
    project = Project.objects.filter(user=user).order_by("created_at").first()
    CharacterFactory.create_batch(ROWS, project=project)
    webtoons = WebtoonFactory.create_batch(ROWS, project=project)
    bubbles = [
        {"speaker": "Alex", "character_id": None, "text": "Look at the sky!", "style": "normal",
         "position": {"x": 0.1, "y": 0.1, "width": 0.3, "height": 0.1}, "tail_direction": "bottom"},
    ]  # fmt: skip
    for number in range(1, ROWS + 1):
        cast = [{"name": "Alex", "action": "standing", "expression": "surprised"}]
        PanelFactory(webtoon=webtoons[0], sequence_number=number, speech_bubbles=bubbles, characters_present=cast)
    for webtoon in webtoons:
        TaskFactory(webtoon=webtoon)
    return {"project_id": str(project.pk), "webtoon_id": str(webtoons[0].pk)}


def _write_bare_bodies(server: LiveServer, bodies: dict[str, dict]) -> None:
    for name, body in bodies.items():
        (server.folder / f"bare-{name}.json").write_text(json.dumps(body))


def _ratio_rows(
    name: str, real_rps: float, bare_rps: float, baseline_name: str, *, target_ratio: float | None, clients: int
) -> Measurement:
    """Time per request against the baseline's; with a target, at most the baseline's ÷ `target_ratio`."""
    real_ms, bare_ms = 1000 / real_rps, 1000 / bare_rps
    target = f"; target ≥ {target_ratio}" if target_ratio else ""
    return Measurement(
        f"{name}: ms/request at {clients} clients ({real_rps:,.0f} req/s = {real_rps / bare_rps:.2f} of "
        f"{baseline_name}{target})",
        real_ms,
        "ms",
        target=bare_ms / target_ratio if target_ratio else None,
        baseline=bare_ms,
        baseline_name=f"{baseline_name} ({bare_rps:,.0f}/s)",
    )


def _best_of_interleaved(real_url: str, bare_url: str, token: str, seconds: float, threads: int) -> tuple[float, float]:
    real, bare = [], []
    for _ in range(3):  # interleaved rounds, best of each: both see the same machine load
        bare.append(requests_per_second(bare_url, token, seconds / 3, threads))
        real.append(requests_per_second(real_url, token, seconds / 3, threads))
    return max(real), max(bare)


def _projects(server: LiveServer) -> str:
    """Sign up "bench" on `server` with 100 projects; its access token."""
    token = sign_up(server.base_url, "bench")
    headers = {"Authorization": f"Bearer {token}"}
    for i in range(100):
        body = {"title": f"Project {i}", "description": "A storm over the village", "art_style": "webtoon"}
        requests.post(f"{server.base_url}/api/v1/projects", json=body, headers=headers, timeout=30)
    return token


def _list_rows(server: LiveServer, token: str, lists: dict[str, str], seconds: float, *, label: str, target) -> list:
    """Each list against the bare view returning the body it returned (stored for the bare view first)."""
    headers = {"Authorization": f"Bearer {token}"}
    bodies = {}
    for name, path in lists.items():
        response = requests.get(f"{server.base_url}{path}", headers=headers, timeout=30)
        response.raise_for_status()
        bodies[name] = response.json()
        assert len(bodies[name]["items"]) == PAGE, (name, bodies[name])
    _write_bare_bodies(server, bodies)
    rows = []
    for name, path in lists.items():
        bare_url = f"{server.base_url}{BARE_PATH}/{name}"
        assert requests.get(bare_url, headers=headers, timeout=30).json() == bodies[name]
        real_rps, bare_rps = _best_of_interleaved(f"{server.base_url}{path}", bare_url, token, seconds, CLIENT_THREADS)
        shown = re.sub(r"/[0-9a-f-]{36}", "/{id}", path.split("?")[0])
        rows.append(_ratio_rows(f"GET {shown} page of {PAGE}{label}", real_rps, bare_rps, "bare DRF view",
                                target_ratio=target, clients=CLIENT_THREADS))  # fmt: skip
    return rows


def run() -> list[Measurement]:
    seconds = 2.0 if is_quick() else 6.0
    server = LiveServer()
    server.env["BENCH_BARE_DIR"] = str(server.folder)
    with server:
        token = _projects(server)
        ids = server.child("bench.api", "--seed")
        lists = {
            "projects": f"/api/v1/projects?size={PAGE}",
            "characters": f"/api/v1/characters/project/{ids['project_id']}?size={PAGE}",
            "webtoons": f"/api/v1/webtoons?size={PAGE}",
            "panels": f"/api/v1/panels/webtoon/{ids['webtoon_id']}?size={PAGE}",
            "tasks": f"/api/v1/tasks?size={PAGE}",
        }
        rows = _list_rows(server, token, lists, seconds, label="", target=LIST_TARGET)
        me_rps, live_rps = _best_of_interleaved(
            f"{server.base_url}/api/v1/auth/me", f"{server.base_url}/health/liveness", token, seconds, ME_CLIENTS
        )
        rows.append(_ratio_rows("GET /api/v1/auth/me", me_rps, live_rps, "/health/liveness",
                                target_ratio=ME_TARGET, clients=ME_CLIENTS))  # fmt: skip
        queries = server.child("bench.api", "--query-counts")
    # Every request a cache miss (the first read after a write): the list's own queries and serializer.
    uncached = LiveServer({"LIST_CACHE_SECONDS": "0"})
    uncached.env["BENCH_BARE_DIR"] = str(uncached.folder)
    with uncached:
        token = _projects(uncached)
        rows += _list_rows(uncached, token, {"projects": lists["projects"]}, seconds, label=" uncached", target=None)
    return [
        *rows,
        Measurement("  queries for an uncached page of 100 projects (constant in page size)", queries["100"], "queries",
                    target=queries["1"], baseline=queries["1"], baseline_name="page of 1"),
    ]  # fmt: skip


# ---- the server side: `daphne bench.api:application` ------------------------------------------


def _bare_view():
    from rest_framework.response import Response
    from rest_framework.views import APIView

    bodies: dict = {}

    class BareView(APIView):
        """The API's authentication, permissions, throttles and renderer; the body comes from memory.

        `/bench/bare/<name>` answers the JSON the bench stored as `bare-<name>.json` in the server's
        folder (the body the real endpoint returned), read once.
        """

        def get(self, request, name: str):
            if name not in bodies:
                folder = Path(os.environ["BENCH_BARE_DIR"])
                bodies[name] = json.loads((folder / f"bare-{name}.json").read_text())
            return Response(bodies[name])

    return BareView


def __getattr__(name: str):
    """`application` (for daphne) and `urlpatterns` (the bench URLconf), built on first use only.

    Lazy, so that importing this module to run the benchmark never sets up a server.
    """
    if name == "application":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        from django.conf import settings

        from config.asgi import application

        settings.ROOT_URLCONF = "bench.api"
        return application
    if name == "urlpatterns":
        from django.urls import include, path

        return [path(f"{BARE_PATH.lstrip('/')}/<str:name>", _bare_view().as_view()), path("", include("config.urls"))]
    raise AttributeError(name)


if __name__ == "__main__" and "--query-counts" in sys.argv:
    print(json.dumps(_query_counts()))
if __name__ == "__main__" and "--seed" in sys.argv:
    print(json.dumps(_seed()))
