"""The strip composer: lettered panels become one vertical-scroll strip.

Vertical comics pace a story with white space: panels of one scene sit close together, and a
scene change gets a wide gap, the reader's "meanwhile". Every panel is scaled to the strip width
(800 px, what the guide's readers expect). The layout is computed separately from the pixels so
the exports can cut the strip inside gutters, never through a panel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image

from sketchdojo.engine.layout import STRIP_WIDTH

GUTTER = 24
SCENE_GUTTER = 96


@dataclass(frozen=True)
class StripLayout:
    """Where each panel goes in the strip (y offset, height) and the gutters between them."""

    width: int
    height: int
    panel_tops: tuple[int, ...]
    panel_heights: tuple[int, ...]
    # (top, bottom) of every blank band: the top margin, each gutter, the bottom margin.
    gutters: tuple[tuple[int, int], ...]


def scaled_height(size: tuple[int, int], width: int) -> int:
    return max(1, round(size[1] * width / size[0]))


def strip_layout(
    sizes: Sequence[tuple[int, int]], scene_ids: Sequence[int], *, width: int = STRIP_WIDTH
) -> StripLayout:
    """Lay out panels of `sizes` top to bottom: a wide gutter where the scene changes, a narrow one inside."""
    if len(sizes) != len(scene_ids):
        raise ValueError(f"{len(sizes)} panels but {len(scene_ids)} scene ids.")
    if not sizes:
        raise ValueError("A strip needs at least one panel.")
    tops, heights, gutters = [], [], []
    y = GUTTER
    gutters.append((0, GUTTER))
    for i, size in enumerate(sizes):
        if i:
            gap = SCENE_GUTTER if scene_ids[i] != scene_ids[i - 1] else GUTTER
            gutters.append((y, y + gap))
            y += gap
        height = scaled_height(size, width)
        tops.append(y)
        heights.append(height)
        y += height
    gutters.append((y, y + GUTTER))
    return StripLayout(width, y + GUTTER, tuple(tops), tuple(heights), tuple(gutters))


def fit_width(image: Image.Image, width: int) -> Image.Image:
    """`image` in RGB, scaled to `width` keeping its proportions (untouched when already that wide)."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    if rgb.width == width:
        return rgb
    return rgb.resize((width, scaled_height(rgb.size, width)), Image.Resampling.LANCZOS)


def compose_strip(
    panels: list[Image.Image], scene_ids: list[int], *, width: int = STRIP_WIDTH, background=(255, 255, 255)
) -> Image.Image:
    """One vertical strip `width` px wide from `panels` in reading order, gutters by scene."""
    layout = strip_layout([p.size for p in panels], scene_ids, width=width)
    strip = Image.new("RGB", (layout.width, layout.height), background)
    for panel, top in zip(panels, layout.panel_tops, strict=True):
        strip.paste(fit_width(panel, width), (0, top))
    return strip
