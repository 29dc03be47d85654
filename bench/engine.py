"""The generation engine with the offline providers: per panel, a whole webtoon, and memory.

Targets (issue 3, on the 2-core box): draw + letter one panel in ≤ 100 ms (median over every art
style), a 20-panel webtoon end to end (plan, draw, letter, compose, all four exports) in ≤ 3 s,
and ≤ 300 MB peak memory. The baseline is what any image pipeline pays at least: creating a blank
image of the same size and saving it as PNG.
"""

from __future__ import annotations

import io
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from PIL import Image, ImageDraw

from bench import Measurement
from sketchdojo.engine.exports import EXPORT_FORMATS, ExportMeta
from sketchdojo.engine.lettering import Bubble, letter_panel
from sketchdojo.engine.providers import CharacterBrief, FaceBox, PlanRequest, get_image_provider, get_llm_provider
from sketchdojo.engine.run import draw_request, generate_webtoon_locally, iter_webtoon_exports, letter_drawn_panel
from sketchdojo.engine.script import ArtStyle

PROMPT = "Alex discovers his lightning powers during a storm and must save his village from shadow monsters"
CHARACTERS = (
    CharacterBrief(
        name="Alex",
        role="protagonist",
        description="A brave teenager with spiky black hair, bright blue eyes and a blue jacket.",
        appearance={"hair": "spiky black", "eyes": "blue", "outfit": "blue jacket"},
    ),
    CharacterBrief(name="Mira", role="supporting", description="Alex's friend, long red hair, green cloak."),
)
PANELS_PER_STYLE = 4
WEBTOON_PANELS = 20
CONCURRENCY = 4


def _ms(seconds: float) -> float:
    return seconds * 1000


def _blank_save_seconds(size: tuple[int, int]) -> float:
    started = time.perf_counter()
    Image.new("RGB", size, (120, 160, 200)).save(io.BytesIO(), "PNG")
    return time.perf_counter() - started


def _panel_figures(llm, artist) -> list[Measurement]:
    draw_ms, letter_ms, total_ms, baseline_ms = [], [], [], []
    for i, style in enumerate(ArtStyle):
        request = PlanRequest(
            prompt=PROMPT, panel_count=PANELS_PER_STYLE, art_style=style.value, characters=CHARACTERS, seed=i
        )
        script = llm.plan(request)
        for panel in script.panels:
            draw = draw_request(script, panel, seed=i)
            started = time.perf_counter()
            drawn = artist.draw(draw)
            drawn_at = time.perf_counter()
            letter_drawn_panel(panel, drawn)
            finished = time.perf_counter()
            draw_ms.append(_ms(drawn_at - started))
            letter_ms.append(_ms(finished - drawn_at))
            total_ms.append(_ms(finished - started))
            baseline_ms.append(_ms(_blank_save_seconds((draw.width, draw.height))))
    baseline = statistics.median(baseline_ms)
    count = len(total_ms)
    return [
        Measurement(f"draw + letter one panel (median of {count}, 8 styles)", statistics.median(total_ms), "ms",
                    target=100, baseline=baseline, baseline_name="blank new+PNG save"),
        Measurement("  of which draw (median)", statistics.median(draw_ms), "ms",
                    baseline=baseline, baseline_name="blank new+PNG save"),
        Measurement("  of which letter (median)", statistics.median(letter_ms), "ms",
                    baseline=baseline, baseline_name="blank new+PNG save"),
        Measurement("draw + letter one panel (slowest)", max(total_ms), "ms"),
    ]  # fmt: skip


LATIN_BUBBLES = [
    Bubble("The storm woke something in the village that night.", "narration"),
    Bubble("Lightning answered when I called it!", "shout", speaker="Alex"),
    Bubble("Then you must protect everyone here.", speaker="Mira"),
]
# Every font of the fallback chain in one panel: Noto CJK (Japanese, Korean), Cyrillic, colour emoji.
MIXED_BUBBLES = [
    Bubble("嵐の夜、村は静まり返っていた。", "narration"),
    Bubble("조심해, 뒤에 있어!", "shout", speaker="Alex"),
    Bubble("Не бойся! Я рядом 🙂⚡", speaker="Mira"),  # noqa: RUF001 (Cyrillic on purpose)
]


def _letter_three_bubbles(bubbles: list[Bubble] = LATIN_BUBBLES, label: str = "") -> Measurement:
    image = Image.new("RGB", (800, 800), (110, 150, 210))
    draw = ImageDraw.Draw(image)
    faces = [FaceBox("Alex", (160, 420, 280, 540)), FaceBox("Mira", (520, 400, 640, 520))]
    for face in faces:
        draw.ellipse(face.box, fill=(240, 200, 170))
    letter_panel(image, bubbles, faces)  # fonts loaded once, as in a running worker
    times, baseline = [], []
    for _ in range(30):
        started = time.perf_counter()
        letter_panel(image, bubbles, faces)
        times.append(_ms(time.perf_counter() - started))
        baseline.append(_ms(_blank_save_seconds(image.size)))
    return Measurement(f"letter a panel with 3 balloons{label} (median of 30)", statistics.median(times), "ms",
                       target=30, baseline=statistics.median(baseline), baseline_name="blank new+PNG save")  # fmt: skip


def _webtoon(llm, artist) -> None:
    """What a worker does: generate, then build every export, handing each off before the next.

    The strip is laid out and its pixels composed segment by segment inside the PNG export (as
    the product does); nothing here asks for the whole strip as one image, so it is not built.
    """
    request = PlanRequest(prompt=PROMPT, panel_count=WEBTOON_PANELS, art_style="webtoon", characters=CHARACTERS)
    webtoon = generate_webtoon_locally(request=request, llm=llm, image=artist, concurrency=CONCURRENCY)
    meta = ExportMeta(title=webtoon.script.title, summary=webtoon.script.synopsis, style="webtoon")
    built = []
    for fmt, exported in iter_webtoon_exports(webtoon, meta):
        assert exported.data, fmt  # built for real; the bytes are then let go, like a file written out
        built.append(fmt)
        del exported
    assert tuple(built) == EXPORT_FORMATS


def _webtoon_figures(llm, artist) -> list[Measurement]:
    started = time.perf_counter()
    _webtoon(llm, artist)
    seconds = time.perf_counter() - started
    baseline_started = time.perf_counter()
    for _ in range(WEBTOON_PANELS):
        _blank_save_seconds((800, 800))
    baseline = time.perf_counter() - baseline_started

    tracemalloc.start()
    _webtoon(llm, artist)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_mb = _fresh_worker_peak_rss_mb()
    return [
        Measurement(f"{WEBTOON_PANELS}-panel webtoon end to end (plan, draw, letter, compose, 4 exports)", seconds,
                    "s", target=3, baseline=baseline, baseline_name=f"{WEBTOON_PANELS} blank new+PNG saves"),
        Measurement("peak Python heap during that run (tracemalloc)", traced_peak / 2**20, "MB", target=300),
        Measurement("peak resident memory, fresh Django process doing it (VmHWM)", max_rss_mb, "MB",
                    target=300),
    ]  # fmt: skip


def _fresh_worker_peak_rss_mb() -> float:
    """Peak RSS of a new process (Django set up, like a worker) generating and exporting one webtoon.

    Measured in a child so that this process' earlier benchmarks and tracemalloc's own
    bookkeeping do not count.
    """
    child = subprocess.run(
        [sys.executable, "-m", "bench.engine", "--peak-rss"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings")},
    )
    return float(child.stdout.strip().splitlines()[-1])


def _print_peak_rss() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    _webtoon(get_llm_provider("local"), get_image_provider("local"))
    print(_peak_rss_mb())


def _peak_rss_mb() -> float:
    """This process' own peak resident memory.

    Linux's VmHWM, not `ru_maxrss`: a child started by fork/vfork + exec inherits its parent's
    peak into `ru_maxrss` (the kernel folds the pre-exec memory map's high-water mark into it), so
    there this benchmark's child would report the parent's peak whenever that is the larger.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    divisor = 2**20 if sys.platform == "darwin" else 1024  # macOS reports bytes, Linux KiB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / divisor


def run() -> list[Measurement]:
    llm, artist = get_llm_provider("local"), get_image_provider("local")
    _webtoon(llm, artist)  # warm-up: imports, fonts, caches, as in a long-running worker
    return [
        *_panel_figures(llm, artist),
        _letter_three_bubbles(),
        _letter_three_bubbles(MIXED_BUBBLES, ", Japanese, Korean, Russian, emoji"),
        *_webtoon_figures(llm, artist),
    ]


if __name__ == "__main__" and sys.argv[1:] == ["--peak-rss"]:
    _print_peak_rss()
