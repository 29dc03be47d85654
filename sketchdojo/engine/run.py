"""The whole pipeline in one process: plan, draw (in parallel), letter, compose.

The management command and the benchmark need a webtoon from a prompt without a database, a
broker or a web server; this is that path. Celery tasks run the same steps one by one against the
database (so they can resume and report per step), but the step functions are the same: the
provider's `plan`/`draw`, `letter_panel`, `compose_strip`, `export_webtoon`.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from PIL import Image

from sketchdojo.engine.compose import compose_strip
from sketchdojo.engine.exports import EXPORT_FORMATS, ExportFile, ExportMeta, export_webtoons
from sketchdojo.engine.layout import panel_size
from sketchdojo.engine.lettering import Bubble, LetterResult, bubbles_from_panel, letter_panel
from sketchdojo.engine.providers import (
    DrawRequest,
    DrawResult,
    FaceBox,
    ImageProvider,
    LLMProvider,
    PlanRequest,
    get_image_provider,
    get_llm_provider,
)
from sketchdojo.engine.script import PanelScript, Script

Progress = Callable[[str, int, int], None]


@dataclass
class GeneratedWebtoon:
    """Everything one run produced, panels in reading order."""

    script: Script
    raw_panels: list[Image.Image]
    lettered_panels: list[Image.Image]
    faces: list[list[FaceBox]]
    bubbles: list[list[Bubble]]
    strip: Image.Image

    @property
    def scene_ids(self) -> list[int]:
        return [panel.scene for panel in self.script.panels]


def panel_seed(request_seed: int, sequence: int) -> int:
    """A stable seed per panel: the same request draws the same panels."""
    return (request_seed * 1_000_003 + sequence * 7_919) % 2**32


def draw_request(script: Script, panel: PanelScript, *, seed: int) -> DrawRequest:
    width, height = panel_size(panel.shot)
    return DrawRequest(
        script=script,
        panel=panel,
        style=script.style.value,
        width=width,
        height=height,
        seed=panel_seed(seed, panel.sequence),
    )


def letter_drawn_panel(panel: PanelScript, drawn: DrawResult) -> LetterResult:
    return letter_panel(drawn.image, bubbles_from_panel(panel), drawn.faces, sfx=panel.sfx)


def generate_webtoon_locally(
    *,
    request: PlanRequest,
    llm: LLMProvider | None = None,
    image: ImageProvider | None = None,
    concurrency: int = 4,
    progress: Progress | None = None,
) -> GeneratedWebtoon:
    """Plan the story, draw and letter every panel (`concurrency` at a time), compose the strip.

    `progress(step, done, total)` is called from this thread only, for steps plan, draw, letter
    and compose. Provider errors propagate unchanged (see providers.base for what each means).
    """
    llm = llm or get_llm_provider()
    image = image or get_image_provider()
    report = progress or (lambda step, done, total: None)

    report("plan", 0, 1)
    script = llm.plan(request)
    report("plan", 1, 1)

    panels = script.panels
    count = len(panels)
    drawn: list[DrawResult | None] = [None] * count
    lettered: list[LetterResult | None] = [None] * count
    report("draw", 0, count)
    report("letter", 0, count)
    workers = max(1, min(concurrency, image.max_concurrency, count))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="panel") as pool:
        pending: dict[Future, tuple[str, int]] = {}
        for i, panel in enumerate(panels):
            # Each draw runs in its own copy of this context, so a `collect_calls()` around the run sees its calls.
            draw = pool.submit(
                contextvars.copy_context().run, image.draw, draw_request(script, panel, seed=request.seed)
            )
            pending[draw] = ("draw", i)
        drawn_count = lettered_count = 0
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                step, i = pending.pop(future)
                try:
                    result = future.result()
                except BaseException:
                    # One failed panel fails the run: don't start panels nobody will use.
                    for other in pending:
                        other.cancel()
                    raise
                if step == "draw":
                    drawn[i] = result
                    drawn_count += 1
                    report("draw", drawn_count, count)
                    pending[pool.submit(letter_drawn_panel, panels[i], result)] = ("letter", i)
                else:
                    lettered[i] = result
                    lettered_count += 1
                    report("letter", lettered_count, count)

    report("compose", 0, 1)
    lettered_images = [result.image for result in lettered]
    strip = compose_strip(lettered_images, [panel.scene for panel in panels])
    report("compose", 1, 1)
    return GeneratedWebtoon(
        script=script,
        raw_panels=[result.image for result in drawn],
        lettered_panels=lettered_images,
        faces=[list(result.faces) for result in drawn],
        bubbles=[result.bubbles for result in lettered],
        strip=strip,
    )


def export_all(
    webtoon: GeneratedWebtoon, meta: ExportMeta, *, progress: Progress | None = None
) -> dict[str, ExportFile]:
    """Every export format of a generated webtoon, by format name (page images encoded once)."""
    report = progress or (lambda step, done, total: None)
    report("export", 0, len(EXPORT_FORMATS))
    files = export_webtoons(EXPORT_FORMATS, panels=webtoon.lettered_panels, scene_ids=webtoon.scene_ids, meta=meta)
    report("export", len(EXPORT_FORMATS), len(EXPORT_FORMATS))
    return files
