"""The whole pipeline in one process: plan, draw (in parallel), letter, compose.

The management command and the benchmark need a webtoon from a prompt without a database, a
broker or a web server; this is that path. Celery tasks run the same steps one by one against the
database (so they can resume and report per step), but the step functions are the same: the
provider's `plan`/`draw`, `letter_panel`, `compose_strip`, `export_webtoon`.

Memory is what limits a small worker, so a run holds only what its caller needs: the lettered
panels (the raw art only with `keep_raw=True`), the strip's layout but not its pixels (the whole
strip is ~60 MB for 20 panels; `compose_strip()` makes it on demand), and exports one at a time
(`iter_exports`).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from functools import cached_property

from PIL import Image

from sketchdojo.engine.compose import StripLayout, compose_strip, strip_layout
from sketchdojo.engine.exports import EXPORT_FORMATS, ExportFile, ExportMeta, iter_exports
from sketchdojo.engine.layout import panel_size
from sketchdojo.engine.lettering import Bubble, LetterResult, bubbles_from_panel, letter_panel
from sketchdojo.engine.providers import (
    DrawRequest,
    DrawResult,
    FaceBox,
    ImageProvider,
    LLMProvider,
    PlanRequest,
    canonical_look,
    get_image_provider,
    get_llm_provider,
)
from sketchdojo.engine.script import PanelScript, Script

Progress = Callable[[str, int, int], None]


@dataclass
class GeneratedWebtoon:
    """Everything one run produced, panels in reading order.

    `raw_panels` (the art before lettering) is empty unless the run was asked to `keep_raw`.
    `strip` is composed on first access and then kept; `compose_strip()` gives a fresh one the
    caller can close as soon as it is saved.
    """

    script: Script
    lettered_panels: list[Image.Image]
    faces: list[list[FaceBox]]
    bubbles: list[list[Bubble]]
    layout: StripLayout
    raw_panels: list[Image.Image] = field(default_factory=list)

    @property
    def scene_ids(self) -> list[int]:
        return [panel.scene for panel in self.script.panels]

    def compose_strip(self) -> Image.Image:
        """The lettered panels as one vertical strip (a new image each call)."""
        return compose_strip(self.lettered_panels, self.scene_ids, width=self.layout.width)

    @cached_property
    def strip(self) -> Image.Image:
        return self.compose_strip()


def panel_seed(request_seed: int, sequence: int) -> int:
    """A stable seed per panel: the same request draws the same panels."""
    return (request_seed * 1_000_003 + sequence * 7_919) % 2**32


def draw_request(script: Script, panel: PanelScript, *, seed: int, looks: dict[str, str] | None = None) -> DrawRequest:
    width, height = panel_size(panel.shot)
    return DrawRequest(
        script=script,
        panel=panel,
        style=script.style.value,
        width=width,
        height=height,
        seed=panel_seed(seed, panel.sequence),
        looks=dict(looks or {}),
    )


def request_looks(request: PlanRequest, script: Script) -> dict[str, str]:
    """The canonical look of each character the request describes, by its name in the script's cast:
    what the caller stored wins over whatever the planner wrote (characters it invented keep theirs)."""
    given = {b.name.strip().casefold(): canonical_look(b.description, b.appearance) for b in request.characters}
    return {c.name: given[c.name.casefold()] for c in script.characters if given.get(c.name.casefold())}


def letter_drawn_panel(panel: PanelScript, drawn: DrawResult) -> LetterResult:
    return letter_panel(drawn.image, bubbles_from_panel(panel), drawn.faces, sfx=panel.sfx)


def generate_webtoon_locally(
    *,
    request: PlanRequest,
    llm: LLMProvider | None = None,
    image: ImageProvider | None = None,
    concurrency: int = 4,
    progress: Progress | None = None,
    keep_raw: bool = False,
) -> GeneratedWebtoon:
    """Plan the story, draw and letter every panel (`concurrency` at a time), lay out the strip.

    A drawn panel is let go as soon as it is lettered unless `keep_raw` (tests and tools that
    compare the art before and after lettering). `progress(step, done, total)` is called from this
    thread only, for steps plan, draw, letter and compose. Provider errors propagate unchanged
    (see providers.base for what each means).
    """
    llm = llm or get_llm_provider()
    image = image or get_image_provider()
    report = progress or (lambda step, done, total: None)

    report("plan", 0, 1)
    script = llm.plan(request)
    report("plan", 1, 1)

    looks = request_looks(request, script)
    panels = script.panels
    count = len(panels)
    raw: list[Image.Image | None] = [None] * count
    faces: list[list[FaceBox]] = [[] for _ in panels]
    lettered: list[LetterResult | None] = [None] * count
    report("draw", 0, count)
    report("letter", 0, count)
    workers = max(1, min(concurrency, image.max_concurrency, count))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="panel") as pool:
        pending: dict[Future, tuple[str, int]] = {}
        next_draw = 0

        def submit_draw() -> None:
            # Each draw runs in its own copy of this context, so a `collect_calls()` around the run sees its calls.
            nonlocal next_draw
            draw = draw_request(script, panels[next_draw], seed=request.seed, looks=looks)
            pending[pool.submit(contextvars.copy_context().run, image.draw, draw)] = ("draw", next_draw)
            next_draw += 1

        # Draws are fed `workers` at a time and a finished draw's lettering queues before the next
        # draw: queueing every draw up front would hold all the raw art before any is lettered.
        while next_draw < min(workers, count):
            submit_draw()
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
                    faces[i] = list(result.faces)
                    if keep_raw:
                        raw[i] = result.image
                    drawn_count += 1
                    report("draw", drawn_count, count)
                    pending[pool.submit(letter_drawn_panel, panels[i], result)] = ("letter", i)
                    if next_draw < count:
                        submit_draw()
                else:
                    lettered[i] = result
                    lettered_count += 1
                    report("letter", lettered_count, count)
            # Drop this round's references, so a drawn image is freed once its lettering is done.
            done = future = result = None

    report("compose", 0, 1)
    layout = strip_layout([result.image.size for result in lettered], [panel.scene for panel in panels])
    report("compose", 1, 1)
    return GeneratedWebtoon(
        script=script,
        lettered_panels=[result.image for result in lettered],
        faces=faces,
        bubbles=[result.bubbles for result in lettered],
        layout=layout,
        raw_panels=raw if keep_raw else [],
    )


def iter_webtoon_exports(
    webtoon: GeneratedWebtoon,
    meta: ExportMeta,
    *,
    formats: tuple[str, ...] = EXPORT_FORMATS,
    progress: Progress | None = None,
) -> Iterator[tuple[str, ExportFile]]:
    """(format, file) for each export in turn: save or send one before asking for the next."""
    report = progress or (lambda step, done, total: None)
    files = iter_exports(formats, panels=webtoon.lettered_panels, scene_ids=webtoon.scene_ids, meta=meta)
    report("export", 0, len(formats))
    for done, (fmt, exported) in enumerate(files, start=1):
        yield fmt, exported
        del exported  # not held while the next file is built
        report("export", done, len(formats))


def export_all(
    webtoon: GeneratedWebtoon, meta: ExportMeta, *, progress: Progress | None = None
) -> dict[str, ExportFile]:
    """Every export format of a generated webtoon, by format name (page images encoded once).

    All files are held together; `iter_webtoon_exports` holds one at a time.
    """
    return dict(iter_webtoon_exports(webtoon, meta, progress=progress))
