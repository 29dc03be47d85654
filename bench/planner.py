"""Planning with the offline planner: a script of 8 panels from a prompt, in ≤ 20 ms (issue 12).

The prompts are the test stories of `sketchdojo/engine/tests/test_planner_stories.py` (21 stories,
six languages); the figure is the median over them of the best of a few runs each. The baseline is
what any planner pays at least: validating a script of the same size (`Script.model_validate`).
"""

from __future__ import annotations

import os
import statistics
import time

from bench import Measurement
from sketchdojo.engine.planner import LocalStoryPlanner
from sketchdojo.engine.providers import CharacterBrief, PlanRequest
from sketchdojo.engine.script import Script

PANELS = 8


def _best_ms(fn, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def run() -> list[Measurement]:
    from sketchdojo.engine.tests.test_planner_stories import STORIES

    repeats = 2 if os.environ.get("BENCH_QUICK") else 7
    planner = LocalStoryPlanner()
    plan_ms, validate_ms = [], []
    for story in STORIES.values():
        request = PlanRequest(
            prompt=story.prompt,
            panel_count=PANELS,
            characters=tuple(CharacterBrief(name=n) for n in story.project),
        )
        script = planner.plan(request)
        dumped = script.model_dump()
        plan_ms.append(_best_ms(lambda request=request: planner.plan(request), repeats))
        validate_ms.append(_best_ms(lambda dumped=dumped: Script.model_validate(dumped), repeats))
    return [
        Measurement(
            name=f"plan {PANELS} panels (median of {len(STORIES)} stories)",
            value=statistics.median(plan_ms),
            unit="ms",
            target=20.0,
            baseline=statistics.median(validate_ms),
            baseline_name="validate a script of that size",
        ),
        Measurement(name=f"plan {PANELS} panels, slowest story", value=max(plan_ms), unit="ms", target=20.0),
    ]
