"""Things a panel shows: one small drawing per `vocabulary.PROPS` key, by the shape that names it.

Each prop is drawn centred on a point at a size `s` (its height in pixels). A prop is held by the
acting character when the action is one that holds things (eating, reading, phoning, ...), else
set down in the scene beside the cast. `prop_key` resolves a synonym to its key.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from sketchdojo.engine.artist.colour import Rgb, scale
from sketchdojo.engine.artist.painter import Painter
from sketchdojo.engine.script import Action
from sketchdojo.engine.vocabulary import PROPS

HOLDING = {
    Action.HOLDING,
    Action.EATING,
    Action.DRINKING,
    Action.READING,
    Action.PHONING,
    Action.STEALING,
    Action.FIGHTING,
    Action.CASTING,
}
INK: Rgb = (34, 30, 34)
WHITE: Rgb = (250, 250, 246)
GOLD: Rgb = (236, 192, 60)
WOOD: Rgb = (160, 108, 64)
STEEL: Rgb = (186, 194, 206)

PropDrawer = Callable[[Painter, float, float, float], None]


def _box(p: Painter, x0: float, y0: float, x1: float, y1: float, rgb: Rgb, s: float) -> None:
    p.polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], p.col(rgb), size=s)


def _oval(p: Painter, cx: float, cy: float, rx: float, ry: float, rgb: Rgb, s: float) -> None:
    p.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), p.col(rgb), size=s)


def _poly(p: Painter, pts: list[tuple[float, float]], rgb: Rgb, s: float) -> None:
    p.polygon(pts, p.col(rgb), size=s)


def _line(p: Painter, pts: list[tuple[float, float]], rgb: Rgb, w: float) -> None:
    p.line(pts, p.col(rgb), max(1, w))


def sandwich(p, x, y, s):
    _poly(p, [(x - s * 0.5, y), (x + s * 0.5, y), (x, y - s * 0.45)], (236, 206, 150), s)
    _line(p, [(x - s * 0.45, y - s * 0.04), (x + s * 0.45, y - s * 0.04)], (100, 190, 80), s * 0.08)
    _line(p, [(x - s * 0.4, y - s * 0.1), (x + s * 0.4, y - s * 0.1)], (220, 80, 70), s * 0.06)
    _poly(p, [(x - s * 0.5, y + s * 0.12), (x + s * 0.5, y + s * 0.12), (x, y - s * 0.3)], (246, 222, 170), s)


def phone(p, x, y, s):
    _box(p, x - s * 0.25, y - s * 0.5, x + s * 0.25, y + s * 0.5, (30, 32, 40), s)
    _box(p, x - s * 0.2, y - s * 0.4, x + s * 0.2, y + s * 0.36, (110, 180, 240), 0)
    _oval(p, x, y + s * 0.43, s * 0.04, s * 0.04, (90, 90, 100), 0)


def cake(p, x, y, s):
    _box(p, x - s * 0.5, y - s * 0.1, x + s * 0.5, y + s * 0.4, (246, 200, 210), s)
    _box(p, x - s * 0.5, y - s * 0.1, x + s * 0.5, y, WHITE, 0)
    for k in (-0.25, 0, 0.25):
        _box(p, x + k * s - s * 0.03, y - s * 0.35, x + k * s + s * 0.03, y - s * 0.1, (120, 170, 240), 0)
        _oval(p, x + k * s, y - s * 0.41, s * 0.035, s * 0.06, (255, 190, 60), 0)


def coffee(p, x, y, s):
    _poly(
        p,
        [
            (x - s * 0.32, y - s * 0.35),
            (x + s * 0.32, y - s * 0.35),
            (x + s * 0.26, y + s * 0.4),
            (x - s * 0.26, y + s * 0.4),
        ],
        WHITE,
        s,
    )
    p.draw.arc(
        (x + s * 0.18, y - s * 0.2, x + s * 0.5, y + s * 0.15), 270, 90, fill=p.col(WHITE), width=max(2, int(s * 0.08))
    )
    _oval(p, x, y - s * 0.33, s * 0.3, s * 0.06, (110, 70, 40), 0)
    for k in (-0.1, 0.1):
        p.draw.arc(
            (x + k * s - s * 0.08, y - s * 0.75, x + k * s + s * 0.08, y - s * 0.45),
            100,
            260,
            fill=(200, 200, 200, 200),
            width=max(1, int(s * 0.04)),
        )


def book(p, x, y, s):
    _box(p, x - s * 0.42, y - s * 0.32, x + s * 0.42, y + s * 0.32, (170, 50, 50), s)
    _box(p, x - s * 0.38, y - s * 0.28, x + s * 0.38, y + s * 0.26, WHITE, 0)
    _line(p, [(x, y - s * 0.28), (x, y + s * 0.28)], (120, 40, 40), s * 0.05)
    for k in range(3):
        yy = y - s * 0.15 + k * s * 0.12
        _line(p, [(x - s * 0.32, yy), (x - s * 0.06, yy)], (140, 140, 150), s * 0.025)
        _line(p, [(x + s * 0.06, yy), (x + s * 0.32, yy)], (140, 140, 150), s * 0.025)


def letter(p, x, y, s):
    _box(p, x - s * 0.5, y - s * 0.3, x + s * 0.5, y + s * 0.3, WHITE, s)
    _line(p, [(x - s * 0.5, y - s * 0.3), (x, y + s * 0.05), (x + s * 0.5, y - s * 0.3)], (150, 150, 160), s * 0.04)
    _oval(p, x, y + s * 0.02, s * 0.08, s * 0.08, (200, 40, 60), 0)


def umbrella(p, x, y, s):
    p.chord((x - s * 0.6, y - s * 0.55, x + s * 0.6, y + s * 0.05), 180, 360, p.col((220, 60, 80)))
    for k in (-0.3, 0.3):
        _line(p, [(x, y - s * 0.55), (x + k * s, y - s * 0.25)], scale((220, 60, 80), 0.7), s * 0.03)
    _line(p, [(x, y - s * 0.25), (x, y + s * 0.45)], INK, s * 0.05)
    p.draw.arc((x - s * 0.14, y + s * 0.35, x + s * 0.02, y + s * 0.55), 0, 180, fill=INK, width=max(2, int(s * 0.05)))


def sword(p, x, y, s):
    _poly(
        p,
        [
            (x - s * 0.05, y + s * 0.1),
            (x - s * 0.05, y - s * 0.6),
            (x, y - s * 0.72),
            (x + s * 0.05, y - s * 0.6),
            (x + s * 0.05, y + s * 0.1),
        ],
        STEEL,
        s,
    )
    _box(p, x - s * 0.22, y + s * 0.1, x + s * 0.22, y + s * 0.16, GOLD, s)
    _box(p, x - s * 0.04, y + s * 0.16, x + s * 0.04, y + s * 0.42, (90, 50, 40), s)


def shield(p, x, y, s):
    _poly(
        p,
        [
            (x - s * 0.4, y - s * 0.45),
            (x + s * 0.4, y - s * 0.45),
            (x + s * 0.38, y + s * 0.05),
            (x, y + s * 0.5),
            (x - s * 0.38, y + s * 0.05),
        ],
        (60, 90, 170),
        s,
    )
    _line(p, [(x, y - s * 0.4), (x, y + s * 0.4)], GOLD, s * 0.08)
    _line(p, [(x - s * 0.34, y - s * 0.1), (x + s * 0.34, y - s * 0.1)], GOLD, s * 0.08)


def gun(p, x, y, s):
    _box(p, x - s * 0.45, y - s * 0.2, x + s * 0.35, y - s * 0.02, (60, 62, 70), s)
    _poly(
        p,
        [
            (x - s * 0.4, y - s * 0.02),
            (x - s * 0.15, y - s * 0.02),
            (x - s * 0.2, y + s * 0.4),
            (x - s * 0.42, y + s * 0.4),
        ],
        (70, 50, 40),
        s,
    )
    p.draw.arc(
        (x - s * 0.18, y - s * 0.06, x + s * 0.02, y + s * 0.18),
        0,
        180,
        fill=p.col((60, 62, 70)),
        width=max(2, int(s * 0.04)),
    )


def knife(p, x, y, s):
    _poly(
        p, [(x - s * 0.05, y), (x - s * 0.05, y - s * 0.5), (x + s * 0.08, y - s * 0.35), (x + s * 0.06, y)], STEEL, s
    )
    _box(p, x - s * 0.06, y, x + s * 0.07, y + s * 0.35, (60, 40, 30), s)


def bow(p, x, y, s):
    p.draw.arc(
        (x - s * 0.6, y - s * 0.55, x + s * 0.2, y + s * 0.55), 270, 90, fill=p.col(WOOD), width=max(3, int(s * 0.08))
    )
    _line(p, [(x - s * 0.2, y - s * 0.55), (x - s * 0.2, y + s * 0.55)], (230, 230, 230), s * 0.02)
    _line(p, [(x - s * 0.35, y), (x + s * 0.45, y)], (120, 90, 60), s * 0.04)
    _poly(p, [(x + s * 0.45, y - s * 0.07), (x + s * 0.58, y), (x + s * 0.45, y + s * 0.07)], STEEL, s)


def staff(p, x, y, s):
    _line(p, [(x, y + s * 0.6), (x, y - s * 0.45)], WOOD, s * 0.08)
    p.glow((x, y - s * 0.55), s * 0.3, (140, 200, 255), strength=120)
    _oval(p, x, y - s * 0.55, s * 0.12, s * 0.12, (160, 220, 255), s)


def lantern(p, x, y, s):
    p.glow((x, y), s * 0.6, (255, 210, 120), strength=90)
    _box(p, x - s * 0.25, y - s * 0.3, x + s * 0.25, y + s * 0.35, (255, 230, 150), s)
    _box(p, x - s * 0.3, y - s * 0.4, x + s * 0.3, y - s * 0.3, (60, 60, 64), s)
    _box(p, x - s * 0.3, y + s * 0.35, x + s * 0.3, y + s * 0.45, (60, 60, 64), s)
    p.draw.arc(
        (x - s * 0.15, y - s * 0.6, x + s * 0.15, y - s * 0.3), 180, 360, fill=(60, 60, 64), width=max(2, int(s * 0.04))
    )
    _oval(p, x, y + s * 0.05, s * 0.06, s * 0.12, (255, 160, 40), 0)


def key(p, x, y, s):
    p.draw.ellipse(
        (x - s * 0.45, y - s * 0.15, x - s * 0.15, y + s * 0.15), outline=p.col(GOLD), width=max(2, int(s * 0.08))
    )
    _line(p, [(x - s * 0.15, y), (x + s * 0.45, y)], GOLD, s * 0.08)
    for k in (0.25, 0.4):
        _line(p, [(x + k * s, y), (x + k * s, y + s * 0.14)], GOLD, s * 0.07)


def map_(p, x, y, s):
    _poly(
        p,
        [
            (x - s * 0.5, y - s * 0.35),
            (x - s * 0.17, y - s * 0.3),
            (x + s * 0.17, y - s * 0.35),
            (x + s * 0.5, y - s * 0.3),
            (x + s * 0.5, y + s * 0.35),
            (x + s * 0.17, y + s * 0.3),
            (x - s * 0.17, y + s * 0.35),
            (x - s * 0.5, y + s * 0.3),
        ],
        (236, 214, 160),
        s,
    )
    _line(
        p,
        [
            (x - s * 0.35, y + s * 0.15),
            (x - s * 0.1, y - s * 0.05),
            (x + s * 0.1, y + s * 0.08),
            (x + s * 0.25, y - s * 0.1),
        ],
        (200, 60, 50),
        s * 0.03,
    )
    _line(p, [(x + s * 0.2, y - s * 0.17), (x + s * 0.32, y - s * 0.05)], (200, 40, 40), s * 0.05)
    _line(p, [(x + s * 0.32, y - s * 0.17), (x + s * 0.2, y - s * 0.05)], (200, 40, 40), s * 0.05)


def treasure(p, x, y, s):
    _box(p, x - s * 0.5, y - s * 0.05, x + s * 0.5, y + s * 0.4, (130, 80, 40), s)
    p.chord((x - s * 0.5, y - s * 0.35, x + s * 0.5, y + s * 0.25), 180, 360, p.col((150, 94, 50)))
    for k in range(5):
        _oval(p, x - s * 0.3 + k * s * 0.15, y - s * 0.08, s * 0.08, s * 0.05, GOLD, s)
    _box(p, x - s * 0.07, y - s * 0.02, x + s * 0.07, y + s * 0.14, GOLD, s)


def crown(p, x, y, s):
    _poly(
        p,
        [
            (x - s * 0.45, y + s * 0.25),
            (x - s * 0.45, y - s * 0.25),
            (x - s * 0.22, y),
            (x, y - s * 0.35),
            (x + s * 0.22, y),
            (x + s * 0.45, y - s * 0.25),
            (x + s * 0.45, y + s * 0.25),
        ],
        GOLD,
        s,
    )
    for k in (-0.25, 0, 0.25):
        _oval(p, x + k * s, y + s * 0.12, s * 0.05, s * 0.05, (200, 30, 60), 0)


def flower(p, x, y, s):
    _line(p, [(x, y + s * 0.55), (x, y - s * 0.1)], (60, 140, 60), s * 0.05)
    _poly(p, [(x, y + s * 0.2), (x + s * 0.22, y + s * 0.05), (x + s * 0.05, y + s * 0.3)], (80, 160, 70), 0)
    for k in range(6):
        a = math.tau * k / 6
        _oval(
            p, x + math.cos(a) * s * 0.16, y - s * 0.2 + math.sin(a) * s * 0.16, s * 0.12, s * 0.12, (230, 70, 100), s
        )
    _oval(p, x, y - s * 0.2, s * 0.09, s * 0.09, (250, 210, 60), 0)


def gift(p, x, y, s):
    _box(p, x - s * 0.4, y - s * 0.2, x + s * 0.4, y + s * 0.4, (70, 140, 220), s)
    _box(p, x - s * 0.06, y - s * 0.2, x + s * 0.06, y + s * 0.4, (230, 60, 70), 0)
    _box(p, x - s * 0.4, y + s * 0.02, x + s * 0.4, y + s * 0.12, (230, 60, 70), 0)
    for k in (-1, 1):
        _poly(
            p, [(x, y - s * 0.2), (x + k * s * 0.25, y - s * 0.42), (x + k * s * 0.28, y - s * 0.2)], (230, 60, 70), s
        )


def ring(p, x, y, s):
    p.draw.ellipse(
        (x - s * 0.3, y - s * 0.15, x + s * 0.3, y + s * 0.45), outline=p.col(GOLD), width=max(3, int(s * 0.1))
    )
    _poly(
        p,
        [(x - s * 0.15, y - s * 0.2), (x, y - s * 0.42), (x + s * 0.15, y - s * 0.2), (x, y - s * 0.1)],
        (200, 236, 255),
        s,
    )


def camera(p, x, y, s):
    _box(p, x - s * 0.5, y - s * 0.25, x + s * 0.5, y + s * 0.35, (50, 50, 58), s)
    _box(p, x - s * 0.35, y - s * 0.38, x - s * 0.1, y - s * 0.25, (50, 50, 58), s)
    _oval(p, x + s * 0.05, y + s * 0.05, s * 0.22, s * 0.22, (120, 130, 150), s)
    _oval(p, x + s * 0.05, y + s * 0.05, s * 0.12, s * 0.12, (30, 40, 70), 0)
    _box(p, x + s * 0.3, y - s * 0.2, x + s * 0.42, y - s * 0.12, WHITE, 0)


def guitar(p, x, y, s):
    _box(p, x - s * 0.04, y - s * 0.62, x + s * 0.04, y, (90, 60, 40), s)
    _box(p, x - s * 0.07, y - s * 0.72, x + s * 0.07, y - s * 0.6, (60, 40, 30), s)
    _oval(p, x, y + s * 0.05, s * 0.22, s * 0.18, (210, 130, 60), s)
    _oval(p, x, y + s * 0.32, s * 0.3, s * 0.24, (210, 130, 60), s)
    _oval(p, x, y + s * 0.18, s * 0.08, s * 0.08, (60, 40, 30), 0)


def ball(p, x, y, s):
    _oval(p, x, y, s * 0.42, s * 0.42, WHITE, s)
    _poly(
        p,
        [
            (x - s * 0.12, y - s * 0.1),
            (x + s * 0.12, y - s * 0.1),
            (x + s * 0.18, y + s * 0.1),
            (x, y + s * 0.22),
            (x - s * 0.18, y + s * 0.1),
        ],
        INK,
        0,
    )
    for a in (0.3, 1.6, 2.9, 4.2, 5.5):
        _oval(p, x + math.cos(a) * s * 0.34, y + math.sin(a) * s * 0.34, s * 0.06, s * 0.06, INK, 0)


def bicycle(p, x, y, s):
    for k in (-1, 1):
        p.draw.ellipse(
            (x + k * s * 0.35 - s * 0.25, y, x + k * s * 0.35 + s * 0.25, y + s * 0.5),
            outline=p.col(INK),
            width=max(2, int(s * 0.05)),
        )
    frame = (220, 50, 50)
    _line(
        p,
        [
            (x - s * 0.35, y + s * 0.25),
            (x - s * 0.05, y - s * 0.05),
            (x + s * 0.25, y - s * 0.05),
            (x + s * 0.35, y + s * 0.25),
        ],
        frame,
        s * 0.05,
    )
    _line(p, [(x - s * 0.35, y + s * 0.25), (x, y + s * 0.25), (x - s * 0.05, y - s * 0.05)], frame, s * 0.05)
    _line(p, [(x + s * 0.25, y - s * 0.05), (x + s * 0.22, y - s * 0.2), (x + s * 0.32, y - s * 0.22)], INK, s * 0.04)
    _box(p, x - s * 0.14, y - s * 0.12, x + s * 0.02, y - s * 0.07, INK, 0)


def car(p, x, y, s):
    body = (210, 50, 50)
    _poly(
        p,
        [
            (x - s * 0.6, y + s * 0.2),
            (x - s * 0.6, y - s * 0.05),
            (x - s * 0.3, y - s * 0.1),
            (x - s * 0.18, y - s * 0.35),
            (x + s * 0.25, y - s * 0.35),
            (x + s * 0.38, y - s * 0.1),
            (x + s * 0.6, y - s * 0.05),
            (x + s * 0.6, y + s * 0.2),
        ],
        body,
        s,
    )
    _poly(
        p,
        [
            (x - s * 0.14, y - s * 0.3),
            (x + s * 0.04, y - s * 0.3),
            (x + s * 0.04, y - s * 0.1),
            (x - s * 0.24, y - s * 0.1),
        ],
        (170, 210, 240),
        0,
    )
    _poly(
        p,
        [
            (x + s * 0.08, y - s * 0.3),
            (x + s * 0.22, y - s * 0.3),
            (x + s * 0.32, y - s * 0.1),
            (x + s * 0.08, y - s * 0.1),
        ],
        (170, 210, 240),
        0,
    )
    for k in (-0.35, 0.35):
        _oval(p, x + k * s, y + s * 0.2, s * 0.13, s * 0.13, INK, s)
        _oval(p, x + k * s, y + s * 0.2, s * 0.05, s * 0.05, STEEL, 0)


def laptop(p, x, y, s):
    _poly(
        p,
        [
            (x - s * 0.42, y - s * 0.4),
            (x + s * 0.42, y - s * 0.4),
            (x + s * 0.42, y + s * 0.1),
            (x - s * 0.42, y + s * 0.1),
        ],
        (60, 64, 74),
        s,
    )
    _box(p, x - s * 0.36, y - s * 0.34, x + s * 0.36, y + s * 0.05, (90, 160, 230), 0)
    _poly(
        p,
        [
            (x - s * 0.5, y + s * 0.1),
            (x + s * 0.5, y + s * 0.1),
            (x + s * 0.58, y + s * 0.22),
            (x - s * 0.58, y + s * 0.22),
        ],
        (170, 176, 186),
        s,
    )


def bag(p, x, y, s):
    p.draw.arc(
        (x - s * 0.2, y - s * 0.45, x + s * 0.2, y - s * 0.05),
        180,
        360,
        fill=p.col((90, 60, 40)),
        width=max(2, int(s * 0.06)),
    )
    _box(p, x - s * 0.42, y - s * 0.2, x + s * 0.42, y + s * 0.4, (140, 90, 50), s)
    _box(p, x - s * 0.42, y - s * 0.2, x + s * 0.42, y - s * 0.05, (120, 76, 44), 0)
    _box(p, x - s * 0.05, y - s * 0.08, x + s * 0.05, y + s * 0.02, GOLD, 0)


def potion(p, x, y, s):
    _box(p, x - s * 0.08, y - s * 0.45, x + s * 0.08, y - s * 0.2, (200, 226, 236), s)
    _box(p, x - s * 0.1, y - s * 0.52, x + s * 0.1, y - s * 0.44, (140, 90, 50), s)
    _oval(p, x, y + s * 0.1, s * 0.3, s * 0.32, (200, 226, 236), s)
    p.chord((x - s * 0.28, y - s * 0.05, x + s * 0.28, y + s * 0.4), 0, 180, p.col((180, 60, 220)))
    p.glow((x, y + s * 0.15), s * 0.4, (200, 100, 255), strength=60)


def scroll(p, x, y, s):
    _box(p, x - s * 0.35, y - s * 0.3, x + s * 0.35, y + s * 0.3, (240, 224, 180), s)
    for k in (-1, 1):
        _oval(p, x, y + k * s * 0.32, s * 0.42, s * 0.07, (210, 180, 130), s)
    for k in range(3):
        _line(
            p,
            [(x - s * 0.25, y - s * 0.12 + k * s * 0.12), (x + s * 0.25, y - s * 0.12 + k * s * 0.12)],
            (120, 100, 80),
            s * 0.025,
        )


def clock(p, x, y, s):
    _oval(p, x, y, s * 0.42, s * 0.42, (220, 60, 60), s)
    _oval(p, x, y, s * 0.34, s * 0.34, WHITE, 0)
    for k in range(12):
        a = math.tau * k / 12
        _oval(p, x + math.cos(a) * s * 0.27, y + math.sin(a) * s * 0.27, s * 0.02, s * 0.02, INK, 0)
    _line(p, [(x, y), (x, y - s * 0.24)], INK, s * 0.05)
    _line(p, [(x, y), (x + s * 0.16, y + s * 0.05)], INK, s * 0.05)


def pizza(p, x, y, s):
    _poly(p, [(x - s * 0.45, y - s * 0.35), (x + s * 0.45, y - s * 0.35), (x, y + s * 0.5)], (250, 200, 90), s)
    _poly(
        p,
        [
            (x - s * 0.45, y - s * 0.35),
            (x + s * 0.45, y - s * 0.35),
            (x + s * 0.42, y - s * 0.25),
            (x - s * 0.42, y - s * 0.25),
        ],
        (200, 130, 60),
        s,
    )
    for dx, dy in ((-0.15, -0.1), (0.12, -0.05), (0, 0.15)):
        _oval(p, x + dx * s, y + dy * s, s * 0.07, s * 0.07, (200, 50, 40), 0)


def ice_cream(p, x, y, s):
    _poly(p, [(x - s * 0.22, y - s * 0.05), (x + s * 0.22, y - s * 0.05), (x, y + s * 0.6)], (220, 170, 100), s)
    _oval(p, x, y - s * 0.15, s * 0.25, s * 0.2, (250, 190, 210), s)
    _oval(p, x, y - s * 0.4, s * 0.2, s * 0.17, (250, 246, 230), s)
    _oval(p, x + s * 0.05, y - s * 0.58, s * 0.05, s * 0.05, (220, 40, 50), 0)


def wine(p, x, y, s):
    p.chord((x - s * 0.25, y - s * 0.65, x + s * 0.25, y - s * 0.05), 0, 180, p.col((150, 20, 50)))
    p.draw.arc(
        (x - s * 0.25, y - s * 0.65, x + s * 0.25, y - s * 0.05),
        0,
        180,
        fill=p.col((200, 210, 220)),
        width=max(2, int(s * 0.04)),
    )
    _line(p, [(x - s * 0.25, y - s * 0.35), (x - s * 0.25, y - s * 0.5)], (200, 210, 220), s * 0.04)
    _line(p, [(x + s * 0.25, y - s * 0.35), (x + s * 0.25, y - s * 0.5)], (200, 210, 220), s * 0.04)
    _line(p, [(x, y - s * 0.05), (x, y + s * 0.4)], (200, 210, 220), s * 0.05)
    _oval(p, x, y + s * 0.42, s * 0.2, s * 0.05, (200, 210, 220), s)


def money(p, x, y, s):
    for k in range(3):
        _box(
            p,
            x - s * 0.5 + k * s * 0.04,
            y - s * 0.25 - k * s * 0.06,
            x + s * 0.4 + k * s * 0.04,
            y + s * 0.2 - k * s * 0.06,
            (130, 190, 120),
            s,
        )
    _oval(p, x + s * 0.03, y - s * 0.15, s * 0.1, s * 0.12, (90, 150, 80), 0)
    for k in range(2):
        _oval(p, x + s * 0.35 - k * s * 0.12, y + s * 0.35, s * 0.1, s * 0.05, GOLD, s)


def photo(p, x, y, s):
    _box(p, x - s * 0.4, y - s * 0.45, x + s * 0.4, y + s * 0.45, WHITE, s)
    _box(p, x - s * 0.32, y - s * 0.37, x + s * 0.32, y + s * 0.2, (130, 190, 230), 0)
    _poly(
        p,
        [
            (x - s * 0.32, y + s * 0.2),
            (x - s * 0.1, y - s * 0.08),
            (x + s * 0.1, y + s * 0.1),
            (x + s * 0.2, y),
            (x + s * 0.32, y + s * 0.2),
        ],
        (80, 150, 80),
        0,
    )
    _oval(p, x + s * 0.18, y - s * 0.22, s * 0.06, s * 0.06, (250, 210, 70), 0)


def newspaper(p, x, y, s):
    _box(p, x - s * 0.45, y - s * 0.4, x + s * 0.45, y + s * 0.4, (236, 232, 222), s)
    _box(p, x - s * 0.38, y - s * 0.33, x + s * 0.38, y - s * 0.2, INK, 0)
    _box(p, x - s * 0.38, y - s * 0.12, x - s * 0.02, y + s * 0.12, (150, 150, 160), 0)
    for k in range(5):
        _line(
            p,
            [(x + s * 0.04, y - s * 0.12 + k * s * 0.07), (x + s * 0.38, y - s * 0.12 + k * s * 0.07)],
            (120, 120, 130),
            s * 0.025,
        )
        _line(
            p,
            [(x - s * 0.38, y + s * 0.18 + (k % 3) * s * 0.06), (x + s * 0.38, y + s * 0.18 + (k % 3) * s * 0.06)],
            (120, 120, 130),
            s * 0.025,
        )


def crystal(p, x, y, s):
    p.glow((x, y), s * 0.6, (120, 220, 255), strength=90)
    _poly(
        p,
        [(x, y - s * 0.5), (x + s * 0.28, y - s * 0.1), (x, y + s * 0.5), (x - s * 0.28, y - s * 0.1)],
        (140, 220, 250),
        s,
    )
    _line(p, [(x, y - s * 0.5), (x, y + s * 0.5)], (200, 250, 255), s * 0.03)
    _line(p, [(x - s * 0.28, y - s * 0.1), (x + s * 0.28, y - s * 0.1)], (200, 250, 255), s * 0.03)


def helmet(p, x, y, s):
    _oval(p, x, y, s * 0.45, s * 0.45, (236, 238, 242), s)
    _oval(p, x, y + s * 0.03, s * 0.3, s * 0.25, (40, 60, 100), s)
    p.draw.arc(
        (x - s * 0.22, y - s * 0.18, x + s * 0.05, y + s * 0.1),
        200,
        260,
        fill=(200, 230, 255),
        width=max(2, int(s * 0.05)),
    )
    _box(p, x - s * 0.35, y + s * 0.38, x + s * 0.35, y + s * 0.5, (150, 156, 170), s)


def rope(p, x, y, s):
    """A coil of rope lying in a spiral, twisted strands marked across it, a loose end snaking off."""
    tan, dark = (196, 156, 96), (120, 88, 48)
    w = max(2, s * 0.085)
    spiral = []
    for i in range(84):
        t = i / 83
        a = t * math.tau * 3.2
        r = s * (0.06 + 0.36 * t)
        spiral.append((x + math.cos(a) * r, y - s * 0.05 + math.sin(a) * r * 0.62))
    tail = [spiral[-1]]
    for k in range(1, 9):
        tail.append((spiral[-1][0] + k * s * 0.07, spiral[-1][1] + s * 0.05 * k + math.sin(k * 1.4) * s * 0.06))
    path = spiral + tail[1:]
    p.line(path, p.col(dark), w + max(2, s * 0.03))
    p.line(path, p.col(tan), w)
    for k in range(2, len(path) - 1, 3):  # the twist of the strands
        (x0, y0), (x1, y1) = path[k - 1], path[k + 1]
        dx, dy = x1 - x0, y1 - y0
        n = math.hypot(dx, dy) or 1
        nx, ny = -dy / n * w * 0.5, dx / n * w * 0.5
        cx, cy = path[k]
        p.line(
            [(cx - nx - dx * 0.3, cy - ny - dy * 0.3), (cx + nx + dx * 0.3, cy + ny + dy * 0.3)],
            p.col(dark),
            max(1, w * 0.22),
        )


def boat_hull(p, x0: float, x1: float, top: float, bottom: float, *, sail: bool = True) -> None:
    """A wooden boat from `x0` to `x1`: a hull with a raised bow on the right, planks, and (with
    `sail`) a mast at the stern carrying a white sail."""
    length, depth = x1 - x0, bottom - top
    wood, plank = (150, 92, 52), (108, 64, 36)
    if sail:
        mast_x = x0 + length * 0.16
        mast_top = top - depth * 3.2
        _line(p, [(mast_x, top + depth * 0.2), (mast_x, mast_top)], (90, 62, 40), max(2, depth * 0.09))
        _poly(
            p,
            [
                (mast_x - depth * 0.05, mast_top + depth * 0.2),
                (mast_x - depth * 0.05, top - depth * 0.2),
                (x0 - length * 0.1, top - depth * 0.25),
            ],
            (246, 244, 236),
            depth * 2,
        )
        _poly(
            p,
            [(mast_x, mast_top), (mast_x + depth * 0.6, mast_top + depth * 0.15), (mast_x, mast_top + depth * 0.3)],
            (220, 60, 60),
            depth,
        )
    hull = [
        (x0, top),
        (x1, top - depth * 0.3),
        (x1 - length * 0.1, top + depth * 0.55),
        (x1 - length * 0.22, bottom),
        (x0 + length * 0.1, bottom),
        (x0 - length * 0.02, top + depth * 0.4),
    ]
    _poly(p, hull, wood, depth * 2)
    for k in (0.35, 0.65):
        _line(
            p,
            [
                (x0 + length * 0.02 * (1 - k), top + depth * k),
                (x1 - length * 0.14 * k, top + depth * k - depth * 0.3 * (1 - k)),
            ],
            plank,
            max(1, depth * 0.05),
        )
    _line(p, [(x0, top), (x1, top - depth * 0.3)], (196, 140, 90), max(2, depth * 0.1))


def boat(p, x, y, s):
    boat_hull(p, x - s * 0.55, x + s * 0.8, y + s * 0.2, y + s * 0.48)
    for k in range(3):  # the water it floats on
        wy = y + s * (0.46 + k * 0.04)
        _line(p, [(x - s * (0.8 - k * 0.1), wy), (x + s * (0.8 - k * 0.1), wy)], (90, 150, 210), max(1, s * 0.025))


def fishing_rod(p, x, y, s):
    _line(p, [(x - s * 0.3, y + s * 0.5), (x + s * 0.35, y - s * 0.6)], (70, 50, 40), s * 0.05)
    _oval(p, x - s * 0.18, y + s * 0.3, s * 0.08, s * 0.08, STEEL, s)
    _line(p, [(x + s * 0.35, y - s * 0.6), (x + s * 0.45, y + s * 0.3)], (220, 220, 220), s * 0.015)
    _oval(p, x + s * 0.45, y + s * 0.35, s * 0.05, s * 0.05, (230, 50, 50), 0)


def broom(p, x, y, s):
    _line(p, [(x + s * 0.2, y - s * 0.65), (x - s * 0.05, y + s * 0.15)], WOOD, s * 0.06)
    _poly(
        p,
        [
            (x - s * 0.1, y + s * 0.1),
            (x + s * 0.04, y + s * 0.15),
            (x + s * 0.05, y + s * 0.6),
            (x - s * 0.35, y + s * 0.5),
        ],
        (220, 190, 100),
        s,
    )
    for k in range(4):
        _line(
            p,
            [(x - s * 0.05 - k * s * 0.04, y + s * 0.2), (x - s * 0.08 - k * s * 0.07, y + s * 0.55)],
            (180, 150, 70),
            s * 0.02,
        )


def paintbrush(p, x, y, s):
    _line(p, [(x + s * 0.35, y - s * 0.45), (x - s * 0.1, y + s * 0.15)], WOOD, s * 0.07)
    _poly(
        p,
        [
            (x - s * 0.08, y + s * 0.1),
            (x - s * 0.14, y + s * 0.18),
            (x - s * 0.3, y + s * 0.45),
            (x - s * 0.18, y + s * 0.16),
        ],
        (60, 120, 220),
        s,
    )
    _oval(p, x + s * 0.05, y + s * 0.35, s * 0.2, s * 0.12, (236, 214, 170), s)
    for k, colour in enumerate(((220, 50, 50), (250, 200, 50), (60, 160, 80))):
        _oval(p, x - s * 0.04 + k * s * 0.1, y + s * 0.33, s * 0.035, s * 0.035, colour, 0)


def microphone(p, x, y, s):
    _box(p, x - s * 0.06, y - s * 0.1, x + s * 0.06, y + s * 0.55, (40, 40, 46), s)
    _oval(p, x, y - s * 0.3, s * 0.17, s * 0.22, (170, 176, 186), s)
    for k in range(3):
        _line(
            p,
            [(x - s * 0.14, y - s * 0.38 + k * s * 0.09), (x + s * 0.14, y - s * 0.38 + k * s * 0.09)],
            (120, 124, 134),
            s * 0.02,
        )


def toolbox(p, x, y, s):
    """A red tool chest with a carrying handle, a hammer and an open-jawed wrench standing in it."""
    # the hammer: wooden handle, steel head
    _line(p, [(x - s * 0.22, y - s * 0.05), (x - s * 0.3, y - s * 0.62)], WOOD, s * 0.07)
    _box(p, x - s * 0.46, y - s * 0.72, x - s * 0.14, y - s * 0.58, STEEL, s)
    # the wrench: a shaft ending in a ring with a notch (open jaw)
    jx, jy = x + s * 0.3, y - s * 0.6
    _line(p, [(x + s * 0.18, y - s * 0.05), (jx, jy)], STEEL, s * 0.07)
    _oval(p, jx, jy, s * 0.1, s * 0.1, STEEL, s)
    _poly(
        p,
        [(jx - s * 0.04, jy - s * 0.12), (jx + s * 0.04, jy - s * 0.12), (jx + s * 0.02, jy), (jx - s * 0.02, jy)],
        (236, 232, 222),
        0,
    )
    _box(p, x - s * 0.5, y - s * 0.1, x + s * 0.5, y + s * 0.4, (200, 40, 40), s)
    _box(p, x - s * 0.5, y + s * 0.02, x + s * 0.5, y + s * 0.06, scale((200, 40, 40), 0.7), 0)
    _box(p, x - s * 0.08, y + s * 0.0, x + s * 0.08, y + s * 0.1, STEEL, s)  # the latch


def fire(p, x, y, s):
    p.glow((x, y), s * 0.8, (255, 150, 40), strength=110)
    for k in (-1, 1):
        _line(
            p,
            [(x - s * 0.4, y + s * 0.45 - k * s * 0.05), (x + s * 0.4, y + s * 0.45 + k * s * 0.05)],
            (110, 70, 40),
            s * 0.1,
        )
    _poly(
        p,
        [
            (x - s * 0.3, y + s * 0.4),
            (x - s * 0.25, y - s * 0.05),
            (x - s * 0.1, y + s * 0.1),
            (x, y - s * 0.5),
            (x + s * 0.12, y + s * 0.05),
            (x + s * 0.25, y - s * 0.15),
            (x + s * 0.3, y + s * 0.4),
        ],
        (250, 120, 30),
        s,
    )
    _poly(p, [(x - s * 0.15, y + s * 0.4), (x, y - s * 0.1), (x + s * 0.15, y + s * 0.4)], (255, 220, 80), 0)


def balloon(p, x, y, s):
    _line(p, [(x, y + s * 0.05), (x - s * 0.05, y + s * 0.35), (x + s * 0.03, y + s * 0.6)], (100, 100, 100), s * 0.02)
    _oval(p, x, y - s * 0.25, s * 0.26, s * 0.32, (240, 60, 80), s)
    _poly(p, [(x - s * 0.05, y + s * 0.1), (x + s * 0.05, y + s * 0.1), (x, y + s * 0.04)], (240, 60, 80), 0)
    _oval(p, x - s * 0.09, y - s * 0.36, s * 0.05, s * 0.08, (255, 200, 210), 0)


def plant(p, x, y, s):
    _poly(
        p,
        [
            (x - s * 0.25, y + s * 0.1),
            (x + s * 0.25, y + s * 0.1),
            (x + s * 0.18, y + s * 0.5),
            (x - s * 0.18, y + s * 0.5),
        ],
        (200, 100, 60),
        s,
    )
    for a in (-0.9, -0.45, 0, 0.45, 0.9):
        tip = (x + math.sin(a) * s * 0.45, y + s * 0.1 - math.cos(a) * s * 0.55)
        _poly(p, [(x - s * 0.03, y + s * 0.1), tip, (x + s * 0.03, y + s * 0.1)], (70, 150, 70), s)


def bench(p, x, y, s):
    _box(p, x - s * 0.6, y - s * 0.05, x + s * 0.6, y + s * 0.05, WOOD, s)
    _box(p, x - s * 0.6, y - s * 0.35, x + s * 0.6, y - s * 0.25, WOOD, s)
    for k in (-0.5, 0.5):
        _line(p, [(x + k * s, y - s * 0.35), (x + k * s, y + s * 0.4)], (60, 60, 66), s * 0.06)


def table(p, x, y, s):
    _box(p, x - s * 0.6, y - s * 0.1, x + s * 0.6, y, WOOD, s)
    for k in (-0.5, 0.5):
        _box(p, x + k * s - s * 0.04, y, x + k * s + s * 0.04, y + s * 0.5, scale(WOOD, 0.75), s)


PROP_DRAWERS: dict[str, PropDrawer] = {
    "sandwich": sandwich,
    "phone": phone,
    "cake": cake,
    "coffee": coffee,
    "book": book,
    "letter": letter,
    "umbrella": umbrella,
    "sword": sword,
    "shield": shield,
    "gun": gun,
    "knife": knife,
    "bow": bow,
    "staff": staff,
    "lantern": lantern,
    "key": key,
    "map": map_,
    "treasure": treasure,
    "crown": crown,
    "flower": flower,
    "gift": gift,
    "ring": ring,
    "camera": camera,
    "guitar": guitar,
    "ball": ball,
    "bicycle": bicycle,
    "car": car,
    "laptop": laptop,
    "bag": bag,
    "potion": potion,
    "scroll": scroll,
    "clock": clock,
    "pizza": pizza,
    "ice_cream": ice_cream,
    "wine": wine,
    "money": money,
    "photo": photo,
    "newspaper": newspaper,
    "crystal": crystal,
    "helmet": helmet,
    "rope": rope,
    "boat": boat,
    "fishing_rod": fishing_rod,
    "broom": broom,
    "paintbrush": paintbrush,
    "microphone": microphone,
    "toolbox": toolbox,
    "fire": fire,
    "balloon": balloon,
    "plant": plant,
    "bench": bench,
    "table": table,
}
# big things stand on the ground at their full size; the rest are hand-sized
LARGE = {
    "boat",
    "bicycle",
    "car",
    "bench",
    "table",
    "treasure",
    "fire",
    "plant",
    "guitar",
    "toolbox",
    "broom",
    "umbrella",
}


def prop_key(word: str) -> str | None:
    word = word.strip().lower()
    for entry in PROPS:
        if word == entry.key or word in entry.synonyms:
            return entry.key
    return None


def draw_prop(p: Painter, key: str, x: float, y: float, size: float) -> None:
    """Draw prop `key` centred on (x, y), `size` pixels tall."""
    PROP_DRAWERS[key](p, x, y, size)
