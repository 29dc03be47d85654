"""API throughput: `GET /api/v1/projects` (a page of 20) against a bare DRF view on the same server.

The service runs as it does in production: daphne on a free loopback port, serving
`bench.api:application` (the real ASGI app with one extra, bench-only route) on a fresh database
(a temporary SQLite file unless BENCH_DATABASE_URL names another). The bare view
(`/bench/bare-projects`) has the same authentication, permissions, throttles and renderer as
every API view and returns the very JSON the real endpoint returned, held in memory; so the ratio
is the cost of the selector, the two queries and the serializer. Target (issue 8): the real
endpoint keeps ≥ 0.7 of the bare view's requests/s, shown here as its time per request ≤ the
bare view's ÷ 0.7. Also pinned: the list costs as many queries for a page of 100 as for 1.

`LiveServer` (a migrated database and the Daphne that `make run` serves) is shared by bench.websocket and bench.load.
"""

from __future__ import annotations

import json
import os
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
BARE_PATH = "/bench/bare-projects"


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
    from django.test.utils import CaptureQueriesContext
    from rest_framework_simplejwt.tokens import RefreshToken

    from accounts.models import User

    user = User.objects.get(username="bench")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
    counts = {}
    for size in (1, PAGE, 100):
        client.get(f"/api/v1/projects?size={size}")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/projects?size={size}").status_code == 200
        counts[size] = len(queries)
    return counts


def run() -> list[Measurement]:
    seconds = 2.0 if is_quick() else 6.0
    with LiveServer() as server:
        token = sign_up(server.base_url, "bench")
        headers = {"Authorization": f"Bearer {token}"}
        for i in range(100):
            body = {"title": f"Project {i}", "description": "A storm over the village", "art_style": "webtoon"}
            requests.post(f"{server.base_url}/api/v1/projects", json=body, headers=headers, timeout=30)
        real_url = f"{server.base_url}/api/v1/projects?size={PAGE}"
        bare_url = f"{server.base_url}{BARE_PATH}?size={PAGE}"
        real_body = requests.get(real_url, headers=headers, timeout=30).json()
        assert len(real_body["items"]) == PAGE, real_body
        assert requests.get(bare_url, headers=headers, timeout=30).json() == real_body
        real, bare = [], []
        for _ in range(3):  # interleaved rounds, best of each: both see the same machine load
            bare.append(requests_per_second(bare_url, token, seconds / 3))
            real.append(requests_per_second(real_url, token, seconds / 3))
        real_rps, bare_rps = max(real), max(bare)
        queries = server.child("bench.api", "--query-counts")
    bare_ms, real_ms = 1000 / bare_rps, 1000 / real_rps
    return [
        Measurement(f"GET /api/v1/projects page of {PAGE}: ms/request at {CLIENT_THREADS} clients "
                    f"({real_rps:,.0f} req/s = {real_rps / bare_rps:.2f} of bare; target ≥ 0.7)", real_ms, "ms",
                    target=bare_ms / 0.7, baseline=bare_ms, baseline_name=f"bare DRF view ({bare_rps:,.0f}/s)"),
        Measurement("  queries for a page of 100 (constant in page size)", queries["100"], "queries",
                    target=queries["1"], baseline=queries["1"], baseline_name="page of 1"),
    ]  # fmt: skip


# ---- the server side: `daphne bench.api:application` ------------------------------------------


def _bare_projects_view():
    from rest_framework.response import Response
    from rest_framework.views import APIView

    from projects.selectors import project_list
    from projects.serializers import ProjectSerializer
    from sketchdojo.api.pagination import PagePagination

    bodies: dict = {}

    class BareProjectsView(APIView):
        """The API's authentication, permissions, throttles and renderer; the body comes from memory.

        The first call per user and page size builds the body exactly as the real list does;
        every later call returns it as is.
        """

        def get(self, request):
            key = (request.user.pk, request.query_params.get("size"))
            if key not in bodies:
                paginator = PagePagination()
                page = paginator.paginate_queryset(project_list(user=request.user, filters={}), request, view=self)
                bodies[key] = paginator.get_paginated_response(ProjectSerializer(page, many=True).data).data
            return Response(bodies[key])

    return BareProjectsView


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

        return [path(BARE_PATH.lstrip("/"), _bare_projects_view().as_view()), path("", include("config.urls"))]
    raise AttributeError(name)


if __name__ == "__main__" and "--query-counts" in sys.argv:
    print(json.dumps(_query_counts()))
