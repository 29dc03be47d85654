"""Where a scene happens: silhouettes and ground for the location words the planner writes.

`scene.location` is free text ("the village square", "a dark forest"); the first known keyword
picks the painter. Layouts come from a scene-stable random generator, so every panel of a scene
shows the same houses or trees, shifted by the camera's pan.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

from sketchdojo.engine.artist.colour import Rgb, mix, scale
from sketchdojo.engine.artist.painter import Painter
from sketchdojo.engine.artist.sky import Light, gradient


@dataclass
class Stage:
    """The camera's view of the set: where the horizon is, how close the set is, how far it's panned."""

    width: int
    height: int
    horizon: int
    zoom: float
    pan: float
    light: Light
    rng: random.Random

    def lit(self, p: Painter, rgb: Rgb, depth: float = 0.0) -> Rgb:
        """A set colour under the scene light, hazed toward the horizon sky by `depth` (0 near, 1 far)."""
        colour = p.col(rgb)
        if depth:
            colour = mix(colour, p.style.colour(self.light.sky[2]), depth * 0.55)
        return colour


GROUND = {
    "grass": (96, 150, 78),
    "forest": (62, 112, 58),
    "street": (118, 116, 122),
    "sand": (222, 196, 140),
    "desert": (226, 184, 120),
    "rock": (128, 120, 112),
    "floor": (150, 112, 80),
    "metal": (92, 98, 112),
    "snow": (236, 240, 248),
}


def _ground(img: Image.Image, p: Painter, stage: Stage, kind: str) -> None:
    base = GROUND["snow"] if stage.light.weather.value == "snow" and kind != "floor" else GROUND[kind]
    far = stage.lit(p, base, 0.5)
    near = stage.lit(p, scale(base, 0.78))
    h = stage.height - stage.horizon
    if h > 0:
        img.paste(gradient((stage.width, h), [far, near]), (0, stage.horizon))


def _x(stage: Stage, x: float) -> float:
    """Set coordinate (0..1 across the panel at wide zoom) to pixels, with zoom and pan about the centre."""
    return stage.width / 2 + (x - 0.5 - stage.pan) * stage.width * stage.zoom


def _house(p: Painter, stage: Stage, x: float, width: float, height: float, depth: float, rng: random.Random):
    base_y = stage.horizon + 4 * stage.zoom * (1 - depth)
    x0 = _x(stage, x)
    wpx, hpx = width * stage.width * stage.zoom, height * stage.height * stage.zoom
    wall = stage.lit(p, rng.choice([(214, 196, 160), (196, 170, 140), (226, 214, 190), (180, 160, 150)]), depth)
    roof = stage.lit(p, rng.choice([(150, 62, 52), (112, 76, 60), (80, 86, 110), (126, 92, 62)]), depth)
    size = hpx * 0.6
    p.polygon([(x0, base_y), (x0, base_y - hpx), (x0 + wpx, base_y - hpx), (x0 + wpx, base_y)], wall, size=size)
    p.polygon(
        [(x0 - wpx * 0.12, base_y - hpx), (x0 + wpx / 2, base_y - hpx - wpx * 0.55), (x0 + wpx * 1.12, base_y - hpx)],
        roof,
        size=size,
    )
    p.polygon(
        [
            (x0 + wpx * 0.7, base_y - hpx - wpx * 0.3),
            (x0 + wpx * 0.7, base_y - hpx - wpx * 0.5),
            (x0 + wpx * 0.82, base_y - hpx - wpx * 0.5),
            (x0 + wpx * 0.82, base_y - hpx - wpx * 0.2),
        ],
        scale(roof, 0.8),
    )
    glass = (255, 214, 120) if stage.light.windows_lit else stage.lit(p, (120, 150, 180), depth)
    for wx in (0.18, 0.6):
        bx, by = x0 + wpx * wx, base_y - hpx * 0.72
        p.polygon(
            [(bx, by), (bx + wpx * 0.22, by), (bx + wpx * 0.22, by + hpx * 0.28), (bx, by + hpx * 0.28)],
            glass,
            size=size * 0.6,
        )
        if stage.light.windows_lit and depth == 0:
            p.glow((bx + wpx * 0.11, by + hpx * 0.14), wpx * 0.3, (255, 200, 110), strength=40)
    door = stage.lit(p, (92, 62, 44), depth)
    p.polygon(
        [
            (x0 + wpx * 0.42, base_y),
            (x0 + wpx * 0.42, base_y - hpx * 0.45),
            (x0 + wpx * 0.58, base_y - hpx * 0.45),
            (x0 + wpx * 0.58, base_y),
        ],
        door,
        size=size * 0.6,
    )


def village(img: Image.Image, p: Painter, stage: Stage) -> None:
    rng = stage.rng
    _hills(p, stage, (92, 126, 90), 0.7, rng)
    _ground(img, p, stage, "grass")
    x = -0.6
    while x < 1.6:
        w = rng.uniform(0.1, 0.16)
        _house(p, stage, x, w * 0.8, rng.uniform(0.08, 0.12), 0.55, rng)
        x += w * 1.1
    x = -0.5
    while x < 1.5:
        w = rng.uniform(0.16, 0.22)
        _house(p, stage, x, w, rng.uniform(0.13, 0.19), 0.0, rng)
        x += w + rng.uniform(0.06, 0.14)
    path = (176, 150, 112) if stage.light.weather.value != "snow" else (226, 228, 236)
    path = stage.lit(p, path)
    cx = _x(stage, 0.5)
    p.polygon(
        [
            (cx - stage.width * 0.05 * stage.zoom, stage.horizon + 6),
            (cx + stage.width * 0.05 * stage.zoom, stage.horizon + 6),
            (cx + stage.width * 0.4, stage.height),
            (cx - stage.width * 0.4, stage.height),
        ],
        path,
    )


def _tree(p: Painter, stage: Stage, x: float, height: float, depth: float, rng: random.Random, pine: bool):
    base_y = stage.horizon + (1 - depth) * stage.height * 0.05
    cx = _x(stage, x)
    hpx = height * stage.height * stage.zoom
    trunk = stage.lit(p, (98, 70, 48), depth)
    leaf = stage.lit(p, rng.choice([(52, 118, 62), (70, 134, 66), (40, 100, 70)]), depth)
    size = hpx * 0.35
    p.polygon(
        [
            (cx - hpx * 0.04, base_y),
            (cx - hpx * 0.03, base_y - hpx * 0.5),
            (cx + hpx * 0.03, base_y - hpx * 0.5),
            (cx + hpx * 0.04, base_y),
        ],
        trunk,
        size=size,
    )
    if pine:
        for i in range(3):
            top = base_y - hpx * (1.0 - i * 0.2)
            half = hpx * (0.16 + i * 0.06)
            p.polygon(
                [(cx, top), (cx + half, top + hpx * 0.38), (cx - half, top + hpx * 0.38)],
                scale(leaf, 1 - i * 0.08),
                size=size,
            )
    else:
        for dx, dy, r in ((0, 0.72, 0.24), (-0.14, 0.58, 0.18), (0.14, 0.6, 0.19), (0, 0.9, 0.17)):
            p.ellipse(
                (cx + (dx - r) * hpx, base_y - (dy + r) * hpx, cx + (dx + r) * hpx, base_y - (dy - r) * hpx),
                leaf,
                size=size,
            )
        p.ellipse(
            (cx - 0.2 * hpx, base_y - 0.95 * hpx, cx + 0.02 * hpx, base_y - 0.8 * hpx),
            (*mix(leaf, (255, 255, 220), 0.25), 150),
        )


def forest(img: Image.Image, p: Painter, stage: Stage) -> None:
    rng = stage.rng
    _ground(img, p, stage, "forest")
    for depth, count, height in ((0.8, 16, 0.22), (0.45, 11, 0.32), (0.0, 7, 0.5)):
        for i in range(count):
            x = -0.5 + (i + rng.uniform(0.1, 0.9)) * 2.0 / count
            _tree(p, stage, x, height * rng.uniform(0.85, 1.15), depth, rng, pine=rng.random() < 0.6)


def default(img: Image.Image, p: Painter, stage: Stage) -> None:
    rng = stage.rng
    _hills(p, stage, (110, 150, 96), 0.6, rng)
    _hills(p, stage, (90, 140, 80), 0.25, rng)
    _ground(img, p, stage, "grass")
    for i in range(4):
        _tree(p, stage, -0.3 + i * 0.55 + rng.uniform(0, 0.2), rng.uniform(0.2, 0.3), 0.2, rng, pine=False)


def _hills(p: Painter, stage: Stage, colour: Rgb, depth: float, rng: random.Random) -> None:
    w = stage.width
    amp = stage.height * 0.08 * stage.zoom
    phase = rng.uniform(0, math.tau)
    pts = [(-10, stage.horizon + 2)]
    for i in range(0, 33):
        x = i * w / 32
        y = stage.horizon - amp * (0.55 + 0.45 * math.sin(phase + (x / w + stage.pan) * 5 * (1 + depth)))
        pts.append((x, y))
    pts.append((w + 10, stage.horizon + 2))
    p.polygon(pts, stage.lit(p, colour, depth))


def city(img: Image.Image, p: Painter, stage: Stage) -> None:
    rng = stage.rng
    _ground(img, p, stage, "street")
    lit = stage.light.windows_lit
    for depth, hmin, hmax in ((0.7, 0.18, 0.34), (0.0, 0.14, 0.3)):
        x = -0.6
        while x < 1.6:
            bw = rng.uniform(0.07, 0.13)
            bh = rng.uniform(hmin, hmax)
            x0, x1 = _x(stage, x), _x(stage, x + bw)
            top = stage.horizon - bh * stage.height * stage.zoom
            body = stage.lit(p, rng.choice([(90, 96, 118), (120, 118, 130), (76, 84, 104), (140, 130, 120)]), depth)
            p.polygon([(x0, stage.horizon), (x0, top), (x1, top), (x1, stage.horizon)], body, size=(x1 - x0))
            step_x, step_y = (x1 - x0) / 4, max(6.0, (stage.horizon - top) / 9)
            for wy in range(1, int((stage.horizon - top) / step_y) - 1):
                for wx in range(3):
                    on = lit and rng.random() < 0.45
                    colour = (255, 220, 130) if on else stage.lit(p, (60, 70, 92) if lit else (170, 196, 220), depth)
                    if not on and depth and lit:
                        continue
                    bx, by = x0 + step_x * (wx + 0.6), top + step_y * wy + 2
                    p.solid.rectangle((bx, by, bx + step_x * 0.5, by + step_y * 0.5), fill=colour)
            x += bw + rng.uniform(0.0, 0.03)


def school(img: Image.Image, p: Painter, stage: Stage) -> None:
    rng = stage.rng
    _hills(p, stage, (110, 150, 96), 0.6, rng)
    _ground(img, p, stage, "street")
    cx, base = _x(stage, 0.5), stage.horizon
    w, h = stage.width * 0.7 * stage.zoom, stage.height * 0.2 * stage.zoom
    wall = stage.lit(p, (224, 206, 176))
    p.polygon([(cx - w / 2, base), (cx - w / 2, base - h), (cx + w / 2, base - h), (cx + w / 2, base)], wall, size=h)
    tw, th = w * 0.18, h * 0.65
    p.polygon(
        [(cx - tw / 2, base - h), (cx - tw / 2, base - h - th), (cx + tw / 2, base - h - th), (cx + tw / 2, base - h)],
        wall,
        size=h,
    )
    p.polygon(
        [(cx - tw * 0.65, base - h - th), (cx, base - h - th - tw * 0.5), (cx + tw * 0.65, base - h - th)],
        stage.lit(p, (150, 64, 56)),
        size=h,
    )
    r = tw * 0.32
    ccx, ccy = cx, base - h - th * 0.55
    p.ellipse((ccx - r, ccy - r, ccx + r, ccy + r), stage.lit(p, (250, 250, 240)), size=h)
    hand = stage.lit(p, (40, 40, 40))
    p.line([(ccx, ccy), (ccx, ccy - r * 0.75)], hand, max(1, r * 0.12))
    p.line([(ccx, ccy), (ccx + r * 0.5, ccy + r * 0.1)], hand, max(1, r * 0.12))
    glass = (255, 214, 120) if stage.light.windows_lit else stage.lit(p, (130, 170, 200))
    for row in range(2):
        for col in range(10):
            if 4 <= col <= 5:
                continue
            x0 = cx - w / 2 + w * (col + 0.25) / 10
            y0 = base - h + h * (0.15 + row * 0.42)
            p.solid.rectangle((x0, y0, x0 + w * 0.05, y0 + h * 0.28), fill=glass)
    door = stage.lit(p, (110, 80, 60))
    p.solid.rectangle((cx - tw * 0.3, base - h * 0.42, cx + tw * 0.3, base), fill=door)


def sea(img: Image.Image, p: Painter, stage: Stage) -> None:
    rng = stage.rng
    w, h = stage.width, stage.height
    far = stage.lit(p, (70, 130, 180), 0.3)
    near = stage.lit(p, (30, 80, 130))
    img.paste(gradient((w, h - stage.horizon), [far, near]), (0, stage.horizon))
    beach = stage.horizon + (h - stage.horizon) * 0.55
    sand = stage.lit(p, GROUND["sand"])
    pts = [(0, h), (0, beach)]
    for i in range(17):
        pts.append((i * w / 16, beach + math.sin(i * 0.9 + rng.uniform(0, 0.4)) * h * 0.015))
    pts += [(w, h)]
    p.polygon(pts, sand)
    foam = (*p.col((240, 248, 255)), 190)
    for row in range(9):
        y = stage.horizon + (beach - stage.horizon) * (row + 0.5) / 9
        length = w * 0.03 * (1 + row * 0.4)
        for _ in range(4 + row):
            x = rng.uniform(0, w)
            p.draw.arc((x, y - length * 0.2, x + length, y + length * 0.2), 200, 340, fill=foam, width=1 + row // 4)
    p.draw.line((0, stage.horizon, w, stage.horizon), fill=(*p.col((230, 240, 250)), 120), width=2)


def mountain(img: Image.Image, p: Painter, stage: Stage) -> None:
    rng = stage.rng
    for depth, peak_h, colour in ((0.7, 0.42, (120, 124, 150)), (0.3, 0.3, (104, 100, 110))):
        x = -0.4
        while x < 1.4:
            pw = rng.uniform(0.3, 0.5)
            ph = peak_h * rng.uniform(0.7, 1.1) * stage.height * stage.zoom
            x0, xm, x1 = _x(stage, x), _x(stage, x + pw / 2), _x(stage, x + pw)
            base = stage.horizon + 2
            body = stage.lit(p, colour, depth)
            p.polygon([(x0, base), (xm, base - ph), (x1, base)], body, size=ph * 0.3)
            p.polygon([(xm, base - ph), (x1, base), (xm + (x1 - xm) * 0.1, base)], scale(body, 0.82))
            cap = stage.lit(p, (246, 248, 252), depth * 0.5)
            p.polygon(
                [
                    (xm, base - ph),
                    (xm + (x1 - xm) * 0.28, base - ph * 0.72),
                    (xm + (x1 - xm) * 0.1, base - ph * 0.66),
                    (xm - (xm - x0) * 0.05, base - ph * 0.74),
                    (xm - (xm - x0) * 0.3, base - ph * 0.7),
                ],
                cap,
            )
            x += pw * 0.6
    _ground(img, p, stage, "rock")


def castle(img: Image.Image, p: Painter, stage: Stage) -> None:
    rng = stage.rng
    _hills(p, stage, (96, 130, 92), 0.5, rng)
    _ground(img, p, stage, "grass")
    stone = stage.lit(p, (150, 146, 150), 0.2)
    cx, base = _x(stage, 0.5), stage.horizon + 2
    w, h = stage.width * 0.56 * stage.zoom, stage.height * 0.16 * stage.zoom
    p.polygon([(cx - w / 2, base), (cx - w / 2, base - h), (cx + w / 2, base - h), (cx + w / 2, base)], stone, size=h)
    step = w / 14
    for i in range(0, 14, 2):
        x0 = cx - w / 2 + i * step
        p.solid.rectangle((x0, base - h - step * 0.7, x0 + step, base - h), fill=stone)
    roof = stage.lit(p, (90, 60, 110), 0.2)
    for tx, th in ((-0.5, 1.7), (0.5, 1.7), (-0.12, 2.4), (0.18, 2.0)):
        x = cx + tx * w
        tw = w * 0.1
        p.polygon([(x - tw, base), (x - tw, base - h * th), (x + tw, base - h * th), (x + tw, base)], stone, size=h)
        p.polygon(
            [(x - tw * 1.25, base - h * th), (x, base - h * th - tw * 2.2), (x + tw * 1.25, base - h * th)],
            roof,
            size=h,
        )
        glass = (255, 210, 110) if stage.light.windows_lit else stage.lit(p, (50, 50, 70))
        p.solid.rectangle((x - tw * 0.2, base - h * th * 0.8, x + tw * 0.2, base - h * th * 0.65), fill=glass)
    p.draw.chord(
        (cx - w * 0.07, base - h * 0.7, cx + w * 0.07, base + h * 0.5), 180, 360, fill=stage.lit(p, (60, 44, 36))
    )


def desert(img: Image.Image, p: Painter, stage: Stage) -> None:
    rng = stage.rng
    _ground(img, p, stage, "desert")
    w, h = stage.width, stage.height
    for depth in (0.5, 0.2, 0.0):
        cx = rng.uniform(0, w)
        rw = w * rng.uniform(0.5, 0.8)
        top = stage.horizon + (h - stage.horizon) * (0.5 - depth * 0.6)
        p.draw.chord((cx - rw, top, cx + rw, top + h * 0.6), 180, 360, fill=stage.lit(p, (224, 176, 112), depth))
    cactus = stage.lit(p, (80, 128, 70))
    x, base = _x(stage, rng.uniform(0.1, 0.3)), stage.horizon + (h - stage.horizon) * 0.35
    ch = h * 0.16 * stage.zoom
    p.limb([(x, base), (x, base - ch)], ch * 0.16, cactus, size=ch * 0.5)
    p.limb(
        [(x, base - ch * 0.5), (x - ch * 0.25, base - ch * 0.5), (x - ch * 0.25, base - ch * 0.8)],
        ch * 0.1,
        cactus,
        size=ch * 0.5,
    )


def space(img: Image.Image, p: Painter, stage: Stage) -> None:
    rng = stage.rng
    w, h = stage.width, stage.height
    img.paste(gradient((w, h), [p.style.colour((4, 4, 16)), p.style.colour((24, 14, 48))]), (0, 0))
    for _ in range(int(w * h / 1500)):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.choice((0.7, 1.0, 1.5))
        p.draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 240, rng.randint(120, 255)))
    px, py, pr = w * 0.72, h * 0.25, w * 0.12 * stage.zoom
    planet = p.style.colour((200, 120, 90))
    p.ellipse((px - pr, py - pr, px + pr, py + pr), planet, size=pr)
    p.draw.arc(
        (px - pr * 1.8, py - pr * 0.35, px + pr * 1.8, py + pr * 0.35),
        330,
        210,
        fill=p.style.colour((230, 200, 160)),
        width=max(2, int(pr * 0.08)),
    )
    floor = p.style.colour(GROUND["metal"])
    p.polygon([(0, h), (0, stage.horizon + h * 0.12), (w, stage.horizon + h * 0.12), (w, h)], floor)
    for i in range(9):
        x = i * w / 8
        p.draw.line(
            (w / 2 + (x - w / 2) * 0.3, stage.horizon + h * 0.12, x, h), fill=(*scale(floor, 0.7), 255), width=2
        )


def interior(img: Image.Image, p: Painter, stage: Stage, *, lab: bool = False) -> None:
    w, h = stage.width, stage.height
    floor_y = stage.horizon + int(h * 0.06)
    wx0, wy0 = _x(stage, 0.58), stage.horizon - h * 0.42 * stage.zoom
    wx1, wy1 = _x(stage, 0.86), stage.horizon - h * 0.1 * stage.zoom
    box = tuple(int(v) for v in (wx0, max(0, wy0), wx1, max(1, wy1)))
    view = img.crop(box) if box[2] > box[0] and box[3] > box[1] else None
    wall_top = stage.lit(p, (210, 220, 214) if lab else (226, 206, 178))
    img.paste(gradient((w, floor_y), [wall_top, scale(wall_top, 0.86)]), (0, 0))
    if view is not None:
        img.paste(view, box[:2])
        frame = stage.lit(p, (250, 246, 236))
        p.solid.rectangle(box, outline=frame, width=max(3, int(w * 0.012)))
        p.draw.line(((box[0] + box[2]) / 2, box[1], (box[0] + box[2]) / 2, box[3]), fill=frame, width=max(2, w // 160))
    img.paste(
        gradient((w, max(1, h - floor_y)), [stage.lit(p, (168, 128, 92)), stage.lit(p, (120, 86, 60))]), (0, floor_y)
    )
    for i in range(10):
        x = i * w / 9
        p.draw.line((x, floor_y, w / 2 + (x - w / 2) * 2.2, h), fill=(*stage.lit(p, (100, 72, 50)), 120), width=1)
    p.solid.rectangle((0, floor_y - h * 0.02, w, floor_y), fill=stage.lit(p, (190, 170, 150)))
    if lab:
        bench_top = floor_y - h * 0.14
        p.polygon(
            [
                (_x(stage, 0.02), bench_top),
                (_x(stage, 0.45), bench_top),
                (_x(stage, 0.45), floor_y),
                (_x(stage, 0.02), floor_y),
            ],
            stage.lit(p, (120, 130, 140)),
            size=h * 0.1,
        )
        for i, glow_rgb in enumerate(((90, 255, 160), (120, 180, 255), (255, 120, 220))):
            fx = _x(stage, 0.08 + i * 0.12)
            fr = h * 0.03 * stage.zoom
            p.glow((fx, bench_top - fr), fr * 2.5, glow_rgb, strength=70)
            p.ellipse((fx - fr, bench_top - fr * 2, fx + fr, bench_top), (*glow_rgb, 220), size=fr * 4)
    else:
        shelf = stage.lit(p, (140, 96, 64))
        sx0, sx1 = _x(stage, 0.08), _x(stage, 0.32)
        top = floor_y - h * 0.3 * stage.zoom
        p.polygon([(sx0, floor_y), (sx0, top), (sx1, top), (sx1, floor_y)], shelf, size=h * 0.1)
        rng = stage.rng
        for row in range(3):
            y = top + (floor_y - top) * (row + 0.15) / 3
            x = sx0 + 4
            while x < sx1 - 8:
                bw = (sx1 - sx0) * rng.uniform(0.05, 0.1)
                p.solid.rectangle(
                    (x, y, x + bw, y + (floor_y - top) * 0.22),
                    fill=stage.lit(p, rng.choice([(170, 60, 50), (60, 90, 150), (200, 170, 80), (80, 130, 90)])),
                )
                x += bw + 2


def lab(img: Image.Image, p: Painter, stage: Stage) -> None:
    interior(img, p, stage, lab=True)


LOCATIONS: list[tuple[tuple[str, ...], Callable[[Image.Image, Painter, Stage], None], bool]] = [
    (("space", "galaxy", "planet", "orbit", "starship", "spaceship"), space, False),
    (("lab", "laborator"), lab, False),
    (
        (
            "interior",
            "home",
            "room",
            "house",
            "kitchen",
            "office",
            "classroom",
            "library",
            "inside",
            "hall",
            "shop",
            "cafe",
            "tavern",
            "bedroom",
        ),
        interior,
        False,
    ),
    (("school", "academy", "campus"), school, True),
    (("castle", "palace", "fortress", "tower", "kingdom"), castle, True),
    (("village", "town", "hamlet", "farm"), village, True),
    (("city", "street", "downtown", "rooftop", "metropolis", "alley"), city, True),
    (("forest", "wood", "jungle", "grove", "park"), forest, True),
    (("sea", "beach", "ocean", "coast", "shore", "harbor", "harbour", "lake", "island"), sea, True),
    (("mountain", "peak", "cliff", "summit", "valley", "hill"), mountain, True),
    (("desert", "dune", "canyon", "wasteland"), desert, True),
]


def location_painter(location: str) -> tuple[Callable[[Image.Image, Painter, Stage], None], bool]:
    """The painter for a location text and whether it is outdoors (weather falls in front of it)."""
    text = location.lower()
    for words, painter, outdoor in LOCATIONS:
        if any(word in text for word in words):
            return painter, outdoor
    return default, True
