"""The engine's process pool draws and letters exactly what the caller would have, off its process."""

import os

import pytest

from sketchdojo.engine import pool
from sketchdojo.engine.lettering import Bubble
from sketchdojo.engine.planner.planner import LocalStoryPlanner
from sketchdojo.engine.providers.base import DrawRequest, PlanRequest


def _request() -> DrawRequest:
    script = LocalStoryPlanner().plan(
        PlanRequest(prompt="Alex finds a lantern in the storm and lights the village", panel_count=2, seed=7)
    )
    panel = next(p for p in script.panels if p.characters)
    return DrawRequest(script, panel, "webtoon", 240, 320, 3)


def _pid() -> int:
    return os.getpid()


@pytest.fixture
def running_pool():
    assert pool.start(workers=1) is True
    yield
    pool.stop()


def test_without_a_pool_the_work_runs_in_the_caller():
    assert pool.is_running() is False
    assert pool.run(_pid) == os.getpid()


def test_a_pool_of_no_processes_is_not_started():
    assert pool.start(workers=0) is False
    assert pool.is_running() is False


def test_the_pool_draws_and_letters_the_same_bytes_as_inline(running_pool):
    request = _request()
    bubbles = [Bubble(text="Look, a light!", style="normal", speaker=request.panel.characters[0].name)]

    inline_draw = pool.draw_encoded("local", request)
    pooled_draw = pool.run(pool.draw_encoded, "local", request)
    inline_letters = pool.letter_encoded(inline_draw.png, bubbles, inline_draw.faces, ["BOOM"])
    pooled_letters = pool.run(pool.letter_encoded, pooled_draw.png, bubbles, pooled_draw.faces, ["BOOM"])

    assert pool.run(_pid) != os.getpid()
    assert pooled_draw == inline_draw
    assert (pooled_draw.width, pooled_draw.height) == (240, 320)
    assert pooled_letters == inline_letters
    assert pooled_letters.png != pooled_draw.png
    assert [b["text"] for b in pooled_letters.bubbles] == ["Look, a light!"]


def test_an_error_in_a_pool_process_reaches_the_caller(running_pool):
    with pytest.raises(ValueError, match="Unknown image provider 'nope'"):
        pool.run(pool.draw_encoded, "nope", _request())


def test_the_pool_composes_the_same_strip_as_inline(running_pool):
    request = _request()
    panel = pool.draw_encoded("local", request).png
    arguments = ([panel, panel], [0, 1])
    options = {"thumbnail_width": 100, "strip_quality": 90, "thumbnail_quality": 85}

    pooled = pool.run(pool.compose_encoded, *arguments, **options)

    assert pooled == pool.compose_encoded(*arguments, **options)
    assert pooled.strip[:3] == pooled.thumbnail[:3] == b"\xff\xd8\xff"  # JPEG
