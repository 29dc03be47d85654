"""Non-human cast: one drawing per `vocabulary.KINDS` key, so a cat is a cat and not a person.

Every creature is drawn in head units like a person (`Placement`: centre x, top of head, head
height `u`, facing), so the framing code places it the same way: a close-up shows its head, a wide
shot the whole animal standing on the same ground line a person would. The body plan (four legs,
wings, fins, tentacles, a sheet, a blob, a machine) and the features a child names an animal by
(ears, snout, mane, hump, whiskers, curly tail, horns) come from `KIND_SPECS`. The coat colour is the
kind's own, nudged by the character's palette so two cats of one story differ.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from sketchdojo.engine.artist.colour import Rgb, mix, scale
from sketchdojo.engine.artist.painter import Painter, Point

Box = tuple[int, int, int, int]
WHITE: Rgb = (255, 255, 255)
INK: Rgb = (30, 24, 28)


@dataclass(frozen=True)
class KindSpec:
    plan: str  # quadruped, bird, fish, octopus, seal, robot, ghost, slime, frog, monster
    coat: Rgb
    belly: Rgb
    ears: str = "none"  # pointy, floppy, long, round, horse, none
    snout: float = 0.0  # how far the muzzle sticks out, in head widths
    tail: str = "none"  # thin, bushy, curly, stub, hair, dragon
    size: float = 1.0  # body length in head units over a cat's
    legs: float = 1.0  # leg length factor
    whiskers: bool = False
    mane: bool = False
    hump: bool = False
    wings: bool = False
    horns: bool = False
    spikes: bool = False
    nose: Rgb = INK


KIND_SPECS: dict[str, KindSpec] = {
    "cat": KindSpec(
        "quadruped",
        (236, 150, 70),
        (250, 226, 196),
        ears="pointy",
        snout=0.08,
        tail="thin",
        whiskers=True,
        nose=(232, 120, 140),
    ),
    "dog": KindSpec(
        "quadruped", (196, 140, 88), (244, 226, 200), ears="floppy", snout=0.32, tail="bushy", size=1.15, legs=1.15
    ),
    "wolf": KindSpec(
        "quadruped", (128, 128, 136), (214, 214, 218), ears="pointy", snout=0.42, tail="bushy", size=1.3, legs=1.3
    ),
    "horse": KindSpec(
        "quadruped", (150, 92, 56), (180, 120, 80), ears="horse", snout=0.55, tail="hair", size=2.1, legs=1.7, mane=True
    ),
    "camel": KindSpec(
        "quadruped",
        (214, 176, 118),
        (232, 204, 156),
        ears="round",
        snout=0.45,
        tail="thin",
        size=2.0,
        legs=1.9,
        hump=True,
    ),
    "pig": KindSpec(
        "quadruped",
        (246, 172, 180),
        (252, 200, 206),
        ears="pointy",
        snout=0.14,
        tail="curly",
        size=1.25,
        legs=0.7,
        nose=(226, 120, 136),
    ),
    "bear": KindSpec(
        "quadruped", (120, 80, 50), (170, 128, 92), ears="round", snout=0.22, tail="stub", size=1.5, legs=0.95
    ),
    "rabbit": KindSpec(
        "quadruped",
        (236, 232, 228),
        (252, 250, 248),
        ears="long",
        snout=0.06,
        tail="stub",
        size=0.9,
        legs=0.7,
        whiskers=True,
        nose=(232, 120, 140),
    ),
    "mouse": KindSpec(
        "quadruped",
        (160, 156, 160),
        (230, 220, 222),
        ears="round",
        snout=0.2,
        tail="thin",
        size=0.8,
        legs=0.55,
        whiskers=True,
        nose=(232, 120, 140),
    ),
    "dragon": KindSpec(
        "quadruped",
        (64, 150, 88),
        (226, 210, 120),
        ears="none",
        snout=0.5,
        tail="dragon",
        size=2.0,
        legs=1.3,
        wings=True,
        horns=True,
        spikes=True,
    ),
    "bird": KindSpec("bird", (70, 130, 210), (250, 220, 120)),
    "fish": KindSpec("fish", (250, 140, 40), (255, 210, 140)),
    "octopus": KindSpec("octopus", (210, 90, 120), (240, 160, 180)),
    "seal": KindSpec("seal", (130, 136, 148), (190, 196, 204), whiskers=True),
    "robot": KindSpec("robot", (172, 184, 198), (90, 210, 255)),
    "ghost": KindSpec("ghost", (244, 246, 255), (200, 210, 240)),
    "slime": KindSpec("slime", (90, 200, 120), (190, 250, 200)),
    "frog": KindSpec("frog", (96, 176, 70), (210, 230, 150)),
    "monster": KindSpec("monster", (60, 40, 80), (140, 80, 200)),
}


def drawn_kinds() -> frozenset[str]:
    """The kinds with their own drawing (`human` is drawn by `figures.draw_person`)."""
    return frozenset(KIND_SPECS) | {"human"}


PLAN_HEIGHTS = {
    "bird": 3.1,
    "fish": 2.0,
    "octopus": 3.4,
    "seal": 3.0,
    "robot": 4.4,
    "ghost": 3.6,
    "slime": 2.4,
    "frog": 2.6,
}


def creature_height(kind: str) -> float:
    """From the top of the head to the ground, in head heights: where a wide shot stands it."""
    spec = KIND_SPECS[kind]
    if spec.plan != "quadruped":
        return PLAN_HEIGHTS[spec.plan]
    body_h = 0.62 * (1 + (spec.size - 1) * 0.5)
    neck_up = 0.35 * spec.legs if spec.legs > 1.6 else 0.0
    return 0.5 + 0.3 + neck_up + body_h * 0.85 + 0.95 * spec.legs


def draw_creature(p: Painter, look, cast, place) -> tuple[Box, Callable[[], None]]:
    """Draw a non-human cast member; return its face box and a (no-op) head pass."""
    spec = KIND_SPECS[look.kind]
    rng = random.Random(look.seed ^ 0xC0A7)
    # the kind's own coat, nudged toward the character's palette so two cats of one story differ
    coat = p.col(mix(spec.coat, look.hair, 0.28), light=0.5)
    belly = p.col(mix(spec.belly, look.hair, 0.12), light=0.5)
    accent = p.col(look.accent, light=0.5)
    d = place.facing or (1 if rng.random() < 0.5 else -1)
    if place.variant and not place.facing:
        d = -d  # a repeated beat turns the animal round
    u = place.u
    x, top = place.cx, place.head_top
    draw = _PLANS[spec.plan]
    box = draw(p, spec, coat, belly, accent, x, top, u, d, cast.action, rng)
    return tuple(int(v) for v in box), _nothing


# -- body plans: each draws from the head's top-centre (x, top) in head units u, facing d ------------


def _eye(p: Painter, c: Point, r: float, *, iris: Rgb = INK, glint: bool = True) -> None:
    p.ellipse((c[0] - r, c[1] - r, c[0] + r, c[1] + r), iris)
    if glint:
        g = r * 0.38
        p.ellipse((c[0] - g + r * 0.3, c[1] - g - r * 0.3, c[0] + g + r * 0.3, c[1] + g - r * 0.3), WHITE)


def _quadruped(p, spec: KindSpec, coat, belly, accent, x, top, u, d, action, rng) -> tuple[float, ...]:
    hr = u * 0.5  # head radius
    s = spec.size
    body_len, body_h = u * 1.5 * s, u * 0.62 * (1 + (s - 1) * 0.5) * (1.35 if spec.tail == "stub" and s > 1.2 else 1)
    x += d * body_len * 0.5  # the whole animal, not just its head, stands on the placement
    head = (x, top + hr)
    neck_up = u * (0.35 * spec.legs if spec.plan == "quadruped" and spec.legs > 1.6 else 0.0)
    back_y = head[1] + hr * 0.6 + neck_up
    bx = x - d * (body_len * 0.55 + hr * 0.2)
    by = back_y + body_h * 0.5
    leg_len = u * 0.95 * spec.legs
    ground = by + body_h * 0.35 + leg_len
    size = u
    dark = scale(coat, 0.78)
    # far legs, tail, body, near legs
    run = action.value in ("running", "stealing", "fighting")
    for i, lx in enumerate((bx - d * body_len * 0.35, bx + d * body_len * 0.3)):
        swing = (u * 0.35 if run else u * 0.08) * (1 if i else -1)
        p.limb([(lx + d * u * 0.1, by), (lx + d * u * 0.1 + swing, ground)], u * 0.24 * min(1.4, s), dark, size=size)
    tail_root = (bx - d * body_len * 0.5, by - body_h * 0.2)
    _tail(p, spec, coat, dark, tail_root, u, d)
    if spec.wings:
        _bat_wing(p, scale(coat, 0.85), accent, (bx, by - body_h * 0.3), u * 1.6 * s, d, rng)
    p.ellipse((bx - body_len / 2, by - body_h / 2, bx + body_len / 2, by + body_h / 2), coat, size=size)
    p.chord((bx - body_len * 0.4, by - body_h * 0.1, bx + body_len * 0.4, by + body_h * 0.5), 0, 180, belly)
    if spec.hump:
        p.ellipse((bx - body_len * 0.28, by - body_h * 1.05, bx + body_len * 0.18, by + body_h * 0.1), coat, size=size)
    if spec.spikes:
        for k in range(6):
            sx = bx - d * body_len * (0.4 - k * 0.14)
            sy = by - body_h * 0.45 + abs(k - 2.5) * u * 0.03
            p.polygon([(sx - u * 0.12, sy), (sx, sy - u * 0.32), (sx + u * 0.12, sy)], accent, size=size)
    for i, lx in enumerate((bx - d * body_len * 0.28, bx + d * body_len * 0.36)):
        swing = (u * 0.35 if run else u * 0.06) * (-1 if i else 1)
        foot = (lx + swing, ground)
        p.limb([(lx, by + body_h * 0.1), foot], u * 0.26 * min(1.4, s), coat, size=size)
        p.ellipse((foot[0] - u * 0.16, foot[1] - u * 0.08, foot[0] + u * 0.16, foot[1] + u * 0.08), dark)
    # neck into the head
    p.limb(
        [(bx + d * body_len * 0.35, by - body_h * 0.1), (head[0] - d * hr * 0.2, head[1] + hr * 0.3)],
        u * 0.5,
        coat,
        size=size,
    )
    if spec.mane:
        mane = scale(coat, 0.45)
        for k in range(6):
            t = k / 5
            mx = head[0] - d * hr * 0.4 + (bx + d * body_len * 0.3 - head[0] + d * hr * 0.4) * t
            my = head[1] - hr * 0.6 + (by - body_h * 0.5 - head[1] + hr * 0.6) * t
            p.ellipse((mx - u * 0.2, my - u * 0.16, mx + u * 0.2, my + u * 0.16), mane)
    _ears(p, spec, coat, belly, head, hr, d)
    p.ellipse((head[0] - hr, head[1] - hr * 0.92, head[0] + hr, head[1] + hr * 0.92), coat, size=size)
    if spec.horns:
        for k in (-1, 1):
            hx = head[0] + k * hr * 0.45 - d * hr * 0.2
            p.polygon(
                [
                    (hx - u * 0.08, head[1] - hr * 0.7),
                    (hx - d * u * 0.32, head[1] - hr * 1.5),
                    (hx + u * 0.1, head[1] - hr * 0.8),
                ],
                (236, 226, 196),
                size=size,
            )
    # muzzle
    muzzle_len = spec.snout * u * 2
    mc = (head[0] + d * (hr * 0.55 + muzzle_len * 0.5), head[1] + hr * 0.3)
    mw, mh = hr * 0.55 + muzzle_len * 0.5, hr * 0.42
    if spec.snout >= 0.12 or spec.nose != INK:
        p.ellipse((mc[0] - mw, mc[1] - mh, mc[0] + mw, mc[1] + mh), mix(coat, belly, 0.5), size=size)
    nose = (mc[0] + d * mw * 0.75, mc[1] - mh * 0.3)
    if look_pig(spec):
        p.ellipse(
            (mc[0] + d * mw * 0.2 - hr * 0.3, mc[1] - hr * 0.25, mc[0] + d * mw * 0.2 + hr * 0.3, mc[1] + hr * 0.25),
            spec.nose,
            size=size,
        )
        for k in (-1, 1):
            nx = mc[0] + d * mw * 0.2 + k * hr * 0.1
            p.ellipse((nx - hr * 0.05, mc[1] - hr * 0.08, nx + hr * 0.05, mc[1] + hr * 0.08), scale(spec.nose, 0.5))
    else:
        nr = hr * 0.13
        p.ellipse((nose[0] - nr * 1.2, nose[1] - nr, nose[0] + nr * 1.2, nose[1] + nr), p.col(spec.nose))
        p.draw.line([nose, (nose[0] - d * hr * 0.1, mc[1] + mh * 0.5)], fill=INK, width=max(1, int(u * 0.03)))
    if spec.whiskers:
        for k in (-1, 0, 1):
            p.draw.line(
                [(mc[0], mc[1] + k * hr * 0.06), (mc[0] + d * hr * 1.1, mc[1] + k * hr * 0.22 - hr * 0.05)],
                fill=(*INK, 200),
                width=max(1, int(u * 0.02)),
            )
    eye_c = (head[0] + d * hr * 0.28, head[1] - hr * 0.15)
    _eye(p, eye_c, hr * 0.16, iris=(60, 150, 70) if spec.whiskers and spec.snout < 0.1 else INK)
    if spec.snout < 0.3:
        _eye(p, (head[0] - d * hr * 0.2, head[1] - hr * 0.15), hr * 0.13)
    if look_has_collar(spec):
        p.limb(
            [(head[0] - d * hr * 0.6, head[1] + hr * 0.95), (head[0] + d * hr * 0.1, head[1] + hr * 1.05)],
            u * 0.12,
            accent,
        )
    return (head[0] - hr, head[1] - hr, head[0] + hr, head[1] + hr)


def look_pig(spec: KindSpec) -> bool:
    return spec.tail == "curly"


def look_has_collar(spec: KindSpec) -> bool:
    return spec.ears in ("floppy",) or (spec.ears == "pointy" and spec.whiskers)


def _ears(p: Painter, spec: KindSpec, coat, inner, head: Point, hr: float, d: int) -> None:
    for k in (-1, 1):
        ex = head[0] + k * hr * 0.5 - d * hr * 0.1
        ey = head[1] - hr * 0.6
        if spec.ears == "pointy":
            p.polygon(
                [
                    (ex - hr * 0.32, ey + hr * 0.2),
                    (ex + k * hr * 0.08, ey - hr * 0.65),
                    (ex + hr * 0.32, ey + hr * 0.2),
                ],
                coat,
                size=hr * 2,
            )
            p.polygon(
                [
                    (ex - hr * 0.16, ey + hr * 0.1),
                    (ex + k * hr * 0.05, ey - hr * 0.38),
                    (ex + hr * 0.16, ey + hr * 0.1),
                ],
                mix(inner, (240, 150, 160), 0.5),
            )
        elif spec.ears == "floppy":
            p.ellipse(
                (ex - hr * 0.2 + k * hr * 0.35, ey, ex + hr * 0.2 + k * hr * 0.35, ey + hr * 1.0),
                scale(coat, 0.7),
                size=hr * 2,
            )
        elif spec.ears == "long":
            p.ellipse((ex - hr * 0.18, ey - hr * 1.5, ex + hr * 0.18, ey + hr * 0.2), coat, size=hr * 2)
            p.ellipse((ex - hr * 0.08, ey - hr * 1.3, ex + hr * 0.08, ey), (240, 170, 180))
        elif spec.ears == "round":
            p.ellipse((ex - hr * 0.3, ey - hr * 0.3, ex + hr * 0.3, ey + hr * 0.3), coat, size=hr * 2)
            p.ellipse((ex - hr * 0.15, ey - hr * 0.15, ex + hr * 0.15, ey + hr * 0.15), scale(coat, 0.7))
        elif spec.ears == "horse":
            p.polygon(
                [(ex - hr * 0.14, ey + hr * 0.1), (ex, ey - hr * 0.45), (ex + hr * 0.14, ey + hr * 0.1)],
                coat,
                size=hr * 2,
            )


def _tail(p: Painter, spec: KindSpec, coat, dark, root: Point, u: float, d: int) -> None:
    rx, ry = root
    if spec.tail == "thin":
        p.limb([root, (rx - d * u * 0.5, ry - u * 0.3), (rx - d * u * 0.6, ry - u * 0.9)], u * 0.1, coat, size=u)
    elif spec.tail == "bushy":
        p.limb([root, (rx - d * u * 0.5, ry - u * 0.35), (rx - d * u * 0.7, ry - u * 0.6)], u * 0.28, coat, size=u)
    elif spec.tail == "curly":
        pts = [
            (rx - d * (u * 0.12 + u * 0.14 * math.cos(a)), ry - u * 0.14 * math.sin(a))
            for a in (i * 0.6 for i in range(13))
        ]
        p.line(pts, scale(coat, 0.75), max(2, u * 0.06))
    elif spec.tail == "stub":
        p.ellipse((rx - u * 0.18, ry - u * 0.18, rx + u * 0.18, ry + u * 0.18), mix(coat, WHITE, 0.4), size=u)
    elif spec.tail == "hair":
        for k in range(4):
            p.limb(
                [root, (rx - d * u * (0.3 + k * 0.05), ry + u * 0.6), (rx - d * u * (0.25 + k * 0.08), ry + u * 1.4)],
                u * 0.1,
                scale(coat, 0.45),
            )
    elif spec.tail == "dragon":
        pts = [
            root,
            (rx - d * u * 0.9, ry + u * 0.5),
            (rx - d * u * 1.8, ry + u * 0.3),
            (rx - d * u * 2.3, ry - u * 0.3),
        ]
        p.limb(pts, u * 0.3, coat, size=u)
        tx, ty = pts[-1]
        p.polygon([(tx - u * 0.2, ty + u * 0.1), (tx - d * u * 0.25, ty - u * 0.45), (tx + u * 0.2, ty)], dark, size=u)


def _bat_wing(p: Painter, membrane, bone, shoulder: Point, span: float, d: int, rng) -> None:
    sx, sy = shoulder
    tip = (sx + d * span * 0.15, sy - span * 0.95)
    fingers = [(sx - d * span * (0.55 + k * 0.22), sy - span * (0.7 - k * 0.3)) for k in range(3)]
    edge = [tip]
    prev = tip
    for fx, fy in fingers:  # scalloped membrane between the finger bones
        edge.append(((prev[0] + fx) / 2 + d * span * 0.06, (prev[1] + fy) / 2 + span * 0.1))
        edge.append((fx, fy))
        prev = (fx, fy)
    p.polygon([shoulder, *edge, (sx - d * span * 0.2, sy + span * 0.05)], membrane, size=span * 0.4)
    for fx, fy in fingers:
        p.line([(sx + d * span * 0.05, sy - span * 0.2), tip], bone, max(2, span * 0.03))
        p.line([tip, (fx, fy)], scale(membrane, 0.6), max(2, span * 0.025))


def _bird(p, spec, coat, belly, accent, x, top, u, d, action, rng):
    hr = u * 0.45
    head = (x, top + hr)
    body = (x - d * u * 0.45, top + u * 1.45)
    flying = action.value in ("flying", "celebrating", "waving")
    legs_y = body[1] + u * 1.2
    for k in (-0.15, 0.15):
        p.line([(body[0] + k * u, body[1] + u * 0.6), (body[0] + k * u, legs_y)], (230, 150, 40), max(2, u * 0.06))
        p.line(
            [(body[0] + k * u - d * u * 0.12, legs_y), (body[0] + k * u + d * u * 0.18, legs_y)],
            (230, 150, 40),
            max(2, u * 0.05),
        )
    p.polygon(
        [
            (body[0] - d * u * 0.6, body[1]),
            (body[0] - d * u * 1.5, body[1] + u * 0.1),
            (body[0] - d * u * 1.4, body[1] + u * 0.45),
        ],
        scale(coat, 0.7),
        size=u,
    )
    p.ellipse((body[0] - u * 0.8, body[1] - u * 0.62, body[0] + u * 0.8, body[1] + u * 0.7), coat, size=u)
    p.ellipse(
        (body[0] - u * 0.3 + d * u * 0.2, body[1] - u * 0.2, body[0] + u * 0.5 + d * u * 0.2, body[1] + u * 0.6), belly
    )
    wing_col = scale(coat, 0.75)
    if flying:
        p.polygon(
            [
                (body[0], body[1] - u * 0.2),
                (body[0] - d * u * 0.6, body[1] - u * 1.6),
                (body[0] - d * u * 1.3, body[1] - u * 1.3),
                (body[0] - d * u * 0.4, body[1] + u * 0.1),
            ],
            wing_col,
            size=u,
        )
    else:
        p.polygon(
            [
                (body[0] + d * u * 0.3, body[1] - u * 0.1),
                (body[0] - d * u * 0.9, body[1] + u * 0.1),
                (body[0] + d * u * 0.1, body[1] + u * 0.45),
            ],
            wing_col,
            size=u,
        )
    p.ellipse((head[0] - hr, head[1] - hr, head[0] + hr, head[1] + hr), coat, size=u)
    bx = head[0] + d * hr * 0.85
    p.polygon(
        [(bx, head[1] - hr * 0.22), (bx + d * hr * 0.8, head[1] + hr * 0.05), (bx, head[1] + hr * 0.25)],
        (246, 176, 40),
        size=u,
    )
    _eye(p, (head[0] + d * hr * 0.35, head[1] - hr * 0.15), hr * 0.2)
    return (head[0] - hr, head[1] - hr, head[0] + hr, head[1] + hr)


def _fish(p, spec, coat, belly, accent, x, top, u, d, action, rng):
    cy = top + u * 0.8
    length, h = u * 2.6, u * 1.5
    cx = x - d * u * 0.6
    tail_x = cx - d * length * 0.5
    p.polygon(
        [
            (tail_x + d * u * 0.2, cy),
            (tail_x - d * u * 0.8, cy - u * 0.7),
            (tail_x - d * u * 0.6, cy),
            (tail_x - d * u * 0.8, cy + u * 0.7),
        ],
        scale(coat, 0.85),
        size=u,
    )
    p.polygon(
        [(cx - d * u * 0.4, cy - h * 0.4), (cx, cy - h * 0.85), (cx + d * u * 0.4, cy - h * 0.4)],
        scale(coat, 0.85),
        size=u,
    )
    p.ellipse((cx - length / 2, cy - h / 2, cx + length / 2, cy + h / 2), coat, size=u)
    p.chord((cx - length * 0.4, cy, cx + length * 0.4, cy + h * 0.48), 0, 180, belly)
    for k in range(3):  # stripes / scales
        sx = cx - d * length * (0.05 + k * 0.14)
        p.draw.arc(
            (sx - u * 0.3, cy - h * 0.4, sx + u * 0.3, cy + h * 0.4),
            300 if d > 0 else 120,
            60 if d > 0 else 240,
            fill=(*scale(coat, 0.7), 255),
            width=max(1, int(u * 0.04)),
        )
    p.draw.line(
        [(cx - d * u * 0.1, cy - h * 0.43), (cx - d * u * 0.1, cy + h * 0.43)],
        fill=(*scale(coat, 0.7), 255),
        width=max(2, int(u * 0.05)),
    )
    eye = (cx + d * length * 0.3, cy - h * 0.12)
    _eye(p, eye, u * 0.14)
    mouth = (cx + d * length * 0.47, cy + h * 0.1)
    p.draw.line([mouth, (mouth[0] - d * u * 0.2, mouth[1] + u * 0.05)], fill=INK, width=max(1, int(u * 0.04)))
    return (cx + d * length * 0.05 - u * 0.5, cy - h / 2, cx + d * length * 0.05 + u * 0.5 + length * 0.2, cy + h / 2)


def _octopus(p, spec, coat, belly, accent, x, top, u, d, action, rng):
    r = u * 0.9
    c = (x, top + r)
    for k in range(8):
        a = math.radians(-70 + k * 20)
        base = (c[0] + math.sin(a) * r * 0.7, c[1] + r * 0.7)
        pts = [base]
        for j in range(1, 5):
            t = j / 4
            pts.append((base[0] + math.sin(a) * u * 1.3 * t + math.sin(t * 5 + k) * u * 0.18, base[1] + u * 1.5 * t))
        p.limb(pts, u * 0.2 * (1.2 - 0.2 * k % 2), scale(coat, 0.88), size=u)
    p.ellipse((c[0] - r, c[1] - r * 1.1, c[0] + r, c[1] + r * 0.9), coat, size=u)
    for _ in range(5):
        sx = c[0] + rng.uniform(-0.6, 0.6) * r
        sy = c[1] + rng.uniform(-0.9, -0.2) * r
        p.ellipse((sx - u * 0.07, sy - u * 0.07, sx + u * 0.07, sy + u * 0.07), belly)
    for k in (-1, 1):
        ec = (c[0] + k * r * 0.38, c[1] + r * 0.2)
        p.ellipse((ec[0] - r * 0.22, ec[1] - r * 0.22, ec[0] + r * 0.22, ec[1] + r * 0.22), WHITE)
        _eye(p, (ec[0] + d * r * 0.05, ec[1]), r * 0.12)
    return (c[0] - r, c[1] - r, c[0] + r, c[1] + r)


def _seal(p, spec, coat, belly, accent, x, top, u, d, action, rng):
    hr = u * 0.5
    head = (x, top + hr)
    ground = top + u * 3.0
    tail = (x - d * u * 2.6, ground - u * 0.3)
    body = [
        (head[0] + d * hr * 0.3, head[1] + hr * 0.6),
        (head[0] + d * hr * 0.7, ground - u * 0.2),
        (x - d * u * 1.2, ground),
        tail,
        (x - d * u * 1.6, ground - u * 0.9),
        (head[0] - d * hr * 0.9, head[1] + hr * 0.4),
    ]
    p.polygon(
        [(tail[0], tail[1]), (tail[0] - d * u * 0.6, tail[1] - u * 0.4), (tail[0] - d * u * 0.5, tail[1] + u * 0.3)],
        scale(coat, 0.8),
        size=u,
    )
    p.polygon(body, coat, size=u)
    p.ellipse((x - d * u * 0.1 - u * 0.6, ground - u * 1.1, x - d * u * 0.1 + u * 0.6, ground - u * 0.1), belly)
    p.polygon(
        [(x + d * u * 0.1, ground - u * 0.9), (x + d * u * 0.6, ground), (x - d * u * 0.2, ground - u * 0.1)],
        scale(coat, 0.75),
        size=u,
    )
    p.ellipse((head[0] - hr, head[1] - hr * 0.9, head[0] + hr, head[1] + hr * 0.9), coat, size=u)
    m = (head[0] + d * hr * 0.55, head[1] + hr * 0.3)
    p.ellipse((m[0] - hr * 0.4, m[1] - hr * 0.25, m[0] + hr * 0.4, m[1] + hr * 0.3), belly)
    p.ellipse(
        (m[0] + d * hr * 0.2 - hr * 0.12, m[1] - hr * 0.2, m[0] + d * hr * 0.2 + hr * 0.12, m[1] - hr * 0.02), INK
    )
    for k in (-1, 0, 1):
        p.draw.line([m, (m[0] + d * hr * 1.0, m[1] + k * hr * 0.2)], fill=(*INK, 200), width=max(1, int(u * 0.02)))
    _eye(p, (head[0] + d * hr * 0.1, head[1] - hr * 0.2), hr * 0.2)
    _eye(p, (head[0] + d * hr * 0.55, head[1] - hr * 0.22), hr * 0.17)
    return (head[0] - hr, head[1] - hr, head[0] + hr, head[1] + hr)


def _robot(p, spec, coat, belly, accent, x, top, u, d, action, rng):
    metal, dark = coat, scale(coat, 0.6)
    hw = u * 0.55
    p.line([(x, top), (x, top - u * 0.3)], dark, max(2, u * 0.05))
    p.glow((x, top - u * 0.35), u * 0.2, (255, 80, 80), strength=120)
    p.ellipse((x - u * 0.08, top - u * 0.43, x + u * 0.08, top - u * 0.27), (255, 70, 70))
    body_top, body_h = top + u * 1.15, u * 1.6
    for k in (-1, 1):
        sx = x + k * u * 0.75
        p.limb(
            [(sx, body_top + u * 0.2), (sx + k * u * 0.25, body_top + u * 0.9), (sx + k * u * 0.2, body_top + u * 1.5)],
            u * 0.2,
            dark,
            size=u,
        )
        p.ellipse(
            (sx + k * u * 0.2 - u * 0.15, body_top + u * 1.42, sx + k * u * 0.2 + u * 0.15, body_top + u * 1.7),
            metal,
            size=u,
        )
        lx = x + k * u * 0.35
        p.limb([(lx, body_top + body_h), (lx, body_top + body_h + u * 1.4)], u * 0.26, dark, size=u)
        p.polygon(
            [
                (lx - u * 0.25, body_top + body_h + u * 1.4),
                (lx + u * 0.25, body_top + body_h + u * 1.4),
                (lx + u * 0.25, body_top + body_h + u * 1.6),
                (lx - u * 0.25, body_top + body_h + u * 1.6),
            ],
            metal,
            size=u,
        )
    p.polygon(
        [
            (x - u * 0.7, body_top),
            (x + u * 0.7, body_top),
            (x + u * 0.6, body_top + body_h),
            (x - u * 0.6, body_top + body_h),
        ],
        metal,
        size=u,
    )
    p.polygon(
        [
            (x - u * 0.35, body_top + u * 0.3),
            (x + u * 0.35, body_top + u * 0.3),
            (x + u * 0.35, body_top + u * 0.8),
            (x - u * 0.35, body_top + u * 0.8),
        ],
        dark,
    )
    for k in range(3):
        p.ellipse(
            (x - u * 0.25 + k * u * 0.2, body_top + u * 0.5, x - u * 0.15 + k * u * 0.2, body_top + u * 0.6),
            (accent, (90, 230, 120), (250, 210, 60))[k],
        )
    p.polygon(
        [(x - u * 0.12, top + u), (x + u * 0.12, top + u), (x + u * 0.12, body_top), (x - u * 0.12, body_top)], dark
    )
    p.polygon([(x - hw, top), (x + hw, top), (x + hw, top + u), (x - hw, top + u)], metal, size=u)
    p.polygon(
        [
            (x - hw * 0.8, top + u * 0.25),
            (x + hw * 0.8, top + u * 0.25),
            (x + hw * 0.8, top + u * 0.55),
            (x - hw * 0.8, top + u * 0.55),
        ],
        (20, 30, 44),
    )
    for k in (-1, 1):
        ex = x + k * hw * 0.4 + d * hw * 0.1
        p.glow((ex, top + u * 0.4), u * 0.2, belly, strength=140)
        p.ellipse((ex - u * 0.08, top + u * 0.32, ex + u * 0.08, top + u * 0.48), belly)
    for k in range(4):
        gx = x - hw * 0.45 + k * hw * 0.3
        p.draw.line([(gx, top + u * 0.7), (gx, top + u * 0.85)], fill=(*dark, 255), width=max(1, int(u * 0.04)))
    return (x - hw, top, x + hw, top + u)


def _ghost(p, spec, coat, belly, accent, x, top, u, d, action, rng):
    w, h = u * 1.1, u * 3.2
    pts = []
    for i in range(25):
        a = math.pi + math.pi * i / 24
        pts.append((x + math.cos(a) * w, top + w + math.sin(a) * w))
    bottom = top + h
    for i in range(9):
        t = i / 8
        pts.append((x + w - 2 * w * t, bottom + (u * 0.25 if i % 2 else 0) - u * 0.1))
    sheet = (*coat, 225)
    p.glow((x, top + h * 0.45), u * 1.8, belly, strength=50)
    p.polygon(pts[:25] + pts[25:], sheet, size=u)
    for k in (-1, 1):
        p.limb(
            [(x + k * w * 0.9, top + u * 1.3), (x + k * w * 1.5, top + u * 1.0 - (u * 0.3 if k == d else 0))],
            u * 0.3,
            coat,
            size=u,
        )
    for k in (-1, 1):
        ex = x + k * w * 0.35 + d * u * 0.05
        p.ellipse((ex - u * 0.13, top + u * 0.55, ex + u * 0.13, top + u * 0.9), INK)
    p.ellipse((x - u * 0.15 + d * u * 0.05, top + u * 1.05, x + u * 0.15 + d * u * 0.05, top + u * 1.4), INK)
    return (x - w, top, x + w, top + u * 1.4)


def _slime(p, spec, coat, belly, accent, x, top, u, d, action, rng):
    w = u * 1.4
    base = top + u * 2.2
    pts = [
        (x - w, base),
        (x - w * 0.85, base - u * 0.7),
        (x - w * 0.4, top + u * 0.4),
        (x, top),
        (x + w * 0.4, top + u * 0.4),
        (x + w * 0.85, base - u * 0.7),
        (x + w, base),
    ]
    p.polygon(pts, (*coat, 235), size=u)
    p.ellipse((x - w, base - u * 0.25, x + w, base + u * 0.2), (*coat, 235), size=u)
    p.ellipse((x - w * 0.55, top + u * 0.5, x - w * 0.3, top + u * 0.9), (*WHITE, 180))
    for k in (-1, 1):
        ex = x + k * u * 0.35 + d * u * 0.1
        _eye(p, (ex, top + u * 1.3), u * 0.14)
    p.draw.arc(
        (x - u * 0.2 + d * u * 0.1, top + u * 1.4, x + u * 0.2 + d * u * 0.1, top + u * 1.7),
        20,
        160,
        fill=INK,
        width=max(1, int(u * 0.04)),
    )
    return (x - w * 0.8, top + u * 0.4, x + w * 0.8, top + u * 1.9)


def _frog(p, spec, coat, belly, accent, x, top, u, d, action, rng):
    w = u * 1.3
    eye_r = u * 0.32
    body_top = top + eye_r * 1.2
    ground = body_top + u * 1.8
    dark = scale(coat, 0.75)
    for k in (-1, 1):
        hx = x + k * w * 0.8
        p.ellipse((hx - u * 0.5, ground - u * 0.9, hx + u * 0.5, ground), dark, size=u)
        p.ellipse(
            (hx + k * u * 0.2 - u * 0.35, ground - u * 0.12, hx + k * u * 0.2 + u * 0.35, ground + u * 0.08),
            dark,
            size=u,
        )
    p.ellipse((x - w, body_top, x + w, ground), coat, size=u)
    p.ellipse((x - w * 0.6, body_top + u * 0.8, x + w * 0.6, ground - u * 0.05), belly)
    for k in (-1, 1):
        fx = x + k * u * 0.45
        p.limb([(fx, body_top + u * 1.2), (fx + k * u * 0.05, ground)], u * 0.2, coat, size=u)
    for k in (-1, 1):
        ec = (x + k * w * 0.5, body_top + eye_r * 0.2)
        p.ellipse((ec[0] - eye_r, ec[1] - eye_r, ec[0] + eye_r, ec[1] + eye_r), coat, size=u)
        p.ellipse(
            (ec[0] - eye_r * 0.65, ec[1] - eye_r * 0.65, ec[0] + eye_r * 0.65, ec[1] + eye_r * 0.65), (250, 240, 150)
        )
        _eye(p, (ec[0] + d * eye_r * 0.1, ec[1]), eye_r * 0.35)
    p.draw.arc(
        (x - w * 0.6, body_top + u * 0.1, x + w * 0.6, body_top + u * 0.75),
        20,
        160,
        fill=INK,
        width=max(2, int(u * 0.05)),
    )
    return (x - w * 0.8, top, x + w * 0.8, body_top + u * 0.8)


def _monster(p, spec, coat, belly, accent, x, top, u, d, action, rng):
    raise AssertionError("monsters are drawn by figures.draw_monster")


_PLANS = {
    "quadruped": _quadruped,
    "bird": _bird,
    "fish": _fish,
    "octopus": _octopus,
    "seal": _seal,
    "robot": _robot,
    "ghost": _ghost,
    "slime": _slime,
    "frog": _frog,
    "monster": _monster,
}


def _nothing() -> None:
    return None
