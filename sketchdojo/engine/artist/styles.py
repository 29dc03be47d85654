"""Art styles as a strategy table: how shapes are drawn, how colours shift, which finish is applied.

Each `StyleSpec` says how the figure is proportioned (chibi's big head), how lines look (comic's
thick black ink, sketch's rough pencil), how every colour is transformed (pastel, muted, vivid) and
which post-processing finish turns the drawn panel into the style (screentone, halftone, pencil,
vignette, brushwork). Finishes use cached, pre-tiled pattern images and whole-image C operations
(`Image.composite`, `ImageChops`, one blur at most), so a style costs a few milliseconds.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from sketchdojo.engine.artist.colour import WHITE, Rgb, mix, saturate

Finish = Callable[[Image.Image], Image.Image]


@dataclass(frozen=True)
class Proportions:
    """Body lengths in head heights: a person is `1 + neck + torso + legs` heads tall."""

    neck: float
    torso: float
    legs: float
    arms: float
    shoulders: float
    limb: float
    head_width: float

    @property
    def heads_tall(self) -> float:
        return 1 + self.neck + self.torso + self.legs


NORMAL = Proportions(neck=0.1, torso=2.1, legs=2.9, arms=2.5, shoulders=1.55, limb=0.34, head_width=0.8)
REALISTIC = Proportions(neck=0.14, torso=2.4, legs=3.4, arms=2.9, shoulders=1.75, limb=0.36, head_width=0.74)
# anime: slimmer and taller than the baseline, long legs, narrow shoulders and limbs
ANIME = Proportions(neck=0.14, torso=2.15, legs=3.3, arms=2.7, shoulders=1.4, limb=0.29, head_width=0.76)
CHIBI = Proportions(neck=0.05, torso=0.62, legs=0.5, arms=0.62, shoulders=0.78, limb=0.2, head_width=0.98)


@dataclass(frozen=True)
class StyleSpec:
    name: str
    proportions: Proportions
    outline: float  # outline width as a share of head height; 0 = no outlines
    outline_min: int
    outline_rgb: Rgb | None  # None: a darker shade of each fill
    shading: str  # "soft" | "cel" | "none"
    rough: bool
    eye_scale: float
    eye_highlights: int
    blush: bool
    speed_lines: bool
    colour: Callable[[Rgb], Rgb]
    finish: Finish


def _identity(rgb: Rgb) -> Rgb:
    return rgb


def _vivid(rgb: Rgb) -> Rgb:
    return saturate(rgb, 1.3, 1.04)


def _saturated(rgb: Rgb) -> Rgb:
    return saturate(rgb, 1.45, 1.0)


def _pastel(rgb: Rgb) -> Rgb:
    return mix(saturate(rgb, 1.1), WHITE, 0.28)


def _muted(rgb: Rgb) -> Rgb:
    return mix(saturate(rgb, 0.62, 0.95), (150, 138, 120), 0.12)


def _warm(rgb: Rgb) -> Rgb:
    return mix(saturate(rgb, 1.1), (240, 200, 140), 0.1)


# -- cached patterns ----------------------------------------------------------------------------


@lru_cache(maxsize=16)
def _dot_mask(size: tuple[int, int], pitch: int, radius: float) -> Image.Image:
    """White dots on black, tiled: the mask of a screentone / halftone layer."""
    tile = Image.new("L", (pitch, pitch), 0)
    d = ImageDraw.Draw(tile)
    c = pitch / 2
    d.ellipse((c - radius, c - radius, c + radius - 1, c + radius - 1), fill=255)
    # offset rows (a 45-degree screen) by tiling a 2x2 block with a half-pitch shift
    block = Image.new("L", (pitch * 2, pitch * 2), 0)
    block.paste(tile, (0, 0))
    block.paste(tile, (pitch, pitch))
    return _tile(block, size)


@lru_cache(maxsize=16)
def _hatch_mask(size: tuple[int, int], pitch: int, cross: bool) -> Image.Image:
    tile = Image.new("L", (pitch * 4, pitch * 4), 0)
    d = ImageDraw.Draw(tile)
    n = pitch * 4
    for k in range(-n, n * 2, pitch):
        d.line((k, n, k + n, 0), fill=255, width=1)
        if cross:
            d.line((k, 0, k + n, n), fill=255, width=1)
    return _tile(tile, size)


@lru_cache(maxsize=8)
def _vignette(size: tuple[int, int], floor: int) -> Image.Image:
    g = Image.radial_gradient("L").resize(size, Image.Resampling.BILINEAR)
    # radial_gradient is 0 in the centre, 255 at the rim: keep the centre, darken the corners
    lut = [int(255 - (255 - floor) * max(0.0, (v / 255 - 0.45) / 0.55) ** 1.6) for v in range(256)]
    return g.point(lut).convert("RGB")


@lru_cache(maxsize=8)
def _texture(size: tuple[int, int], kind: str) -> Image.Image:
    """Grey 128-centred texture for soft-light blending: paper grain or brush strokes."""
    w, h = size
    img = Image.new("L", size, 128)
    d = ImageDraw.Draw(img)
    rng = random.Random(7 if kind == "paper" else 11)
    if kind == "paper":
        for _ in range(w * h // 60):
            x, y = rng.randrange(w), rng.randrange(h)
            d.point((x, y), fill=rng.randint(100, 150))
    else:
        for _ in range(w * h // 220):
            x, y = rng.randrange(w), rng.randrange(h)
            a = rng.uniform(-0.9, -0.5)
            length = rng.uniform(6, 18)
            d.line(
                (x, y, x + math.cos(a) * length, y + math.sin(a) * length),
                fill=rng.choice((96, 112, 150, 165)),
                width=rng.choice((2, 3, 3, 4)),
            )
    return img.filter(ImageFilter.BoxBlur(0.6)).convert("RGB")


def _tile(tile: Image.Image, size: tuple[int, int]) -> Image.Image:
    out = Image.new(tile.mode, size)
    tw, th = tile.size
    for y in range(0, size[1], th):
        for x in range(0, size[0], tw):
            out.paste(tile, (x, y))
    return out


@lru_cache(maxsize=32)
def _levels(cut: int) -> list[int]:
    return [255 if v <= cut else 0 for v in range(256)]


@lru_cache(maxsize=16)
def _gain(factor: float, bands: int = 3) -> list[int]:
    return [min(255, int(v * factor)) for v in range(256)] * bands


@lru_cache(maxsize=16)
def _lift(keep: float) -> list[int]:
    """Greys pulled toward white, keeping `keep` of their darkness."""
    return [int(255 - (255 - v) * keep) for v in range(256)]


_CANVAS = list(range(256)) + [v * 242 // 255 for v in range(256)] + [v * 222 // 255 for v in range(256)]
_MID_TONES = [255 if 120 < v <= 200 else 0 for v in range(256)]
_EDGE_INK = [255 - min(200, v * 3) for v in range(256)]


# -- finishes -----------------------------------------------------------------------------------


def _plain(img: Image.Image) -> Image.Image:
    return img


def _manga(img: Image.Image) -> Image.Image:
    """Ink on paper: white, two screentones, solid black; lines stay black."""
    grey = ImageOps.autocontrast(img.convert("L"), cutoff=1)
    size = img.size
    out = Image.new("L", size, 255)
    light = ImageOps.invert(_dot_mask(size, 6, 1.5))
    dense = ImageOps.invert(_dot_mask(size, 5, 2.1))
    out.paste(light, (0, 0), grey.point(_levels(190)))
    out.paste(dense, (0, 0), grey.point(_levels(128)))
    out.paste(40, (0, 0, *size), grey.point(_levels(70)))
    out.paste(0, (0, 0, *size), grey.point(_levels(34)))
    return out.convert("RGB")


def manga_figures(drawn: Image.Image, finished: Image.Image, figures: Image.Image) -> Image.Image:
    """Figures in manga are clean ink on white paper over a toned ground: inside the `figures` mask
    only solid black (ink, dark hair) and one light tone (shadowed cloth) survive, so the cast
    stands out from the dotted set instead of merging into it."""
    grey = ImageOps.autocontrast(drawn.convert("L"), cutoff=1)
    size = drawn.size
    clean = Image.new("L", size, 255)
    clean.paste(ImageOps.invert(_dot_mask(size, 4, 1.1)), (0, 0), grey.point(_levels(80)))
    clean.paste(0, (0, 0, *size), grey.point(_levels(52)))
    out = finished.copy()
    out.paste(clean.convert("RGB"), (0, 0), figures)
    return out


def _comic(img: Image.Image) -> Image.Image:
    """Halftone dots printed over the shadows and mid-tones, like four-colour newsprint."""
    size = img.size
    grey = img.convert("L")
    dots = _dot_mask(size, 7, 2.4)
    shade = ImageChops.multiply(grey.point(_levels(120)), dots)
    out = img.copy()
    out.paste(img.point(_gain(0.55)), (0, 0), shade)
    light_dots = _dot_mask(size, 7, 1.3)
    mid = ImageChops.multiply(grey.point(_MID_TONES), light_dots)
    out.paste(img.point(_gain(0.8)), (0, 0), mid)
    return out


def _sketch(img: Image.Image) -> Image.Image:
    """Graphite on warm paper: lifted greys, pencil edges, hatching in the darks."""
    size = img.size
    grey = ImageOps.equalize(img.convert("L"))
    edges = grey.filter(ImageFilter.FIND_EDGES).point(_EDGE_INK)
    out = ImageChops.darker(grey.point(_lift(0.22)), edges)
    hatch = ImageChops.multiply(grey.point(_levels(70)), _hatch_mask(size, 7, False))
    out.paste(140, (0, 0, *size), hatch)
    cross = ImageChops.multiply(grey.point(_levels(22)), _hatch_mask(size, 6, True))
    out.paste(100, (0, 0, *size), cross)
    rgb = Image.merge("RGB", (out, out.point(_gain(0.985, 1)), out.point(_gain(0.93, 1))))
    return ImageChops.soft_light(rgb, _texture(size, "paper"))


def _realistic(img: Image.Image) -> Image.Image:
    """A lens's falloff only: the drawing itself (thin lines, soft shading, muted palette) carries the style."""
    return ImageChops.multiply(img, _vignette(img.size, 120))


def _painting(img: Image.Image) -> Image.Image:
    """Brushwork: colours pooled into blobs, posterised, stroked texture, warm canvas."""
    w, h = img.size
    blobs = img.reduce(4).resize((w, h), Image.Resampling.BILINEAR)
    out = ImageOps.posterize(Image.blend(img, blobs, 0.55), 4)
    out = ImageChops.soft_light(out, _texture((w, h), "brush"))
    return out.point(_CANVAS)


STYLES: dict[str, StyleSpec] = {
    "webtoon": StyleSpec(
        "webtoon", NORMAL, 0.018, 2, (48, 36, 52), "soft", False, 1.0, 1, False, False, _identity, _plain
    ),
    "anime": StyleSpec("anime", ANIME, 0.012, 1, (30, 22, 40), "cel", False, 1.35, 2, True, False, _vivid, _plain),
    "manga": StyleSpec("manga", NORMAL, 0.02, 2, (0, 0, 0), "cel", False, 1.25, 2, False, True, _identity, _manga),
    "comic": StyleSpec("comic", NORMAL, 0.04, 4, (0, 0, 0), "cel", False, 0.85, 1, False, True, _saturated, _comic),
    "sketch": StyleSpec(
        "sketch", NORMAL, 0.014, 2, (60, 60, 60), "none", True, 1.0, 1, False, False, _identity, _sketch
    ),
    "chibi": StyleSpec("chibi", CHIBI, 0.02, 2, (90, 60, 70), "soft", False, 1.6, 2, True, False, _pastel, _plain),
    "realistic": StyleSpec(
        "realistic", REALISTIC, 0.006, 1, None, "soft", False, 0.8, 1, False, False, _muted, _realistic
    ),
    "painting": StyleSpec("painting", NORMAL, 0.0, 0, None, "soft", False, 1.0, 1, False, False, _warm, _painting),
}


def style_spec(name: str) -> StyleSpec:
    try:
        return STYLES[str(name)]
    except KeyError:
        raise ValueError(f"Unknown art style {name!r}; choose one of {', '.join(STYLES)}.") from None
