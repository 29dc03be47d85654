"""The production shape, measured: daphne plus separate Celery worker processes on MariaDB and Redis.

`python -m bench.production [--generations 6]` (not in `make bench`: it needs this machine's
MariaDB and Redis). It creates the database if missing, migrates it, serves the real ASGI app with
daphne (EMBEDDED_WORKER off), then, for 1 and then 2 worker processes, starts
`celery -A config worker -Q ai,images --concurrency N` (the prefork pool, as the `worker` role of
the image runs it), warms it up with one generation, submits GENERATIONS 12-panel generations at
once (offline planner and artist) and waits until every one is completed, and stops the worker.
It prints 12-panel generations per minute for each and the ratio 2 : 1.

BENCH_PROD_DATABASE_URL (default mysql://root@127.0.0.1:3306/sd_perf) and BENCH_PROD_REDIS_URL
(default redis://127.0.0.1:6379/4) pick the services; cache, channel and broker keys get a prefix of
this run's own, so a shared Redis database is not disturbed.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from urllib.parse import urlparse

import requests

from bench import Measurement
from bench.api import ROOT, LiveServer, sign_up

PANELS = 12
PROMPT = "Alex discovers his lightning powers during a storm and must save his village from shadow monsters"


def _database_url() -> str:
    return os.environ.get("BENCH_PROD_DATABASE_URL", "mysql://root@127.0.0.1:3306/sd_perf")


def _redis_url() -> str:
    return os.environ.get("BENCH_PROD_REDIS_URL", "redis://127.0.0.1:6379/4")


def _create_database(url: str) -> None:
    import MySQLdb

    parts = urlparse(url)
    connection = MySQLdb.connect(
        host=parts.hostname or "127.0.0.1", port=parts.port or 3306, user=parts.username or "root",
        passwd=parts.password or "",
    )  # fmt: skip
    try:
        name = parts.path.lstrip("/")
        connection.cursor().execute(
            f"CREATE DATABASE IF NOT EXISTS `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        )
    finally:
        connection.close()


def _start_worker(env: dict[str, str], processes: int, log_path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", "ai,images", "--concurrency",
         str(processes), "-n", f"bench{processes}-{os.getpid()}@%h", "--without-gossip", "--without-mingle",
         "-l", "WARNING"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=open(log_path, "w"),
    )  # fmt: skip


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _generate(base_url: str, headers: dict, project_id: str) -> str:
    body = {"story_prompt": PROMPT, "panel_count": PANELS, "style_preferences": {"style": "webtoon"}}
    response = requests.post(
        f"{base_url}/api/v1/webtoons/generate?project_id={project_id}", json=body, headers=headers, timeout=60
    )
    response.raise_for_status()
    return response.json()["id"]


def _wait_all(base_url: str, headers: dict, task_ids: list[str], timeout: float = 900) -> None:
    waiting = set(task_ids)
    deadline = time.monotonic() + timeout
    while waiting:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{len(waiting)} generations did not finish in {timeout:.0f} s")
        for task_id in list(waiting):
            task = requests.get(f"{base_url}/api/v1/tasks/{task_id}", headers=headers, timeout=60).json()
            if task["status"] == "completed":
                waiting.discard(task_id)
            elif task["status"] in ("failed", "cancelled"):
                raise RuntimeError(f"generation {task_id} ended {task['status']}: {task.get('error_message')}")
        time.sleep(0.25)


def measure(generations: int) -> dict[int, float]:
    """12-panel generations per minute with 1 and 2 worker processes."""
    database_url, redis_url = _database_url(), _redis_url()
    _create_database(database_url)
    prefix = f"benchprod{os.getpid()}"
    env = {
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": prefix,
        "CHANNELS_PREFIX": prefix,
        "CELERY_BROKER_KEY_PREFIX": f"{prefix}:",
        "EMBEDDED_WORKER": "false",
        "IMAGE_PROVIDER": "local",
        "LLM_PROVIDER": "local",
    }
    rates: dict[int, float] = {}
    server = LiveServer(env)
    server.env.pop("CELERY_BROKER_URL", None)
    with server:
        token = sign_up(server.base_url, f"prod{os.getpid()}")
        headers = {"Authorization": f"Bearer {token}"}
        project = requests.post(
            f"{server.base_url}/api/v1/projects", json={"title": "Production shape"}, headers=headers, timeout=30
        )
        project.raise_for_status()
        project_id = project.json()["id"]
        for processes in (1, 2):
            worker = _start_worker(server.env, processes, server.folder / f"celery-{processes}.log")
            try:
                _wait_all(server.base_url, headers, [_generate(server.base_url, headers, project_id)])  # warm-up
                started = time.monotonic()
                task_ids = [_generate(server.base_url, headers, project_id) for _ in range(generations)]
                _wait_all(server.base_url, headers, task_ids)
                rates[processes] = generations / (time.monotonic() - started) * 60
            except Exception:
                print((server.folder / f"celery-{processes}.log").read_text()[-3000:], file=sys.stderr)
                raise
            finally:
                _stop(worker)
    return rates


def run(generations: int = 6) -> list[Measurement]:
    rates = measure(generations)
    one, two = rates[1], rates[2]
    # Lower is better in the table: minutes per 100 generations, so the ratio reads 2 workers : 1.
    return [
        Measurement(f"12-panel generations/min, 1 worker process ({one:.1f}/min): s per generation",
                    60 / one, "s"),
        Measurement(f"12-panel generations/min, 2 worker processes ({two:.1f}/min = {two / one:.2f}x of 1): "
                    "s per generation", 60 / two, "s", baseline=60 / one, baseline_name="1 worker process"),
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.production", description=__doc__)
    parser.add_argument("--generations", type=int, default=6, help="12-panel generations per measurement")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from bench.__main__ import render

    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    rows = run(args.generations)
    print(f"{os.cpu_count()} CPUs, load average {load} at the start")
    print(render([("production", m) for m in rows]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
