"""Real processes for integration tests: a daphne server and a Celery worker on this machine's services.

Both run the project's own entry points (`config.asgi`, `celery -A config worker`) in subprocesses
with an environment derived from the test session: the same (test) database, the same Redis, a
broker database of their own per pytest-xdist worker so parallel test processes never take each
other's jobs.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def broker_url(redis_url: str) -> str:
    """A Redis database for this xdist worker's broker (gw0 → 10, gw1 → 11, ...)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = 10 + int(worker.removeprefix("gw") or 0) % 6
    return redis_url.rsplit("/", 1)[0] + f"/{index}"


def service_env(*, database_url: str, redis_url: str, media_root: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CELERY_BROKER_URL=broker_url(redis_url),
        MEDIA_ROOT=str(media_root),
        EMBEDDED_WORKER="false",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def flush_broker(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(broker_url(redis_url)).flushdb()


def _wait_http(url: str, process: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited early:\n{log.read_text()[-3000:]}")
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer:\n{log.read_text()[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def daphne_server(env: dict[str, str], log_dir: Path):
    """Serve config.asgi on a free loopback port; yields the base URL."""
    port = free_port()
    log = log_dir / f"daphne-{port}.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "config.asgi:application"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_http(f"{base}/health/liveness", process, log)
            yield base
        finally:
            _stop(process)


def start_celery_worker(env: dict[str, str], log_dir: Path, *, name: str = "w1", concurrency: int = 4):
    """A real `celery -A config worker` on queues ai and images; the caller stops (or kills) it."""
    log = log_dir / f"celery-{name}.log"
    out = open(log, "w")  # noqa: SIM115 - owned by the process for its lifetime
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "-Q",
            "ai,images",
            "-P",
            "threads",
            "-c",
            str(concurrency),
            "-n",
            f"{name}@%h",
            "--without-gossip",
            "--without-mingle",
            "-l",
            "INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    process.log_path = log
    return process


@contextmanager
def celery_worker(env: dict[str, str], log_dir: Path, **kwargs):
    process = start_celery_worker(env, log_dir, **kwargs)
    try:
        yield process
    finally:
        _stop(process)
