"""Drawing the balloon shapes: oval speech, thought clouds, shout bursts, dashed whispers, captions, SFX.

Each balloon is drawn on a small patch at twice the resolution and reduced, so outlines are smooth
on any image without supersampling the whole panel. A balloon and its tail are drawn as one shape:
first everything in the outline colour grown by the line width, then everything in the fill
colour, so the tail joins the body without a seam.
"""

from __future__ import annotations

import math
import random
import zlib
from dataclasses import dataclass

from PIL import Image, ImageDraw

from sketchdojo.engine.lettering.fonts import TextBlock, draw_line, line_extent, script_face, text_width

SUPERSAMPLE = 2
INK = (20, 20, 20)
PAPER = (255, 255, 255)
CAPTION_PAPER = (255, 246, 212)
MONOCHROME_CAPTION_PAPER = (255, 255, 255)
WHISPER_INK = (95, 95, 95)
TEXT_COLOURS = {"whisper": (80, 80, 80), "narration": (25, 25, 25)}
TEXT_FACES = {"shout": "bold", "whisper": "italic", "narration": "caption"}
SFX_COLOURS = ((255, 214, 0), (255, 84, 46), (255, 150, 20), (90, 205, 255), (190, 110, 255))
MONOCHROME_SFX_COLOURS = ((255, 255, 255),)

Point = tuple[float, float]
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class BodyGeometry:
    """How far a balloon's outline reaches around its text block (half extents and text padding)."""

    half_width: float
    half_height: float


def is_monochrome(image: Image.Image) -> bool:
    """Black-and-white (or sepia) art, such as manga or pencil: lettering stays uncoloured on it."""
    sample = image.resize((40, 40), Image.Resampling.NEAREST)
    if sample.mode != "RGB":
        sample = sample.convert("RGB")
    # Saturation, not raw channel spread: a dark night scene has small spreads and is still colour.
    _, saturation, value = sample.convert("HSV").split()
    pairs = zip(saturation.tobytes(), value.tobytes(), strict=True)
    colourful = sum(1 for s, v in pairs if s > 76 and v > 50)
    return colourful <= 40 * 40 * 0.03


def text_face(style: str) -> str:
    return TEXT_FACES.get(style, "regular")


def line_width(font_size: int) -> int:
    return max(1, round(font_size / 9))


def body_geometry(style: str, block: TextBlock) -> BodyGeometry:
    """The balloon's half extents that keep `block` inside the drawn outline."""
    pad = max(3.0, block.size * 0.35)
    if style == "narration":
        return BodyGeometry(block.width / 2 + pad * 1.4, block.height / 2 + pad)
    # The smallest ellipse holding a w x h rectangle has half axes (w/2, h/2) * sqrt(2).
    rx = (block.width / 2 + pad) * math.sqrt(2)
    ry = (block.height / 2 + pad * 0.6) * math.sqrt(2)
    if style == "shout":
        return BodyGeometry(rx / 0.8, ry / 0.8)
    if style == "thought":
        bump = _bump_radius(rx, ry)
        return BodyGeometry(rx * 0.92 + bump, ry * 0.92 + bump)
    return BodyGeometry(rx, ry)


def _bump_radius(rx: float, ry: float) -> float:
    return max(4.0, 0.28 * min(rx, ry))


def _core_radii(style: str, box: Box) -> tuple[float, float]:
    rx, ry = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
    if style == "shout":
        return rx * 0.8, ry * 0.8
    if style == "thought":
        # Invert half = 0.92 * core + bump, where bump = 0.28 * the smaller core half axis.
        bump = max(4.0, 0.28 * min(rx, ry) / 1.2)
        return max(1.0, (rx - bump) / 0.92), max(1.0, (ry - bump) / 0.92)
    return rx, ry


def _edge(cx: float, cy: float, rx: float, ry: float, angle: float, scale: float = 1.0) -> Point:
    return cx + rx * math.cos(angle) * scale, cy + ry * math.sin(angle) * scale


class _Patch:
    """A supersampled copy of the panel area under one balloon, in image coordinates.

    The area is enlarged by pixel repetition, drawn on, and box-reduced: untouched pixels come back
    exactly as they were, so the patch is pasted without a mask (no alpha round trip).
    """

    def __init__(self, bounds: Box, canvas: Image.Image):
        self.x0 = max(0, math.floor(bounds[0]))
        self.y0 = max(0, math.floor(bounds[1]))
        x1 = min(canvas.width, math.ceil(bounds[2]))
        y1 = min(canvas.height, math.ceil(bounds[3]))
        self.size = (max(1, x1 - self.x0), max(1, y1 - self.y0))
        area = canvas.crop((self.x0, self.y0, self.x0 + self.size[0], self.y0 + self.size[1]))
        self.image = area.resize((self.size[0] * SUPERSAMPLE, self.size[1] * SUPERSAMPLE), Image.Resampling.NEAREST)
        self.draw = ImageDraw.Draw(self.image)

    def p(self, point: Point) -> Point:
        return (point[0] - self.x0) * SUPERSAMPLE, (point[1] - self.y0) * SUPERSAMPLE

    def box(self, box: Box, grow: float = 0.0) -> Box:
        a = self.p((box[0] - grow, box[1] - grow))
        b = self.p((box[2] + grow, box[3] + grow))
        return a[0], a[1], b[0], b[1]

    def circle(self, centre: Point, radius: float, fill, grow: float = 0.0) -> None:
        r = radius + grow
        self.box_ellipse((centre[0] - r, centre[1] - r, centre[0] + r, centre[1] + r), fill)

    def box_ellipse(self, box: Box, fill, grow: float = 0.0) -> None:
        self.draw.ellipse(self.box(box, grow), fill=fill)

    def polygon(self, points: list[Point], fill) -> None:
        self.draw.polygon([self.p(pt) for pt in points], fill=fill)

    def outline(self, points: list[Point], fill, width: float, closed: bool = True) -> None:
        pts = [self.p(pt) for pt in points]
        if closed:
            pts.append(pts[0])
        self.draw.line(pts, fill=fill, width=max(1, round(width * SUPERSAMPLE)), joint="curve")

    def paste_onto(self, canvas: Image.Image) -> None:
        canvas.paste(self.image.reduce(SUPERSAMPLE), (self.x0, self.y0))


def _tail_points(cx: float, cy: float, rx: float, ry: float, tip: Point) -> tuple[list[Point], list[Point]]:
    """A wedge from the body toward `tip`: (fill polygon, its two visible sides as one polyline)."""
    angle = math.atan2((tip[1] - cy) / ry, (tip[0] - cx) / rx)
    spread = min(0.32, max(0.14, 14.0 / max(rx, ry)))
    left = _edge(cx, cy, rx, ry, angle - spread, 0.97)
    right = _edge(cx, cy, rx, ry, angle + spread, 0.97)
    inner = _edge(cx, cy, rx, ry, angle, 0.7)
    return [left, tip, right, inner], [left, tip, right]


def _burst_points(cx: float, cy: float, rx: float, ry: float, seed_text: str) -> list[Point]:
    rng = random.Random(zlib.crc32(seed_text.encode()))
    spikes = max(10, min(26, round((rx + ry) / 11)))
    points = []
    for i in range(spikes * 2):
        angle = math.pi * i / spikes + rng.uniform(-0.08, 0.08)
        scale = 1.0 if i % 2 == 0 else 0.8 + rng.uniform(-0.03, 0.04)
        points.append(_edge(cx, cy, rx, ry, angle, scale))
    return points


def _bumps(cx: float, cy: float, rx: float, ry: float) -> tuple[list[Point], float]:
    bump = _bump_radius(rx, ry)
    perimeter = math.pi * (3 * (rx + ry) - math.sqrt((3 * rx + ry) * (rx + 3 * ry)))
    count = max(8, round(perimeter / (bump * 1.45)))
    return [_edge(cx, cy, rx, ry, 2 * math.pi * i / count, 0.92) for i in range(count)], bump


def draw_balloon(
    canvas: Image.Image,
    style: str,
    box: Box,
    tip: Point | None,
    block: TextBlock,
    text: str,
    *,
    monochrome: bool = False,
) -> None:
    """Draw one balloon (body, tail and text) of `style` filling `box` onto the RGB `canvas`."""
    lw = line_width(block.size) + (1 if style == "shout" else 0)
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    bounds = [box[0], box[1], box[2], box[3]]
    if tip is not None:
        bounds = [min(bounds[0], tip[0]), min(bounds[1], tip[1]), max(bounds[2], tip[0]), max(bounds[3], tip[1])]
    margin = lw * 2 + 2
    patch = _Patch((bounds[0] - margin, bounds[1] - margin, bounds[2] + margin, bounds[3] + margin), canvas)
    rx, ry = _core_radii(style, box)

    if style == "narration":
        patch.draw.rectangle(patch.box(box, lw), fill=INK)
        patch.draw.rectangle(patch.box(box), fill=MONOCHROME_CAPTION_PAPER if monochrome else CAPTION_PAPER)
    elif style == "thought":
        _draw_thought(patch, cx, cy, rx, ry, tip, lw)
    elif style == "shout":
        burst = _burst_points(cx, cy, rx / 0.8, ry / 0.8, text)
        tail = _tail_points(cx, cy, rx, ry, tip) if tip else None
        patch.polygon(burst, INK)
        patch.outline(burst, INK, lw * 2)
        if tail:
            patch.polygon(tail[0], INK)
            patch.outline(tail[1], INK, lw * 2, closed=False)
        patch.polygon(burst, PAPER)
        if tail:
            patch.polygon(tail[0], PAPER)
    elif style == "whisper":
        _draw_whisper(patch, box, cx, cy, rx, ry, tip, lw)
    else:
        tail = _tail_points(cx, cy, rx, ry, tip) if tip else None
        patch.box_ellipse(box, INK, grow=lw)
        if tail:
            patch.outline(tail[1], INK, lw * 2, closed=False)
        patch.box_ellipse(box, PAPER)
        if tail:
            patch.polygon(tail[0], PAPER)
    patch.paste_onto(canvas)
    draw_text_block(canvas, style, box, block)


def _draw_thought(patch: _Patch, cx: float, cy: float, rx: float, ry: float, tip: Point | None, lw: int) -> None:
    centres, bump = _bumps(cx, cy, rx, ry)
    trail: list[tuple[Point, float]] = []
    if tip is not None:
        start = _edge(cx, cy, rx, ry, math.atan2((tip[1] - cy) / ry, (tip[0] - cx) / rx), 0.92)
        start = (start[0] + (tip[0] - start[0]) * 0.05, start[1] + (tip[1] - start[1]) * 0.05)
        # Three shrinking puffs from the cloud toward the thinker.
        for fraction, scale in ((0.35, 0.42), (0.68, 0.3), (1.0, 0.2)):
            radius = max(2.5, bump * scale)
            point = (start[0] + (tip[0] - start[0]) * fraction, start[1] + (tip[1] - start[1]) * fraction)
            trail.append((point, radius))
    core = (cx - rx, cy - ry, cx + rx, cy + ry)
    patch.box_ellipse(core, INK, grow=lw)
    for centre in centres:
        patch.circle(centre, bump, INK, grow=lw)
    for centre, radius in trail:
        patch.circle(centre, radius, INK, grow=lw)
    patch.box_ellipse(core, PAPER)
    for centre in centres:
        patch.circle(centre, bump, PAPER)
    for centre, radius in trail:
        patch.circle(centre, radius, PAPER)


def _draw_whisper(
    patch: _Patch, box: Box, cx: float, cy: float, rx: float, ry: float, tip: Point | None, lw: int
) -> None:
    patch.box_ellipse(box, PAPER)
    gap_from = gap_to = None
    if tip is not None:
        polygon, sides = _tail_points(cx, cy, rx, ry, tip)
        patch.polygon(polygon, PAPER)
        angle = math.degrees(math.atan2((tip[1] - cy) / ry, (tip[0] - cx) / rx)) % 360
        spread = math.degrees(min(0.32, max(0.14, 14.0 / max(rx, ry))))
        gap_from, gap_to = angle - spread, angle + spread
        for a, b in ((sides[0], sides[1]), (sides[1], sides[2])):
            _dashed_line(patch, a, b, lw)
    perimeter = math.pi * (3 * (rx + ry) - math.sqrt((3 * rx + ry) * (rx + 3 * ry)))
    dashes = max(12, round(perimeter / (lw * 7)))
    step = 360 / dashes
    for i in range(dashes):
        start = i * step
        mid = (start + step * 0.3) % 360
        if gap_from is not None and _angle_between(mid, gap_from, gap_to):
            continue
        patch.draw.arc(patch.box(box), start, start + step * 0.6, fill=WHISPER_INK, width=lw * SUPERSAMPLE)


def _angle_between(angle: float, start: float, end: float) -> bool:
    return (angle - start) % 360 <= (end - start) % 360


def _dashed_line(patch: _Patch, a: Point, b: Point, lw: int) -> None:
    length = math.dist(a, b)
    dash = lw * 4
    count = max(1, int(length // (dash * 1.7)))
    for i in range(count + 1):
        t0 = i * dash * 1.7 / length
        t1 = min(1.0, t0 + dash / length)
        if t0 >= 1.0:
            break
        p0 = (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0)
        p1 = (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1)
        patch.outline([p0, p1], WHISPER_INK, lw, closed=False)


def draw_text_block(canvas: Image.Image, style: str, box: Box, block: TextBlock) -> None:
    """The block's lines, centred in `box` as one block (captions left-aligned), each script in its font."""
    colour = TEXT_COLOURS.get(style, (15, 15, 15))
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    top = cy - block.height / 2
    for i, line in enumerate(block.lines):
        y = top + i * block.line_height
        if style == "narration":
            draw_line(canvas, (cx - block.width / 2, y), line, block.face, block.size, colour)
        else:
            draw_line(canvas, (cx, y), line, block.face, block.size, colour, anchor="ma")


def render_sfx(text: str, size: int, max_width: float, *, monochrome: bool = False) -> Image.Image:
    """Big, outlined, tilted sound-effect lettering on a transparent patch (coloured on colour art)."""
    key = zlib.crc32(text.encode())
    colours = MONOCHROME_SFX_COLOURS if monochrome else SFX_COLOURS
    colour = colours[key % len(colours)]
    angle = (-14, -9, 8, 13)[key % 4]
    label = text.upper()
    face = script_face("sfx", label)
    while size > 12 and text_width(face, size, label) > max_width:
        size = max(12, int(size * 0.85))
    stroke = max(2, size // 9)
    width, height = line_extent(face, size, label, stroke)
    patch = Image.new("RGBA", (width + 4, height + 4), (0, 0, 0, 0))
    draw_line(patch, (2 + stroke, 2 + stroke), label, face, size, (*colour, 255), stroke_width=stroke, stroke_fill=INK)
    patch = patch.crop(patch.getbbox() or (0, 0, 1, 1))
    return patch.rotate(angle, expand=True, resample=Image.Resampling.BILINEAR)
