"""The pen every drawing routine holds: style-aware shapes on one RGB image.

Background, figures and weather call `Painter` instead of `ImageDraw` directly, so the art style
decides outline weight and colour, whether lines are rough pencil strokes, and how colours are
transformed, in one place. Drawing is done with an RGBA-blending `ImageDraw`, so translucent fills
(glows, fog, shadows) cost no extra image passes.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw

from sketchdojo.engine.artist.colour import Rgb, mix, scale
from sketchdojo.engine.artist.grain import dither, grain_tile
from sketchdojo.engine.artist.styles import StyleSpec, cel_shadow

Point = tuple[float, float]


class Painter:
    def __init__(self, image: Image.Image, style: StyleSpec, *, ambient: Rgb, ambient_strength: float, seed: int):
        self.image = image
        self.width, self.height = image.size
        self.style = style
        self.draw = ImageDraw.Draw(image, "RGBA")  # blends translucent fills
        self.solid = ImageDraw.Draw(image)  # opaque fills: about five times faster than blending
        self.ambient = ambient
        self.ambient_strength = ambient_strength
        self.rng = random.Random(seed ^ 0x5EED)
        # pencil strokes go on their own layer, laid over the finished panel so the finish can't fade them
        self.ink = Image.new("L", image.size, 0) if style.rough else None
        self._ink_draw = ImageDraw.Draw(self.ink) if self.ink is not None else None
        self.hands: dict[str, list[Point]] = {}  # each figure's hands as drawn, by name
        # where form shadows fall: the finish halftones, hatches, tones or blends them by style
        self.shade = Image.new("L", image.size, 0)
        self._shade_draw = ImageDraw.Draw(self.shade)

    # -- colour -------------------------------------------------------------------------------

    def col(self, rgb: Rgb, *, light: float = 1.0) -> Rgb:
        """A fill colour after the style transform and the scene's ambient light (`light` scales it)."""
        out = self.style.colour(rgb)
        if self.ambient_strength and light:
            out = mix(out, self.ambient, self.ambient_strength * light)
        return out

    def outline_width(self, size: float) -> int:
        if not self.style.outline:
            return 0
        return max(self.style.outline_min, round(size * self.style.outline))

    def outline_colour(self, fill: Rgb) -> Rgb:
        if self.style.outline_rgb is None:
            return scale(fill, 0.45)
        return self.style.outline_rgb

    # -- shapes -------------------------------------------------------------------------------

    def ellipse(self, box: Sequence[float], fill: Rgb | tuple[int, int, int, int] | None, *, size: float = 0.0):
        """Filled ellipse with the style's outline; `size` (head height) scales the outline."""
        box = _box(box)
        width = self.outline_width(size) if size else 0
        if self._covers(fill):
            self._ink_draw.ellipse(box, fill=0)
        if self.style.rough and width:
            if fill is not None:
                self._for(fill).ellipse(box, fill=fill)
            self.rough_ellipse(box, width)
            return
        if width and fill is not None and len(fill) == 3:
            self.solid.ellipse(box, fill=fill, outline=self.outline_colour(fill), width=width)
        else:
            self._for(fill).ellipse(box, fill=fill)

    def polygon(self, points: Sequence[Point], fill, *, size: float = 0.0):
        width = self.outline_width(size) if size else 0
        pts = [(float(x), float(y)) for x, y in points]
        if self._covers(fill):
            self._ink_draw.polygon(pts, fill=0)
        self._for(fill).polygon(pts, fill=fill)
        if width and fill is not None:
            if self.style.rough:
                self.rough_path([*pts, pts[0]], width)
            else:
                colour = self.outline_colour(fill[:3])
                self.solid.line([*pts, pts[0]], fill=colour, width=width, joint="curve")

    def limb(self, points: Sequence[Point], width: float, fill: Rgb, *, size: float = 0.0):
        """A thick rounded stroke through `points` (arm, leg, tendril) with the style's outline."""
        w = max(1, int(width))
        ow = self.outline_width(size) if size else 0
        if ow and not self.style.rough:
            self._stroke(points, w + 2 * ow, self.outline_colour(fill))
        if self._covers(fill):
            self._stroke(points, w, 0, self._ink_draw)
        self._stroke(points, w, fill)
        if size and len(fill) == 3 and self.style.shading != "soft":
            # the limb's form shadow: a band along its side away from the upper-left light
            band = [(x + w * 0.28, y + w * 0.08) for x, y in points]
            self._stroke(band, max(1, int(w * 0.44)), 255, self._shade_draw)
            if self.style.shading == "cel":
                self._stroke(band, max(1, int(w * 0.44)), cel_shadow(self.style, fill))
        if ow and self.style.rough:
            self._rough_limb(points, w, ow)

    def shadow(self, points: Sequence[Point], base: Rgb, *, depth: float = 0.45, alpha: int = 70):
        """A form shadow over a shape of colour `base`, drawn the style's way (see `StyleSpec.shading`)."""
        pts = [(float(x), float(y)) for x, y in points]
        self._shade_draw.polygon(pts, fill=255)
        if self.style.shading == "soft":
            self.draw.polygon(pts, fill=(*scale(base, depth), alpha))
        elif self.style.shading == "cel":
            self.solid.polygon(pts, fill=cel_shadow(self.style, base))

    def line(self, points: Sequence[Point], fill, width: float = 1):
        self._for(fill).line([(float(x), float(y)) for x, y in points], fill=fill, width=max(1, int(width)))

    def glow(self, centre: Point, radius: float, rgb: Rgb, *, strength: int = 90):
        """A soft light: a cached radial falloff sprite pasted as a mask."""
        cx, cy = centre
        peak = min(255, int(strength * 1.6))
        if radius <= 200:
            # radii snap to ~6% steps so the cache of falloff sprites stays small
            r = max(2, round(1.06 ** round(math.log(max(radius, 2), 1.06))))
            self.image.paste(rgb[:3], (int(cx) - r, int(cy) - r), _glow_mask(r, peak))
            return
        # a big glow (a close-up's aura) is stretched from one sprite, only over the part in frame
        x0, y0 = max(0, math.ceil(cx - radius)), max(0, math.ceil(cy - radius))
        x1, y1 = min(self.width, math.floor(cx + radius)), min(self.height, math.floor(cy + radius))
        if x1 <= x0 or y1 <= y0:
            return
        base = _glow_mask(200, peak)
        k = 400 / (2 * radius)
        src = tuple(min(400.0, max(0.0, (v - c + radius) * k)) for v, c in ((x0, cx), (y0, cy), (x1, cx), (y1, cy)))
        mask = base.resize((x1 - x0, y1 - y0), Image.Resampling.BILINEAR, box=src)
        self.image.paste(rgb[:3], (x0, y0), mask)

    def pen(self):
        """Where face lines go: the image, or for pencil styles the ink layer (as dark strokes)."""
        return _InkPen(self._ink_draw) if self._ink_draw is not None else self.draw

    def finish(self, size: tuple[int, int] | None = None, figures: Image.Image | None = None) -> Image.Image:
        """Scaled down to `size` (supersampled drawing comes out anti-aliased), then the style's
        finish at the output size (screentone dots stay crisp), then any pencil strokes on top.
        `figures` (output size) masks the cast for styles that treat it apart from the set."""
        image, ink, shade = self.image, self.ink, self.shade
        if size is not None and size != image.size:
            image = _shrink(image, size)
            ink = _shrink(ink, size) if ink is not None else None
            shade = _shrink(shade, size)
        # one pass of faint grain over the whole panel: no gradient or glow shows 8-bit bands
        image = dither(image)
        out = self.style.finish(image, shade if shade.getbbox() else None, figures)
        if out.mode != "RGB":
            out = out.convert("RGB")
        if ink is not None:
            out.paste(self.style.outline_rgb, (0, 0), ink)
        return out

    # -- internals ----------------------------------------------------------------------------

    def _stroke(self, points: Sequence[Point], width: int, fill, draw: ImageDraw.ImageDraw | None = None):
        draw = draw or self._for(fill)
        pts = [(float(x), float(y)) for x, y in points]
        if len(pts) > 1:
            draw.line(pts, fill=fill, width=width, joint="curve")
        r = width / 2
        for x, y in (pts[0], pts[-1]):
            draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)

    def _for(self, fill) -> ImageDraw.ImageDraw:
        """The blending pen only for translucent fills."""
        translucent = fill is not None and not isinstance(fill, int) and len(fill) == 4 and fill[3] < 255
        return self.draw if translucent else self.solid

    def _covers(self, fill) -> bool:
        """An opaque fill hides the pencil strokes drawn under it."""
        return self._ink_draw is not None and fill is not None and (len(fill) == 3 or fill[3] == 255)

    def chord(self, box: Sequence[float], start: float, end: float, fill: Rgb):
        if self._covers(fill):
            self._ink_draw.chord(_box(box), start, end, fill=0)
        self._for(fill).chord(_box(box), start, end, fill=fill)

    def rough_ellipse(self, box, width: int):
        x0, y0, x1, y1 = box
        cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
        steps = max(12, int((rx + ry) / 6))
        for _ in range(2):
            j = max(1.0, (rx + ry) * 0.03)
            start = self.rng.uniform(0, math.tau)
            pts = []
            for i in range(steps + 2):
                a = start + math.tau * i / steps
                pts.append(
                    (cx + rx * math.cos(a) + self.rng.uniform(-j, j), cy + ry * math.sin(a) + self.rng.uniform(-j, j))
                )
            self._ink_draw.line(pts, fill=150, width=max(1, width - 1))

    def rough_path(self, points: Sequence[Point], width: int):
        span = max(abs(points[0][0] - p[0]) + abs(points[0][1] - p[1]) for p in points) or 1
        j = max(1.0, min(4.0, span * 0.02))
        for _ in range(2):
            pts = [(x + self.rng.uniform(-j, j), y + self.rng.uniform(-j, j)) for x, y in points]
            self._ink_draw.line(pts, fill=150, width=max(1, width - 1))

    def _rough_limb(self, points: Sequence[Point], w: int, ow: int):
        (x0, y0), (x1, y1) = points[0], points[-1]
        length = math.hypot(x1 - x0, y1 - y0) or 1
        nx, ny = -(y1 - y0) / length * w / 2, (x1 - x0) / length * w / 2
        for side in (1, -1):
            pts = [(x + side * nx, y + side * ny) for x, y in points]
            self.rough_path(pts, ow)


class _InkPen:
    """The line-drawing half of `ImageDraw`, drawing every stroke as pencil on the ink layer."""

    def __init__(self, draw: ImageDraw.ImageDraw):
        self.draw = draw

    def line(self, xy, fill=None, width: int = 1, **_):
        self.draw.line(xy, fill=200, width=max(1, width - 1))

    def arc(self, xy, start: float, end: float, fill=None, width: int = 1):
        self.draw.arc(xy, start, end, fill=200, width=max(1, width - 1))


def _shrink(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Box-filter down to `size`: `reduce` (several times faster) when the factor is a whole number."""
    factor = image.width // size[0]
    if factor * size[0] == image.width and factor * size[1] == image.height:
        return image.reduce(factor)
    return image.resize(size, Image.Resampling.BOX)


def _box(box: Sequence[float]) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = box
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


@lru_cache(maxsize=512)
def _glow_mask(radius: int, peak: int) -> Image.Image:
    """Alpha falloff of a glow, `peak` in the centre fading to nothing at `radius`."""
    g = Image.radial_gradient("L").resize((2 * radius, 2 * radius), Image.Resampling.BILINEAR)
    # radial_gradient reads 181 at the middle of an edge (255 in the corners): fade out by there, so
    # the sprite's square never shows
    lut = [int(peak * max(0.0, 1 - v / 180) ** 2) for v in range(256)]
    mask = g.point(lut)
    # grain of about +-2 levels breaks the rings a smooth falloff shows in 8 bits
    grain = grain_tile().crop((0, 0, *mask.size))
    edge = mask.point([255 if v else 0 for v in range(256)])  # outside the glow stays exactly clear
    return ImageChops.multiply(ImageChops.add(mask, grain, 1.0, -128), edge)
