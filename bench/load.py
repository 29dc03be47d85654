"""Load, bounded and on loopback only: 100 users reading and writing plus 20 generations at a time.

    .venv/bin/python -m bench.load [--seconds 60] [--users 100] [--generators 20] [--panels 3]

Not part of `make bench` or CI (it runs for a minute and saturates a small machine). daphne serves
the real ASGI app on a free loopback port (bench.api.LiveServer: a fresh SQLite file and the
embedded worker by default; BENCH_DATABASE_URL / REDIS_URL in the environment switch to MariaDB
and a Redis broker, then start a Celery worker with `--worker`). Each of `--users` clients loops
over the API as a creator does (list projects, create one, read it, rename it, list its characters,
list tasks); each of `--generators` clients starts a generation, follows its task to the end and
starts the next. Afterwards every generation task must reach completed or failed within a grace
period, or it counts as lost. Prints throughput, p50/p95/p99 per kind of request, 5xx and lost
tasks; exits 1 when there is any 5xx or lost task.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from bench.api import ROOT, LiveServer, sign_up

PROMPT = "Alex discovers his lightning powers during a storm and must save his village from shadow monsters"
FINAL = {"completed", "failed", "cancelled"}


class Recorder:
    """Latency and status of every request, by kind (thread-safe)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.server_errors: list[str] = []
        self.other_errors: dict[str, int] = defaultdict(int)

    def call(self, session: requests.Session, kind: str, method: str, url: str, **kwargs):
        started = time.perf_counter()
        try:
            response = session.request(method, url, timeout=60, **kwargs)
        except requests.RequestException as exc:
            with self.lock:
                self.other_errors[f"{kind}: {type(exc).__name__}"] += 1
            return None
        elapsed = time.perf_counter() - started
        with self.lock:
            self.latencies[kind].append(elapsed)
            if response.status_code >= 500:
                self.server_errors.append(f"{method} {url} → {response.status_code} {response.text[:200]}")
            elif response.status_code >= 400:
                self.other_errors[f"{kind}: {response.status_code}"] += 1
        return response


def _session(token: str) -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def creator(base: str, token: str, stop_at: float, record: Recorder) -> None:
    session = _session(token)
    n = 0
    while time.monotonic() < stop_at:
        n += 1
        record.call(session, "GET /projects", "GET", f"{base}/api/v1/projects")
        created = record.call(
            session, "POST /projects", "POST", f"{base}/api/v1/projects",
            json={"title": f"Load {n}", "description": "A storm over the village", "art_style": "manga"},
        )  # fmt: skip
        if created is None or created.status_code != 201:
            continue
        project = f"{base}/api/v1/projects/{created.json()['id']}"
        record.call(session, "GET /projects/{id}", "GET", project)
        record.call(session, "PATCH /projects/{id}", "PATCH", project, json={"title": f"Load {n} (renamed)"})
        record.call(
            session, "GET /characters/project/{id}", "GET", f"{base}/api/v1/characters/project/{created.json()['id']}"
        )
        record.call(session, "GET /tasks", "GET", f"{base}/api/v1/tasks")


def generator(
    base: str, token: str, stop_at: float, panels: int, record: Recorder, task_ids: list[tuple[str, str]]
) -> None:
    session = _session(token)
    project = record.call(
        session,
        "POST /projects",
        "POST",
        f"{base}/api/v1/projects",
        json={"title": "Generated", "art_style": "webtoon"},
    )
    if project is None or project.status_code != 201:
        return
    body = {"story_prompt": PROMPT, "panel_count": panels, "style_preferences": {"style": "webtoon"}}
    while time.monotonic() < stop_at:
        started = record.call(
            session, "POST /webtoons/generate", "POST",
            f"{base}/api/v1/webtoons/generate?project_id={project.json()['id']}", json=body,
        )  # fmt: skip
        if started is None or started.status_code != 202:
            time.sleep(0.5)
            continue
        task_id = started.json()["id"]
        with record.lock:
            task_ids.append((task_id, token))
        while time.monotonic() < stop_at:
            state = record.call(session, "GET /tasks/{id}", "GET", f"{base}/api/v1/tasks/{task_id}")
            if state is not None and state.status_code == 200 and state.json()["status"] in FINAL:
                break
            time.sleep(0.5)


def _percentiles(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    q = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else ordered * 99
    return q[49] * 1000, q[94] * 1000, q[98] * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--generators", type=int, default=20)
    parser.add_argument("--panels", type=int, default=3, help="panels per generated webtoon")
    parser.add_argument("--grace", type=float, default=120, help="seconds for the last tasks to finish")
    parser.add_argument("--worker", action="store_true", help="also start `celery -A config worker` (needs REDIS_URL)")
    args = parser.parse_args(argv)

    with LiveServer({"EMBEDDED_WORKER_CONCURRENCY": "4"}) as server:
        worker = None
        if args.worker:
            worker = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", "ai,images", "--pool", "threads",
                 "-c", "8", "--without-mingle", "--without-gossip", "-l", "WARNING"],
                cwd=ROOT, env={**server.env, "EMBEDDED_WORKER": "false"},
                stdout=subprocess.DEVNULL, stderr=(Path(server.folder) / "worker.log").open("w"),
            )  # fmt: skip
        try:
            base = server.base_url
            count = args.users + args.generators
            print(f"signing up {count} users on {base} ...", file=sys.stderr, flush=True)
            with ThreadPoolExecutor(8) as pool:
                tokens = list(pool.map(lambda i: sign_up(base, f"load{i}"), range(count)))
            record, task_ids = Recorder(), []  # task_ids: (task id, owner's token)
            stop_at = time.monotonic() + args.seconds
            threads = [threading.Thread(target=creator, args=(base, t, stop_at, record)) for t in tokens[: args.users]]
            threads += [
                threading.Thread(target=generator, args=(base, t, stop_at, args.panels, record, task_ids))
                for t in tokens[args.users :]
            ]
            print(f"running {args.users} creators + {args.generators} generators for {args.seconds:.0f} s ...",
                  file=sys.stderr, flush=True)  # fmt: skip
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started
            states = _final_states(base, task_ids, args.grace)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=30)

    total = sum(len(v) for v in record.latencies.values())
    all_latencies = [x for v in record.latencies.values() for x in v]
    p50, p95, p99 = _percentiles(all_latencies)
    print(f"\n{total} requests in {elapsed:.1f} s = {total / elapsed:,.1f} req/s; "
          f"latency p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms")  # fmt: skip
    print(f"{'request':32} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind in sorted(record.latencies):
        k50, k95, k99 = _percentiles(record.latencies[kind])
        print(f"{kind:32} {len(record.latencies[kind]):>7} {k50:>8.0f} {k95:>8.0f} {k99:>8.0f}")
    outcome = defaultdict(int)
    for state in states.values():
        outcome[state] += 1
    lost = sum(n for state, n in outcome.items() if state not in FINAL)
    print(f"generations: {len(task_ids)} started; " + ", ".join(f"{n} {s}" for s, n in sorted(outcome.items())))
    print(
        f"5xx responses: {len(record.server_errors)}; lost tasks: {lost}; other 4xx/errors: {dict(record.other_errors)}"
    )
    for line in record.server_errors[:5]:
        print("  ", line)
    return 1 if record.server_errors or lost else 0


def _final_states(base: str, task_ids: list[tuple[str, str]], grace: float) -> dict[str, str]:
    """Each task's status, asked as its owner, once all are final or when `grace` seconds have passed."""
    states: dict[str, str] = {}
    deadline = time.monotonic() + grace
    sessions: dict[str, requests.Session] = {}
    while True:
        for task_id, token in task_ids:
            if states.get(task_id) not in FINAL:
                session = sessions.setdefault(token, _session(token))
                response = session.get(f"{base}/api/v1/tasks/{task_id}", timeout=60)
                states[task_id] = (
                    response.json()["status"] if response.status_code == 200 else str(response.status_code)
                )
        if all(state in FINAL for state in states.values()) or time.monotonic() > deadline:
            return states
        time.sleep(1)


if __name__ == "__main__":
    sys.exit(main())
