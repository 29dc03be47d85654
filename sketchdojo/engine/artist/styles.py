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

from sketchdojo.engine.artist.colour import WHITE, Rgb, mix, saturate, scale

Finish = Callable[[Image.Image, Image.Image | None, Image.Image | None], Image.Image]


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
    """One way of drawing. `shading` says how `Painter.shadow` lays a form shadow while drawing:
    "soft" translucent, "cel" an opaque flat shape, "gradient" / "hatch" / "tone" only marked in the
    shade mask, for the finish to blend, hatch or screen it."""

    name: str
    proportions: Proportions
    outline: float  # outline width as a share of head height; 0 = no outlines
    outline_min: int
    outline_rgb: Rgb | None  # None: a darker shade of each fill
    shading: str  # "soft" | "cel" | "gradient" | "hatch" | "tone"
    rough: bool
    eye_scale: float
    eye_highlights: int
    blush: bool
    speed_lines: bool
    colour: Callable[[Rgb], Rgb]
    finish: Finish
    figures: bool = False  # the finish treats the cast apart from the set (needs the figures mask)


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
            a = rng.uniform(0, math.pi)
            length = rng.uniform(4, 10)
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


# -- finishes -----------------------------------------------------------------------------------
# A finish gets the panel at its output size, the `shade` mask of the form shadows the figures were
# drawn with (the style decided at drawing time where the shadows fall) and the `figures` mask of
# the cast, and renders them the style's way: halftone, hatching, screentone, blended gradients.


def _plain(img: Image.Image, shade: Image.Image | None, figures: Image.Image | None) -> Image.Image:
    return img


def _grow(mask: Image.Image, step: int) -> Image.Image:
    """`mask` grown outward by about `step` pixels (box-reduce, threshold, scale back): no rank filter."""
    w, h = mask.size
    small = mask.resize((max(1, w // step), max(1, h // step)), Image.Resampling.BOX).point(_ANY)
    return small.resize((w, h), Image.Resampling.BILINEAR).point(_ANY)


def _manga(img: Image.Image, shade: Image.Image | None, figures: Image.Image | None) -> Image.Image:
    """Ink on paper. The set is toned (light dots for the sky and walls, dense dots in the shadows,
    black in the darkest); each figure is cut out of it with a white gap and an ink contour, then inked
    clean: white paper, a fine tone only where its form shadows fall, black hair and lines."""
    grey = ImageOps.autocontrast(img.convert("L"), cutoff=1)
    size = img.size
    out = Image.new("L", size, 255)
    light = ImageOps.invert(_dot_mask(size, 6, 1.2))
    dense = ImageOps.invert(_dot_mask(size, 5, 2.1))
    out.paste(light, (0, 0), grey.point(_levels(200)))
    out.paste(dense, (0, 0), grey.point(_levels(128)))
    out.paste(40, (0, 0, *size), grey.point(_levels(70)))
    out.paste(0, (0, 0, *size), grey.point(_levels(34)))
    if figures is not None:
        out.paste(255, (0, 0, *size), _grow(figures, 6))  # white gap: the figure never merges with the set
        out.paste(0, (0, 0, *size), _grow(figures, 2))  # the ink contour round the figure
        clean = Image.new("L", size, 255)
        fine = ImageOps.invert(_dot_mask(size, 4, 1.1))
        tone = grey.point(_levels(96))
        if shade is not None:
            tone = ImageChops.lighter(tone, ImageChops.multiply(shade, grey.point(_levels(200))))
        clean.paste(fine, (0, 0), tone)
        clean.paste(0, (0, 0, *size), grey.point(_levels(52)))
        out.paste(clean, (0, 0), figures)
    return out.convert("RGB")


def _comic(img: Image.Image, shade: Image.Image | None, figures: Image.Image | None) -> Image.Image:
    """Four-colour newsprint: flat colours, halftone dots printed only in the cel shadows the figures
    were drawn with and in the set's deep shadows."""
    size = img.size
    darks = img.convert("L").point(_levels(96))
    where = ImageChops.lighter(darks, shade) if shade is not None else darks
    out = img.copy()
    out.paste(img.point(_gain(0.5)), (0, 0), ImageChops.multiply(where, _dot_mask(size, 8, 2.6)))
    return out


def _sketch(img: Image.Image, shade: Image.Image | None, figures: Image.Image | None) -> Image.Image:
    """Graphite on warm paper: a light wash of each value, diagonal hatching where the figures' form
    shadows were drawn and in the set's mid-darks, cross-hatching in the darks. The pencil outlines
    themselves are drawn as loose double strokes at drawing time and laid on top by the painter."""
    size = img.size
    grey = img.convert("L")
    out = grey.point(_lift(0.3))
    edges = grey.filter(ImageFilter.FIND_EDGES).point(_FAINT_EDGE)
    out = ImageChops.darker(out, edges)
    where = grey.point(_levels(110))
    if shade is not None:
        where = ImageChops.lighter(where, shade)
    out.paste(130, (0, 0, *size), ImageChops.multiply(where, _hatch_mask(size, 6, False)))
    cross = ImageChops.multiply(grey.point(_levels(56)), _hatch_mask(size, 5, True))
    out.paste(90, (0, 0, *size), cross)
    rgb = Image.merge("RGB", (out, out.point(_gain(0.985, 1)), out.point(_gain(0.93, 1))))
    return ImageChops.soft_light(rgb, _texture(size, "paper"))


def _realistic(img: Image.Image, shade: Image.Image | None, figures: Image.Image | None) -> Image.Image:
    """Light, not line: the figures' form shadows blended into smooth gradients (kept inside the
    figures), a key light from the upper left falling off across the whole panel, a lens's vignette."""
    out = img
    if shade is not None:
        soft = _soften(shade, max(2, img.height // 80))
        if figures is not None:
            soft = ImageChops.multiply(soft, figures)
        out = Image.composite(img.point(_gain(0.6)), img, soft.point(_SHADE_GRADIENT))
    return ImageChops.multiply(out, _lens(img.size))


def _painting(img: Image.Image, shade: Image.Image | None, figures: Image.Image | None) -> Image.Image:
    """Oil on canvas, no ink: soft edges, the set laid in with broad dabs of pooled colour, the figures
    with smaller strokes, raised paint catching the light, a warm canvas showing through."""
    w, h = img.size
    # stroke lengths scale with the panel: about 14, 9 and 6 px on an 800 px panel
    big, mid, small = (max(4, round(w / k)) for k in (57, 89, 133))
    broad = img.reduce(7).resize((w, h), Image.Resampling.BILINEAR)
    pooled = img.reduce(4).resize((w, h), Image.Resampling.BILINEAR)
    out = Image.composite(broad, Image.blend(img, pooled, 0.5), _strokes((w, h), big))
    out = Image.composite(pooled, out, _strokes((w, h), mid))
    if figures is not None:
        fine = img.reduce(3).resize((w, h), Image.Resampling.NEAREST)
        out.paste(Image.composite(fine, Image.blend(img, pooled, 0.3), _strokes((w, h), small)), (0, 0), figures)
    # the paint's relief: ridges lighten and furrows darken by a few levels (a + texture - 128)
    out = ImageChops.add(out, _relief((w, h)), 1.0, -128)
    return out.point(_CANVAS)


def _soften(img: Image.Image, factor: int) -> Image.Image:
    """A cheap blur: box-reduced by `factor` and scaled back bilinearly."""
    return img.reduce(factor).resize(img.size, Image.Resampling.BILINEAR)


@lru_cache(maxsize=8)
def _strokes(size: tuple[int, int], length: int) -> Image.Image:
    """A mask of brush strokes about `length` px long, seeded, following a slowly turning flow (a
    painter's hand sweeps in arcs), so neighbouring strokes lie alike and distant ones cross."""
    w, h = size
    img = Image.new("L", size, 0)
    d = ImageDraw.Draw(img)
    rng = random.Random(length)
    for _ in range(w * h // (length * length // 2)):
        x, y = rng.randrange(w), rng.randrange(h)
        a = 1.4 * math.sin(x / 83 + 1.3) + 1.1 * math.cos(y / 61) + rng.gauss(0, 0.25)
        k = rng.uniform(0.6, 1.0) * length / 2
        dx, dy = math.cos(a) * k, math.sin(a) * k
        d.line((x - dx, y - dy, x + dx, y + dy), fill=rng.choice((170, 220, 255)), width=max(2, length // 3))
    return img


@lru_cache(maxsize=8)
def _relief(size: tuple[int, int]) -> Image.Image:
    """The brush texture at a third of its contrast: raised paint, not confetti."""
    return _texture(size, "brush").point([128 + round((v - 128) * 0.35) for v in range(256)] * 3)


@lru_cache(maxsize=8)
def _lens(size: tuple[int, int]) -> Image.Image:
    """The key light's falloff and the vignette in one multiply."""
    return ImageChops.multiply(_key_light(size), _vignette(size, 120))


@lru_cache(maxsize=8)
def _key_light(size: tuple[int, int]) -> Image.Image:
    """Full light at the upper left falling to about 78% at the lower right, as one smooth ramp."""
    corners = Image.new("L", (2, 2))
    corners.putdata([255, 228, 228, 200])
    ramp = corners.resize((size[0] + 2, size[1] + 2), Image.Resampling.BILINEAR)
    return ramp.crop((1, 1, size[0] + 1, size[1] + 1)).convert("RGB")


_ANY = [0] + [255] * 255
_FAINT_EDGE = [255 - min(110, v * 2) for v in range(256)]
_SHADE_GRADIENT = [int(v * 0.85) for v in range(256)]


def _spec(name: str, proportions: Proportions, **kw) -> StyleSpec:
    base = {
        "outline": 0.018,
        "outline_min": 2,
        "outline_rgb": (48, 36, 52),
        "shading": "soft",
        "rough": False,
        "eye_scale": 1.0,
        "eye_highlights": 1,
        "blush": False,
        "speed_lines": False,
        "colour": _identity,
        "finish": _plain,
    }
    return StyleSpec(name, proportions, **{**base, **kw})


STYLES: dict[str, StyleSpec] = {
    # clean digital colour: medium lines, soft translucent shadows
    "webtoon": _spec("webtoon", NORMAL),
    # thin lines, slim tall figures, big shiny eyes, hard cool cel shadows, vivid colour
    "anime": _spec(
        "anime",
        ANIME,
        outline=0.012,
        outline_min=1,
        outline_rgb=(30, 22, 40),
        shading="cel",
        eye_scale=1.35,
        eye_highlights=2,
        blush=True,
        colour=_vivid,
    ),
    # black ink and screentone; figures cut out of the toned set
    "manga": _spec(
        "manga",
        NORMAL,
        outline=0.022,
        outline_rgb=(0, 0, 0),
        shading="tone",
        eye_scale=1.25,
        eye_highlights=2,
        speed_lines=True,
        finish=_manga,
        figures=True,
    ),
    # bold black ink, flat cel shadow shapes printed in halftone, saturated primaries
    "comic": _spec(
        "comic",
        NORMAL,
        outline=0.045,
        outline_min=4,
        outline_rgb=(0, 0, 0),
        shading="cel",
        eye_scale=0.85,
        speed_lines=True,
        colour=_saturated,
        finish=_comic,
    ),
    # loose doubled pencil strokes, hatched shadows, paper tone
    "sketch": _spec(
        "sketch",
        NORMAL,
        outline=0.016,
        outline_rgb=(58, 56, 62),
        shading="hatch",
        rough=True,
        finish=_sketch,
    ),
    # two and a half heads tall, huge eyes, rounded pastel
    "chibi": _spec(
        "chibi",
        CHIBI,
        outline=0.026,
        outline_min=3,
        outline_rgb=(110, 70, 84),
        eye_scale=1.6,
        eye_highlights=2,
        blush=True,
        colour=_pastel,
    ),
    # no outlines, gradient form shading, muted natural palette, seven and a half heads tall
    "realistic": _spec(
        "realistic",
        REALISTIC,
        outline=0.0,
        outline_min=0,
        outline_rgb=None,
        shading="gradient",
        eye_scale=0.8,
        colour=_muted,
        finish=_realistic,
        figures=True,
    ),
    # no lines at all: brush strokes and soft edges on a warm canvas
    "painting": _spec(
        "painting",
        NORMAL,
        outline=0.0,
        outline_min=0,
        outline_rgb=None,
        shading="soft",
        colour=_warm,
        finish=_painting,
        figures=True,
    ),
}


def cel_shadow(style: StyleSpec, rgb: Rgb) -> Rgb:
    """The flat colour of a cel shadow on `rgb`: comic darkens, anime cools toward violet."""
    if style.name == "anime":
        return mix(scale(rgb, 0.74), (84, 70, 150), 0.18)
    return scale(rgb, 0.62)


def style_spec(name: str) -> StyleSpec:
    try:
        return STYLES[str(name)]
    except KeyError:
        raise ValueError(f"Unknown art style {name!r}; choose one of {', '.join(STYLES)}.") from None
