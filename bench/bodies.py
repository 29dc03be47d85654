"""Oversized request bodies: how fast a 500 MB upload is refused, and whether liveness notices.

Before issue 15, Daphne read the whole body before the app could refuse it: a 500 MB multipart
upload to a missing path took 17.7 s to answer 404, grew the server by ~1 GB, and
`/health/liveness` took 16.7 s meanwhile. Now the server answers 413 from the headers
(sketchdojo.server). The client here is the worst case: it does not wait for `100 Continue`, it
streams the body at once, and it stops only when the answer arrives.

Figures: the refusal time of one upload; liveness latency (median and worst) while 4 clients upload
500 MB in a loop, against liveness on the idle server in the same run; the server's resident memory
growth over the whole run.
"""

from __future__ import annotations

import socket
import statistics
import threading
import time
from pathlib import Path

import requests

from bench import Measurement
from bench.api import LiveServer, is_quick

BODY_BYTES = 500 * 1024 * 1024
CHUNK = b"\0" * (1024 * 1024)


def upload_refusal(port: int, path: str = "/no-such-path") -> tuple[float, int, int]:
    """Streams a 500 MB multipart body; returns (seconds to the answer, status, bytes sent)."""
    sock = socket.create_connection(("127.0.0.1", port))
    sent = 0
    answered = threading.Event()

    def stream_body():
        nonlocal sent
        try:
            while sent < BODY_BYTES and not answered.is_set():
                sock.sendall(CHUNK)
                sent += len(CHUNK)
        except OSError:
            pass  # the server closed the connection: that is the point

    start = time.perf_counter()
    sock.sendall(
        b"POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n"
        b"Content-Length: %d\r\n\r\n" % (path.encode(), BODY_BYTES)
    )
    sender = threading.Thread(target=stream_body, daemon=True)
    sender.start()
    first = sock.recv(64)
    elapsed = time.perf_counter() - start
    answered.set()
    sock.close()
    sender.join(timeout=30)
    status = int(first.split(b" ", 2)[1]) if first.startswith(b"HTTP/1.1 ") else 0
    return elapsed, status, sent


def liveness_latencies(base_url: str, count: int, pause: float = 0.05) -> list[float]:
    latencies = []
    with requests.Session() as session:
        for _ in range(count):
            start = time.perf_counter()
            assert session.get(f"{base_url}/health/liveness", timeout=60).status_code == 200
            latencies.append(time.perf_counter() - start)
            time.sleep(pause)
    return latencies


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run() -> list[Measurement]:
    probes = 20 if is_quick() else 60
    with LiveServer() as server:
        pid = server.process.pid
        idle = liveness_latencies(server.base_url, probes)
        memory_before = resident_mb(pid)

        single, status, sent = upload_refusal(server.port)
        assert status == 413, f"expected 413, got {status}"

        stop = threading.Event()
        refusals: list[float] = []

        def upload_loop():
            while not stop.is_set():
                elapsed, loop_status, _ = upload_refusal(server.port)
                assert loop_status == 413, loop_status
                refusals.append(elapsed)

        uploaders = [threading.Thread(target=upload_loop, daemon=True) for _ in range(4)]
        for thread in uploaders:
            thread.start()
        during = liveness_latencies(server.base_url, probes)
        stop.set()
        for thread in uploaders:
            thread.join(timeout=60)
        memory_growth = max(0.0, resident_mb(pid) - memory_before)

    idle_median = statistics.median(idle)
    return [
        Measurement(
            f"500 MB multipart upload refused (413; {sent / 2**20:.0f} MiB sent before the answer)",
            single,
            "s",
            target=0.1,
            baseline=idle_median,
            baseline_name="idle liveness median",
        ),
        Measurement(
            f"refusal, median of {len(refusals)} uploads from 4 parallel clients",
            statistics.median(refusals),
            "s",
            target=0.1,
            baseline=idle_median,
            baseline_name="idle liveness median",
        ),
        Measurement(
            "liveness median during 4 parallel 500 MB uploads",
            statistics.median(during),
            "s",
            target=max(0.05, 3 * idle_median),
            baseline=idle_median,
            baseline_name="idle liveness median",
        ),
        Measurement(
            "liveness worst during 4 parallel 500 MB uploads",
            max(during),
            "s",
            target=0.5,
            baseline=max(idle),
            baseline_name="idle liveness worst",
        ),
        Measurement("server memory growth over all uploads", memory_growth, "MB", target=50.0),
    ]
