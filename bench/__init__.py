"""Benchmarks: figures with their targets, run by `make bench` (`python -m bench`).

Timings never go in tests (a loaded CI box would make them flaky); they live here and are read by
people. Each benchmark module has `run() -> list[Measurement]`; list it in `BENCHMARKS` to have
`python -m bench` run it. Every measurement names its target and, where one makes sense, a
baseline measured in the same run, so a slow machine shows as a slow baseline, not a regression.
"""

from __future__ import annotations

from dataclasses import dataclass

# The registry: one line per benchmark module (each exposes `run() -> list[Measurement]`).
BENCHMARKS = [
    "bench.engine",
    "bench.planner",
    "bench.providers",
    "bench.pipeline",
    "bench.api",
    "bench.websocket",
    "bench.live",
    "bench.bodies",
    "bench.exports",
    "bench.translations",
]


@dataclass(frozen=True)
class Measurement:
    """One figure: lower is better; `target` is the most it may be, `baseline` a same-run reference."""

    name: str
    value: float
    unit: str
    target: float | None = None
    baseline: float | None = None
    baseline_name: str = ""

    @property
    def meets_target(self) -> bool | None:
        return None if self.target is None else self.value <= self.target

    @property
    def ratio(self) -> float | None:
        return None if not self.baseline else self.value / self.baseline
