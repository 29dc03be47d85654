"""The in-process pipeline: panels come back in reading order, lettered, with progress for every step."""

import gc
import threading
import time
import weakref
from datetime import UTC, datetime

import pytest
from PIL import Image

from sketchdojo.engine.compose import GUTTER, SCENE_GUTTER
from sketchdojo.engine.exports import EXPORT_FORMATS, ExportMeta, export_webtoons
from sketchdojo.engine.providers import (
    DrawResult,
    FaceBox,
    ImageProvider,
    LLMProvider,
    PlanRequest,
    ProviderContentRefused,
)
from sketchdojo.engine.run import export_all, generate_webtoon_locally, iter_webtoon_exports, panel_seed
from sketchdojo.engine.script import Script

SCRIPT = {
    "title": "Storm Caller",
    "synopsis": "Alex finds lightning in his hands.",
    "characters": [
        {
            "name": "Alex",
            "description": "spiky black hair, blue jacket",
            "palette": {
                "hair": "#111111", "eyes": "#2255ff", "skin": "#f0c8a0", "outfit": "#2244aa", "accent": "#ffd700"
            },
            "seed": 1,
        }
    ],
    "scenes": [{"index": 0, "location": "village"}, {"index": 1, "location": "forest"}],
    "panels": [
        {"sequence": 1, "scene": 0, "shot": "wide", "description": "The village", "caption": "That night..."},
        {
            "sequence": 2,
            "scene": 0,
            "description": "Alex looks up",
            "dialogue": [{"speaker": "Alex", "text": "What was that?", "style": "normal"}],
        },
        {"sequence": 3, "scene": 1, "shot": "close_up", "description": "Lightning", "sfx": ["KRAK"]},
    ],
}  # fmt: skip


class ScriptedPlanner(LLMProvider):
    """Test double: always plans the same script."""

    name = "scripted"

    def __init__(self):
        self.requests = []

    def plan(self, request):
        self.requests.append(request)
        return Script.model_validate(SCRIPT)


class SolidArtist(ImageProvider):
    """Test double: paints each panel one colour; earlier panels finish last, to scramble completion order."""

    name = "solid"
    max_concurrency = 3

    def __init__(self, fail_on: int | None = None):
        self.fail_on = fail_on
        self.seeds: dict[int, int] = {}
        self.threads: set[str] = set()
        self.drawn: list[weakref.ref] = []

    def draw(self, request):
        sequence = request.panel.sequence
        if sequence == self.fail_on:
            raise ProviderContentRefused("refused", provider="solid")
        time.sleep(0.02 * (4 - sequence))
        self.seeds[sequence] = request.seed
        self.threads.add(threading.current_thread().name)
        image = Image.new("RGB", (request.width, request.height), (sequence * 60, 90, 120))
        self.drawn.append(weakref.ref(image))
        return DrawResult(image=image, faces=[FaceBox("Alex", (350, 300, 450, 400))])


def test_panels_are_planned_drawn_lettered_and_composed_in_reading_order():
    artist = SolidArtist()
    steps = []
    request = PlanRequest(prompt="Alex and the storm", panel_count=3, seed=5)

    webtoon = generate_webtoon_locally(
        request=request, llm=ScriptedPlanner(), image=artist, progress=lambda *s: steps.append(s), keep_raw=True
    )

    assert [p.getpixel((5, 5))[0] for p in webtoon.raw_panels] == [60, 120, 180]
    assert [p.size for p in webtoon.raw_panels] == [(800, 640), (800, 800), (800, 800)]
    assert [[b.text for b in bubbles] for bubbles in webtoon.bubbles] == [["That night..."], ["What was that?"], []]
    assert all(a.tobytes() != b.tobytes() for a, b in zip(webtoon.raw_panels, webtoon.lettered_panels, strict=True))
    assert webtoon.strip.size == (800, 640 + 800 + 800 + 3 * GUTTER + SCENE_GUTTER)
    assert webtoon.scene_ids == [0, 0, 1]
    assert artist.seeds == {n: panel_seed(5, n) for n in (1, 2, 3)}
    assert steps[:2] == [("plan", 0, 1), ("plan", 1, 1)]
    assert [s for s in steps if s[0] == "draw"][-1] == ("draw", 3, 3)
    assert [s for s in steps if s[0] == "letter"][-1] == ("letter", 3, 3)
    assert steps[-2:] == [("compose", 0, 1), ("compose", 1, 1)]


def test_panels_are_drawn_in_parallel_up_to_the_providers_limit():
    artist = SolidArtist()

    generate_webtoon_locally(request=PlanRequest(prompt="x", panel_count=3), llm=ScriptedPlanner(), image=artist)

    assert 1 < len(artist.threads) <= 3


def test_a_provider_error_on_one_panel_fails_the_run_with_that_error():
    with pytest.raises(ProviderContentRefused, match="refused"):
        generate_webtoon_locally(
            request=PlanRequest(prompt="x", panel_count=3), llm=ScriptedPlanner(), image=SolidArtist(fail_on=2)
        )


def test_by_default_the_drawn_art_is_let_go_once_lettered_and_the_strip_is_laid_out_not_composed():
    artist = SolidArtist()

    webtoon = generate_webtoon_locally(
        request=PlanRequest(prompt="x", panel_count=3), llm=ScriptedPlanner(), image=artist
    )
    gc.collect()

    assert webtoon.raw_panels == []
    assert len(artist.drawn) == 3
    assert [ref() for ref in artist.drawn] == [None, None, None]
    assert webtoon.faces == [[FaceBox("Alex", (350, 300, 450, 400))]] * 3
    assert "strip" not in vars(webtoon)
    assert (webtoon.layout.width, webtoon.layout.height) == (800, 640 + 800 + 800 + 3 * GUTTER + SCENE_GUTTER)
    with webtoon.compose_strip() as strip:
        assert strip.size == (webtoon.layout.width, webtoon.layout.height)
        assert strip.tobytes() == webtoon.strip.tobytes()


def test_exports_come_one_at_a_time_with_progress_and_match_all_at_once():
    webtoon = generate_webtoon_locally(
        request=PlanRequest(prompt="x", panel_count=3), llm=ScriptedPlanner(), image=SolidArtist()
    )
    meta = ExportMeta(title="Storm Caller", created=datetime(2026, 3, 4, tzinfo=UTC))
    steps = []

    one_by_one = [(fmt, f.data) for fmt, f in iter_webtoon_exports(webtoon, meta, progress=lambda *s: steps.append(s))]

    together = export_webtoons(EXPORT_FORMATS, panels=webtoon.lettered_panels, scene_ids=[0, 0, 1], meta=meta)
    assert one_by_one == [(fmt, together[fmt].data) for fmt in EXPORT_FORMATS]
    assert {fmt: f.data for fmt, f in export_all(webtoon, meta).items()} == dict(one_by_one)
    assert steps == [("export", n, 4) for n in range(5)]
