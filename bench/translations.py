"""Translations (issue 17): re-lettering a whole webtoon in another language, as PUT .../translations/{lang} does.

Saving a translation letters every drawn panel again, inline in the request, from its raw art: read
the raw PNG, letter it with the translated bubbles (placed afresh, sized for the new text), encode
the PNG. The figure is that work for a 20-panel webtoon with German texts (about 1.4x the English
length), against the same work with the original texts in the same run (what editing a panel's
dialogue already costs, inline, per panel). Storage writes and row updates are not in the figure.
"""

from __future__ import annotations

import io
import statistics
import time

from PIL import Image

from bench import Measurement
from bench.engine import CHARACTERS, PROMPT
from sketchdojo.engine.lettering import Bubble, letter_panel
from sketchdojo.engine.providers import PlanRequest
from sketchdojo.engine.run import generate_webtoon_locally

PANELS = 20
GERMAN = (
    "Donnerwetter, die Schattenungeheuer überfallen unser Dorf!",
    "Ich spüre, wie der Sturm mir antwortet.",
    "Niemand außer mir kann das Dorf jetzt noch beschützen.",
    "Bleib hinter mir, Mira, und halte die Laterne hoch!",
)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def _reletter(raws: list[bytes], bubbles: list[list[Bubble]], faces) -> float:
    started = time.perf_counter()
    for raw, panel_bubbles, panel_faces in zip(raws, bubbles, faces, strict=True):
        image = Image.open(io.BytesIO(raw))
        image.load()
        _png(letter_panel(image, panel_bubbles, panel_faces).image)
    return time.perf_counter() - started


def run() -> list[Measurement]:
    webtoon = generate_webtoon_locally(
        request=PlanRequest(prompt=PROMPT, panel_count=PANELS, characters=CHARACTERS, seed=7), keep_raw=True
    )
    raws = [_png(image) for image in webtoon.raw_panels]
    original = [[Bubble(text=b.text, style=b.style, speaker=b.speaker) for b in panel] for panel in webtoon.bubbles]
    german = [
        [Bubble(text=GERMAN[(p + i) % len(GERMAN)], style=b.style, speaker=b.speaker) for i, b in enumerate(panel)]
        for p, panel in enumerate(webtoon.bubbles)
    ]
    runs = 3
    translated = statistics.median(_reletter(raws, german, webtoon.faces) for _ in range(runs))
    baseline = statistics.median(_reletter(raws, original, webtoon.faces) for _ in range(runs))
    return [
        Measurement(
            f"re-letter a {PANELS}-panel webtoon in German (median of {runs})",
            translated,
            "s",
            target=2.0,
            baseline=baseline,
            baseline_name="same panels, original texts",
        ),
        Measurement("  per panel", translated / PANELS * 1000, "ms"),
    ]
