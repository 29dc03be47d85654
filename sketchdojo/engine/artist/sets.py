"""A set for every `vocabulary.SETTINGS` key: the room or place named by the thing that says it.

Interiors share one room (wall, floor, skirting) and differ by what fills them: the counter and
espresso machine of a cafe, the blackboard and desks of a classroom, the raised bench of a
courtroom, the seats and poles of a train. Exteriors reuse the landscape painters of `places`
with the mark that names them (tombstones, market stalls, seaweed, a barn). `SET_PAINTERS` has one
entry per key, and `set_painter` resolves free text through the vocabulary's synonyms, falling back
to a neutral room or a neutral landscape by words like "room" and "hall".
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PIL import Image

from sketchdojo.engine.artist import places as pl
from sketchdojo.engine.artist.colour import Rgb, mix, scale
from sketchdojo.engine.artist.painter import Painter
from sketchdojo.engine.artist.places import Stage, _x
from sketchdojo.engine.artist.sky import gradient
from sketchdojo.engine.vocabulary import SETTINGS

SetPainter = Callable[[Image.Image, Painter, Stage], None]
INTERIOR_WORDS = ("room", "hall", "inside", "indoors", "interior", "house", "home", "building", "office", "shop")


class Room:
    """Drawing helpers in set coordinates: x in 0..1 across the wide view, y in shares of the panel
    above the floor line (0 on the floor, 1 a panel height up), scaled by the camera's zoom."""

    def __init__(self, img: Image.Image, p: Painter, stage: Stage, wall: Rgb, floor: Rgb, *, window: bool = True):
        self.img, self.p, self.stage = img, p, stage
        w, h = stage.width, stage.height
        self.floor_y = stage.horizon + int(h * 0.06)
        if window:
            wx0, wy0 = _x(stage, 0.6), stage.horizon - h * 0.42 * stage.zoom
            wx1, wy1 = _x(stage, 0.86), stage.horizon - h * 0.12 * stage.zoom
            box = tuple(int(v) for v in (wx0, max(0, wy0), wx1, max(1, wy1)))
            view = img.crop(box) if box[2] > box[0] and box[3] > box[1] else None
        else:
            view = None
        top = stage.lit(p, wall)
        img.paste(gradient((w, self.floor_y), [top, scale(top, 0.84)]), (0, 0))
        if view is not None:
            img.paste(view, box[:2])
            frame = stage.lit(p, (250, 246, 236))
            p.solid.rectangle(box, outline=frame, width=max(3, int(w * 0.012)))
        near = stage.lit(p, scale(floor, 0.8))
        img.paste(gradient((w, max(1, h - self.floor_y)), [stage.lit(p, floor), near]), (0, self.floor_y))
        p.solid.rectangle((0, self.floor_y - h * 0.015, w, self.floor_y), fill=stage.lit(p, scale(wall, 0.7)))

    def x(self, fx: float) -> float:
        return _x(self.stage, fx)

    def y(self, fy: float) -> float:
        return self.floor_y - fy * self.stage.height * self.stage.zoom

    def rect(self, x0: float, y0: float, x1: float, y1: float, rgb: Rgb, *, line: bool = True) -> None:
        """A box from set x0..x1 and heights y0..y1 above the floor."""
        p = self.p
        pts = [(self.x(x0), self.y(y0)), (self.x(x1), self.y(y0)), (self.x(x1), self.y(y1)), (self.x(x0), self.y(y1))]
        p.polygon(pts, self.stage.lit(p, rgb), size=self.stage.height * 0.08 if line else 0)

    def oval(self, cx: float, cy: float, rx: float, ry: float, rgb: Rgb, *, line: bool = True) -> None:
        k = self.stage.height * self.stage.zoom / self.stage.width / self.stage.zoom
        box = (self.x(cx - rx * k), self.y(cy + ry), self.x(cx + rx * k), self.y(cy - ry))
        self.p.ellipse(box, self.stage.lit(self.p, rgb), size=self.stage.height * 0.08 if line else 0)

    def poly(self, pts: list[tuple[float, float]], rgb: Rgb, *, line: bool = True) -> None:
        self.p.polygon(
            [(self.x(a), self.y(b)) for a, b in pts],
            self.stage.lit(self.p, rgb),
            size=self.stage.height * 0.08 if line else 0,
        )

    def line(self, pts: list[tuple[float, float]], rgb: Rgb, width: float = 0.006) -> None:
        self.p.line(
            [(self.x(a), self.y(b)) for a, b in pts],
            self.stage.lit(self.p, rgb),
            max(1, width * self.stage.height * self.stage.zoom),
        )


WOOD, DARK_WOOD, STEEL, WHITE = (168, 118, 74), (110, 72, 46), (150, 158, 170), (244, 244, 240)


def _counter(r: Room, x0: float, x1: float, top: Rgb = (220, 210, 196), body: Rgb = WOOD) -> None:
    r.rect(x0, 0, x1, 0.16, body)
    r.rect(x0 - 0.01, 0.16, x1 + 0.01, 0.18, top)


def _shelves(r: Room, x0: float, x1: float, y1: float, goods: list[Rgb], *, books: bool = False) -> None:
    r.rect(x0, 0, x1, y1, DARK_WOOD)
    rows = 4
    rng = r.stage.rng
    for row in range(rows):
        y = y1 * (row + 0.1) / rows
        r.rect(x0 + 0.01, y, x1 - 0.01, y + 0.008, scale(DARK_WOOD, 0.7), line=False)
        x = x0 + 0.015
        while x < x1 - 0.03:
            bw = rng.uniform(0.012, 0.022) if books else rng.uniform(0.025, 0.04)
            bh = y1 / rows * (rng.uniform(0.6, 0.85) if books else rng.uniform(0.4, 0.6))
            r.rect(x, y + 0.008, x + bw, y + 0.008 + bh, rng.choice(goods), line=not books)
            x += bw + (0.003 if books else 0.01)


def _chair(r: Room, x: float, colour: Rgb = DARK_WOOD) -> None:
    r.rect(x, 0, x + 0.008, 0.09, colour, line=False)
    r.rect(x + 0.05, 0, x + 0.058, 0.09, colour, line=False)
    r.rect(x - 0.004, 0.085, x + 0.062, 0.1, colour)
    r.rect(x + 0.048, 0.1, x + 0.062, 0.2, colour)


def _table(r: Room, x0: float, x1: float, height: float = 0.14, top: Rgb = WOOD, cloth: Rgb | None = None) -> None:
    r.rect(x0 + 0.02, 0, x0 + 0.03, height, scale(top, 0.7), line=False)
    r.rect(x1 - 0.03, 0, x1 - 0.02, height, scale(top, 0.7), line=False)
    r.rect(x0, height - 0.015, x1, height, top)
    if cloth:
        r.poly(
            [(x0 - 0.01, height), (x1 + 0.01, height), (x1 + 0.015, height - 0.07), (x0 - 0.015, height - 0.07)], cloth
        )


def _frame(r: Room, x0: float, y0: float, x1: float, y1: float, picture: list[Rgb]) -> None:
    r.rect(x0, y0, x1, y1, (190, 150, 60))
    r.rect(x0 + 0.01, y0 + 0.012, x1 - 0.01, y1 - 0.012, picture[0], line=False)
    r.poly([(x0 + 0.01, y0 + 0.012), ((x0 + x1) / 2, (y0 + y1) / 2), (x1 - 0.01, y0 + 0.012)], picture[1], line=False)
    r.oval(x1 - 0.03, y1 - 0.04, 0.012, 0.012, picture[2], line=False)


def _plant(r: Room, x: float, size: float = 1.0) -> None:
    r.poly(
        [(x - 0.02 * size, 0), (x + 0.02 * size, 0), (x + 0.026 * size, 0.05 * size), (x - 0.026 * size, 0.05 * size)],
        (190, 100, 60),
    )
    for a in range(-2, 3):
        r.poly(
            [(x, 0.05 * size), (x + a * 0.018 * size - 0.008, 0.14 * size), (x + a * 0.022 * size, 0.16 * size)],
            (70, 150, 70),
        )


# -- interiors ----------------------------------------------------------------------------------------


def cafe(img, p, stage):
    r = Room(img, p, stage, (214, 186, 150), (130, 92, 62))
    r.rect(0.0, 0.34, 0.42, 0.44, (60, 48, 42))  # menu board
    for i in range(4):
        r.line([(0.03, 0.41 - i * 0.022), (0.2 + (i % 2) * 0.1, 0.41 - i * 0.022)], (240, 240, 230), 0.004)
    _counter(r, -0.05, 0.45)
    r.rect(0.05, 0.18, 0.15, 0.3, (60, 60, 66))  # espresso machine
    r.rect(0.07, 0.2, 0.13, 0.23, (180, 184, 190))
    for i in range(3):
        cx = 0.22 + i * 0.05
        r.rect(cx, 0.18, cx + 0.025, 0.21, WHITE)
    r.oval(0.32, 0.24, 0.06, 0.05, (200, 150, 90))  # pastry dome
    _table(r, 0.62, 0.8, 0.12)
    r.rect(0.68, 0.12, 0.7, 0.145, WHITE)
    _chair(r, 0.55)
    _chair(r, 0.82)


def kitchen(img, p, stage):
    r = Room(img, p, stage, (236, 226, 200), (200, 196, 186))
    for i in range(6):  # tiled splashback
        r.line([(-0.1, 0.2 + i * 0.025), (0.55, 0.2 + i * 0.025)], (200, 210, 214), 0.003)
    _counter(r, -0.1, 0.55, (230, 230, 226), (230, 236, 240))
    r.rect(0.05, 0.18, 0.2, 0.2, (40, 40, 44))  # hob
    for i in range(2):
        r.oval(0.085 + i * 0.07, 0.215, 0.025, 0.006, (20, 20, 24), line=False)
    r.rect(0.1, 0.2, 0.16, 0.24, (170, 170, 180))  # pot
    r.rect(0.3, 0.34, 0.5, 0.44, (230, 236, 240))  # cupboard
    r.rect(0.58, 0, 0.7, 0.4, (236, 240, 244))  # fridge
    r.line([(0.59, 0.28), (0.69, 0.28)], (150, 150, 160))
    r.rect(0.6, 0.31, 0.605, 0.36, (120, 120, 130), line=False)


def classroom(img, p, stage):
    r = Room(img, p, stage, (230, 222, 196), (176, 140, 100))
    r.rect(0.0, 0.2, 0.5, 0.44, (46, 84, 64))  # blackboard
    r.rect(0.0, 0.19, 0.5, 0.205, WOOD)
    r.line([(0.05, 0.38), (0.2, 0.38)], (240, 240, 240), 0.004)
    r.line([(0.06, 0.33), (0.12, 0.28), (0.18, 0.33)], (240, 240, 240), 0.004)
    r.line([(0.25, 0.35), (0.42, 0.35)], (240, 240, 240), 0.004)
    r.oval(0.45, 0.5, 0.03, 0.03, WHITE)  # clock
    for i, x in enumerate((-0.05, 0.2, 0.45, 0.7)):
        _table(r, x, x + 0.14, 0.1, (196, 160, 110))
        _chair(r, x + 0.15 if i % 2 else x - 0.06, (70, 90, 130))


def office(img, p, stage):
    r = Room(img, p, stage, (214, 220, 226), (120, 128, 140))
    for x in (-0.05, 0.35):
        _table(r, x, x + 0.28, 0.13, (210, 210, 214))
        r.rect(x + 0.08, 0.13, x + 0.2, 0.23, (40, 44, 52))  # monitor
        r.rect(x + 0.09, 0.145, x + 0.19, 0.22, (120, 170, 220), line=False)
        r.rect(x + 0.135, 0.13, x + 0.145, 0.145, (40, 44, 52), line=False)
        r.rect(x + 0.02, 0.13, x + 0.06, 0.15, WHITE)  # papers
        _chair(r, x + 0.29, (40, 40, 50))
    _plant(r, 0.9, 1.3)
    r.rect(0.72, 0, 0.82, 0.22, (160, 164, 170))  # filing cabinet
    for i in range(3):
        r.line([(0.75, 0.05 + i * 0.07), (0.79, 0.05 + i * 0.07)], (90, 90, 100))


def hospital(img, p, stage):
    r = Room(img, p, stage, (214, 234, 230), (206, 214, 214))
    r.rect(-0.05, 0.09, 0.45, 0.13, WHITE)  # bed
    r.rect(-0.05, 0.0, -0.03, 0.24, STEEL, line=False)
    r.rect(0.43, 0.0, 0.45, 0.18, STEEL, line=False)
    r.rect(-0.03, 0.13, 0.08, 0.17, (250, 250, 250))  # pillow
    r.rect(0.08, 0.13, 0.45, 0.16, (150, 200, 220))  # blanket
    r.line([(0.55, 0), (0.55, 0.42)], STEEL)  # drip stand
    r.line([(0.53, 0.42), (0.57, 0.42)], STEEL)
    r.rect(0.535, 0.33, 0.565, 0.4, (220, 236, 250))
    r.rect(0.6, 0.18, 0.72, 0.3, (40, 44, 52))  # monitor
    r.line([(0.61, 0.24), (0.64, 0.24), (0.65, 0.28), (0.66, 0.2), (0.67, 0.24), (0.71, 0.24)], (90, 240, 120), 0.004)
    r.rect(0.78, 0.0, 1.1, 0.46, (170, 206, 210))  # curtain
    for i in range(6):
        r.line([(0.8 + i * 0.05, 0.0), (0.8 + i * 0.05, 0.46)], (140, 180, 186), 0.003)
    r.rect(0.15, 0.35, 0.25, 0.41, (220, 60, 60))  # red cross sign
    r.rect(0.185, 0.36, 0.215, 0.4, WHITE, line=False)
    r.rect(0.17, 0.372, 0.23, 0.388, WHITE, line=False)


def courtroom(img, p, stage):
    r = Room(img, p, stage, (176, 140, 100), (110, 74, 50), window=False)
    for i in range(6):
        r.rect(-0.2 + i * 0.25, 0.0, -0.18 + i * 0.25, 0.6, scale(DARK_WOOD, 0.9), line=False)  # panelling
    r.rect(0.25, 0.0, 0.75, 0.24, DARK_WOOD)  # judge's bench
    r.rect(0.24, 0.24, 0.76, 0.26, scale(DARK_WOOD, 0.8))
    r.rect(0.4, 0.26, 0.6, 0.42, (90, 30, 30))  # high chair
    r.oval(0.5, 0.5, 0.06, 0.06, (220, 190, 90))  # seal
    r.oval(0.5, 0.5, 0.04, 0.04, (180, 140, 60))
    r.line([(0.68, 0.26), (0.68, 0.3)], DARK_WOOD, 0.01)  # gavel
    r.rect(0.65, 0.3, 0.71, 0.32, DARK_WOOD)
    for x in (-0.1, 0.82):  # witness box and railing
        r.rect(x, 0.0, x + 0.2, 0.12, (150, 100, 64))
    r.line([(0.84, 0.36), (0.84, 0.55)], (200, 180, 120))  # flag
    r.rect(0.845, 0.45, 0.93, 0.55, (60, 80, 150))


def library(img, p, stage):
    r = Room(img, p, stage, (200, 176, 140), (120, 84, 56), window=False)
    books = [(150, 50, 44), (50, 80, 140), (200, 160, 70), (60, 120, 80), (110, 60, 120), (220, 210, 190)]
    for x0 in (-0.2, 0.12, 0.44, 0.76):
        _shelves(r, x0, x0 + 0.28, 0.52, books, books=True)
    _table(r, 0.3, 0.7, 0.12, DARK_WOOD)
    r.oval(0.58, 0.17, 0.03, 0.04, (120, 170, 100))  # reading lamp
    r.line([(0.58, 0.12), (0.58, 0.15)], (200, 180, 90))


def bakery(img, p, stage):
    r = Room(img, p, stage, (246, 222, 196), (170, 120, 84))
    _shelves(r, 0.0, 0.5, 0.48, [(214, 160, 90)], books=False)
    for row in range(4):
        for i in range(4):  # loaves
            r.oval(0.06 + i * 0.12, 0.04 + row * 0.12, 0.045, 0.022, (206, 146, 70))
    _counter(r, 0.5, 1.05, (240, 236, 230), (236, 210, 180))
    r.rect(0.55, 0.18, 0.95, 0.28, (220, 240, 250))  # glass case
    for i, colour in enumerate(((246, 200, 210), (120, 70, 50), (250, 240, 200), (230, 120, 140))):
        r.oval(0.6 + i * 0.09, 0.21, 0.03, 0.02, colour)
    r.poly([(0.55, 0.44), (0.95, 0.44), (0.92, 0.36), (0.58, 0.36)], (240, 120, 130))  # awning sign
    for i in range(5):
        r.rect(0.58 + i * 0.07, 0.36, 0.61 + i * 0.07, 0.44, WHITE, line=False)


def train(img, p, stage):
    r = Room(img, p, stage, (214, 220, 214), (90, 96, 104), window=False)
    for i in range(5):  # a row of windows along the carriage
        x = -0.15 + i * 0.26
        r.rect(x, 0.2, x + 0.2, 0.38, (150, 200, 236))
        r.line([(x + 0.02, 0.24), (x + 0.18, 0.34)], (230, 244, 250), 0.004)
        r.rect(x - 0.01, 0.0, x + 0.21, 0.12, (60, 110, 170))  # bench seat
        r.rect(x - 0.01, 0.12, x + 0.21, 0.2, (70, 126, 190))
    for x in (0.1, 0.62):
        r.line([(x, 0), (x, 0.6)], (220, 200, 60), 0.01)  # grab poles
    r.line([(-0.2, 0.5), (1.2, 0.5)], STEEL, 0.006)
    for i in range(8):
        x = -0.1 + i * 0.16
        r.line([(x, 0.5), (x, 0.45)], STEEL, 0.003)
        r.oval(x, 0.44, 0.012, 0.012, (240, 240, 240), line=False)  # hanging straps


def station(img, p, stage):
    r = Room(img, p, stage, (200, 196, 186), (170, 166, 156), window=False)
    r.rect(-0.2, 0.0, 1.2, 0.07, (40, 40, 44))  # tracks beyond the platform edge
    r.rect(-0.2, 0.07, 1.2, 0.085, (240, 210, 60), line=False)
    for x in (-0.1, 0.4, 0.9):
        r.rect(x, 0.085, x + 0.03, 0.6, (90, 96, 110))  # pillars
    r.rect(0.15, 0.44, 0.35, 0.5, (30, 60, 130))  # station sign
    r.rect(0.17, 0.46, 0.33, 0.48, WHITE, line=False)
    r.oval(0.62, 0.48, 0.04, 0.04, WHITE)  # clock
    r.line([(0.62, 0.48), (0.62, 0.505)], (20, 20, 20), 0.004)
    r.line([(0.62, 0.48), (0.637, 0.48)], (20, 20, 20), 0.004)
    r.rect(0.5, 0.085, 0.75, 0.13, DARK_WOOD)  # bench
    r.rect(0.7, 0.14, 1.15, 0.34, (200, 60, 50))  # a train at the platform
    for i in range(3):
        r.rect(0.74 + i * 0.13, 0.24, 0.83 + i * 0.13, 0.31, (170, 210, 236))


def bedroom(img, p, stage):
    r = Room(img, p, stage, (200, 190, 226), (170, 130, 96))
    r.rect(-0.05, 0.0, 0.02, 0.26, DARK_WOOD)  # headboard
    r.rect(-0.05, 0.06, 0.5, 0.12, WHITE)
    r.rect(0.0, 0.12, 0.1, 0.16, (250, 250, 250))  # pillow
    r.rect(0.1, 0.12, 0.5, 0.14, (220, 110, 120))  # duvet
    r.rect(0.48, 0.0, 0.5, 0.14, DARK_WOOD)
    r.rect(0.54, 0.0, 0.64, 0.12, WOOD)  # nightstand and lamp
    r.poly([(0.565, 0.17), (0.615, 0.17), (0.625, 0.22), (0.555, 0.22)], (250, 220, 150))
    r.line([(0.59, 0.12), (0.59, 0.17)], (120, 110, 100))
    r.p.glow((r.x(0.59), r.y(0.19)), stage.height * 0.06, (255, 220, 150), strength=50)
    r.oval(0.3, 0.01, 0.18, 0.02, (120, 160, 200), line=False)  # rug
    _frame(r, 0.15, 0.3, 0.3, 0.42, [(150, 200, 230), (80, 140, 90), (250, 220, 90)])


def living_room(img, p, stage):
    r = Room(img, p, stage, (226, 208, 176), (150, 110, 80))
    r.oval(0.4, 0.01, 0.35, 0.025, (170, 80, 70), line=False)  # rug
    r.rect(0.0, 0.0, 0.4, 0.12, (90, 120, 160))  # sofa
    r.rect(0.0, 0.12, 0.4, 0.22, (100, 134, 176))
    r.rect(-0.02, 0.0, 0.04, 0.16, (80, 110, 150))
    r.rect(0.36, 0.0, 0.42, 0.16, (80, 110, 150))
    r.rect(0.1, 0.12, 0.17, 0.18, (240, 200, 90))  # cushion
    r.rect(0.52, 0.0, 0.72, 0.08, DARK_WOOD)  # TV stand and TV
    r.rect(0.5, 0.1, 0.74, 0.26, (30, 30, 36))
    r.line([(0.62, 0.08), (0.62, 0.1)], (30, 30, 36), 0.01)
    _plant(r, 0.85, 1.4)
    _frame(r, 0.1, 0.3, 0.3, 0.44, [(230, 190, 140), (200, 120, 80), (250, 240, 200)])


def shop(img, p, stage):
    r = Room(img, p, stage, (240, 240, 236), (200, 200, 196), window=False)
    goods = [(230, 80, 70), (250, 200, 60), (80, 160, 220), (110, 190, 100), (240, 150, 60), (200, 110, 190)]
    _shelves(r, -0.15, 0.25, 0.44, goods)
    _shelves(r, 0.3, 0.62, 0.44, goods)
    _counter(r, 0.68, 1.1)
    r.rect(0.74, 0.18, 0.86, 0.26, (60, 64, 72))  # till
    r.rect(0.76, 0.23, 0.84, 0.255, (120, 230, 160), line=False)
    r.rect(0.6, 0.5, 0.95, 0.56, (220, 60, 60))  # shop sign
    r.rect(0.63, 0.52, 0.92, 0.54, WHITE, line=False)


def space_station(img, p, stage):
    r = Room(img, p, stage, (176, 186, 200), (96, 104, 118), window=False)
    for i in range(5):
        x = -0.2 + i * 0.3
        r.rect(x, 0.0, x + 0.28, 0.6, (160, 170, 186))
        r.line([(x + 0.02, 0.3), (x + 0.26, 0.3)], (120, 130, 146), 0.004)
    cx, cy = 0.5, 0.32  # porthole onto the stars and a planet
    r.oval(cx, cy, 0.17, 0.17, (80, 86, 100))
    r.oval(cx, cy, 0.14, 0.14, (8, 10, 28))
    rng = stage.rng
    for _ in range(14):
        a, d = rng.uniform(0, math.tau), rng.uniform(0, 0.12)
        r.oval(cx + math.cos(a) * d * 0.6, cy + math.sin(a) * d, 0.003, 0.003, (250, 250, 230), line=False)
    r.oval(cx + 0.03, cy - 0.06, 0.06, 0.06, (90, 140, 220), line=False)
    for x, colour in ((0.05, (250, 80, 80)), (0.1, (90, 240, 130)), (0.15, (250, 200, 60))):
        r.oval(x, 0.25, 0.012, 0.012, colour, line=False)
        r.p.glow((r.x(x), r.y(0.25)), stage.height * 0.02, colour, strength=70)
    r.rect(0.78, 0.15, 0.98, 0.28, (30, 40, 60))  # console
    r.rect(0.8, 0.17, 0.96, 0.26, (60, 200, 220), line=False)


def greenhouse(img, p, stage):
    r = Room(img, p, stage, (200, 230, 214), (140, 110, 80), window=False)
    sky = mix(stage.light.sky[1], (220, 240, 230), 0.4)
    r.rect(-0.3, 0.0, 1.3, 0.7, sky, line=False)
    for i in range(12):  # glazing bars
        r.line([(-0.3 + i * 0.14, 0.0), (-0.3 + i * 0.14, 0.7)], (240, 246, 244), 0.006)
    for i in range(5):
        r.line([(-0.3, i * 0.15), (1.3, i * 0.15)], (240, 246, 244), 0.006)
    r.rect(-0.2, 0.0, 1.2, 0.1, WOOD)  # potting bench
    for i in range(9):
        _plant(r, -0.12 + i * 0.16, 0.9 + (i % 3) * 0.25)
    for i in range(6):
        x = i * 0.2
        r.poly([(x, 0.1), (x - 0.05, 0.3), (x + 0.02, 0.16), (x + 0.07, 0.34), (x + 0.05, 0.1)], (60, 140, 70))


def restaurant(img, p, stage):
    r = Room(img, p, stage, (150, 60, 56), (90, 60, 44))
    for x in (0.1, 0.45, 0.8):
        r.p.glow((r.x(x), r.y(0.5)), stage.height * 0.05, (255, 210, 140), strength=60)
        r.line([(x, 0.6), (x, 0.52)], (40, 30, 20))
        r.oval(x, 0.5, 0.03, 0.02, (250, 210, 140))
    for x in (-0.05, 0.35, 0.72):
        _table(r, x, x + 0.22, 0.12, DARK_WOOD, cloth=WHITE)
        r.rect(x + 0.09, 0.12, x + 0.1, 0.17, (240, 240, 220))  # candle
        r.oval(x + 0.095, 0.18, 0.004, 0.008, (255, 200, 80), line=False)
        r.oval(x + 0.05, 0.125, 0.03, 0.006, WHITE)  # plates
        r.oval(x + 0.16, 0.125, 0.03, 0.006, WHITE)


def bar(img, p, stage):
    r = Room(img, p, stage, (70, 50, 44), (80, 54, 40), window=False)
    r.rect(-0.2, 0.28, 1.2, 0.29, DARK_WOOD)
    r.rect(-0.2, 0.4, 1.2, 0.41, DARK_WOOD)
    rng = stage.rng
    for row in (0.29, 0.41):
        x = -0.18
        while x < 1.15:  # bottles
            colour = rng.choice([(60, 140, 80), (150, 90, 40), (180, 180, 200), (120, 40, 50)])
            r.rect(x, row, x + 0.02, row + 0.06, colour, line=False)
            r.rect(x + 0.007, row + 0.06, x + 0.013, row + 0.09, colour, line=False)
            x += rng.uniform(0.03, 0.05)
    _counter(r, -0.2, 1.2, (130, 80, 50), (100, 62, 40))
    for x in (0.1, 0.35, 0.6, 0.85):  # stools
        r.line([(x, 0), (x, 0.1)], (40, 40, 40), 0.008)
        r.oval(x, 0.105, 0.03, 0.008, (160, 40, 40))
    r.rect(0.2, 0.18, 0.225, 0.22, (250, 200, 80))  # a pint


def lab(img, p, stage):
    pl.lab(img, p, stage)


def gym(img, p, stage):
    r = Room(img, p, stage, (214, 214, 206), (190, 160, 110))
    r.rect(-0.1, 0.0, 0.6, 0.02, (60, 100, 170))  # mats
    r.line([(0.8, 0.6), (0.8, 0.4)], (60, 60, 60), 0.004)  # punching bag
    r.rect(0.76, 0.16, 0.84, 0.4, (180, 40, 40))
    r.rect(0.0, 0.0, 0.25, 0.03, STEEL)  # bench press rack
    r.line([(0.02, 0.03), (0.02, 0.2)], STEEL, 0.01)
    r.line([(0.23, 0.03), (0.23, 0.2)], STEEL, 0.01)
    r.line([(-0.04, 0.18), (0.29, 0.18)], (60, 60, 60), 0.01)
    for x in (-0.03, 0.27):
        r.rect(x - 0.012, 0.12, x + 0.012, 0.24, (30, 30, 34))
    for i in range(4):
        r.line([(0.35 + i * 0.05, 0.2), (0.35 + i * 0.05, 0.5)], (170, 120, 70), 0.006)  # wall bars
    r.line([(0.35, 0.5), (0.5, 0.5)], (170, 120, 70), 0.006)


def museum(img, p, stage):
    r = Room(img, p, stage, (236, 232, 224), (180, 170, 156), window=False)
    _frame(r, -0.05, 0.22, 0.2, 0.46, [(120, 160, 200), (80, 120, 70), (240, 200, 80)])
    _frame(r, 0.3, 0.26, 0.48, 0.42, [(200, 120, 90), (120, 60, 50), (250, 240, 220)])
    _frame(r, 0.62, 0.2, 0.92, 0.48, [(40, 50, 90), (200, 200, 230), (250, 220, 90)])
    r.rect(0.36, 0.0, 0.46, 0.14, WHITE)  # plinth and vase
    r.poly([(0.385, 0.14), (0.435, 0.14), (0.45, 0.19), (0.43, 0.24), (0.39, 0.24), (0.37, 0.19)], (60, 90, 160))
    r.line([(-0.2, 0.06), (1.2, 0.06)], (200, 170, 90), 0.004)  # rope barrier
    for x in (0.1, 0.7):
        r.line([(x, 0.0), (x, 0.07)], (200, 170, 90), 0.008)


def church(img, p, stage):
    r = Room(img, p, stage, (200, 190, 170), (140, 120, 100), window=False)
    for x, colours in ((0.1, ((200, 50, 60), (60, 90, 180))), (0.75, ((240, 190, 60), (70, 150, 90)))):
        r.rect(x, 0.22, x + 0.14, 0.48, (60, 60, 70))  # arched stained-glass window
        r.oval(x + 0.07, 0.48, 0.07 * 2.4, 0.06, (60, 60, 70))
        for i in range(4):
            r.rect(
                x + 0.01 + (i % 2) * 0.06,
                0.24 + (i // 2) * 0.12,
                x + 0.07 + (i % 2) * 0.06,
                0.35 + (i // 2) * 0.12,
                colours[i % 2],
                line=False,
            )
    r.rect(0.38, 0.1, 0.62, 0.16, WHITE)  # altar
    r.rect(0.4, 0.0, 0.6, 0.1, (200, 180, 150))
    r.line([(0.5, 0.34), (0.5, 0.5)], (210, 180, 80), 0.012)  # cross
    r.line([(0.46, 0.45), (0.54, 0.45)], (210, 180, 80), 0.012)
    for x in (-0.15, 0.62):  # pews
        r.rect(x, 0.0, x + 0.3, 0.08, DARK_WOOD)
        r.rect(x, 0.08, x + 0.3, 0.14, scale(DARK_WOOD, 0.85))


def castle_hall(img, p, stage):
    r = Room(img, p, stage, (150, 146, 140), (120, 110, 100), window=False)
    for row in range(8):  # stone blocks
        for i in range(10):
            off = 0.06 if row % 2 else 0
            r.rect(
                -0.3 + i * 0.16 + off,
                row * 0.08,
                -0.16 + i * 0.16 + off,
                row * 0.08 + 0.07,
                (160, 154, 146),
                line=False,
            )
    r.poly([(0.42, 0.0), (0.58, 0.0), (0.9, -0.3), (0.1, -0.3)], (160, 30, 40), line=False)  # red carpet
    r.rect(0.43, 0.0, 0.57, 0.12, (200, 160, 60))  # throne
    r.rect(0.45, 0.12, 0.55, 0.36, (150, 30, 40))
    r.poly([(0.44, 0.36), (0.5, 0.42), (0.56, 0.36)], (220, 180, 60))
    for x in (0.15, 0.8):  # banners
        r.poly([(x, 0.55), (x + 0.1, 0.55), (x + 0.1, 0.28), (x + 0.05, 0.32), (x, 0.28)], (40, 60, 150))
        r.oval(x + 0.05, 0.45, 0.02, 0.025, (230, 200, 80), line=False)
    for x in (0.05, 0.95):  # torches
        r.line([(x, 0.3), (x, 0.36)], DARK_WOOD, 0.01)
        r.p.glow((r.x(x), r.y(0.39)), stage.height * 0.05, (255, 170, 60), strength=90)


def police_station(img, p, stage):
    r = Room(img, p, stage, (130, 140, 146), (90, 94, 100), window=False)
    r.rect(0.55, 0.18, 1.0, 0.44, (30, 36, 44))  # one-way mirror
    r.line([(0.6, 0.4), (0.7, 0.3)], (80, 90, 104), 0.004)
    _table(r, 0.2, 0.55, 0.13, STEEL)
    r.rect(0.3, 0.13, 0.38, 0.14, WHITE)  # a file
    r.line([(0.38, 0.7), (0.38, 0.45)], (30, 30, 30), 0.004)  # bare lamp
    r.poly([(0.34, 0.45), (0.42, 0.45), (0.4, 0.49), (0.36, 0.49)], (60, 60, 60))
    r.p.glow((r.x(0.38), r.y(0.44)), stage.height * 0.08, (255, 240, 190), strength=80)
    _chair(r, 0.12, (60, 60, 66))
    _chair(r, 0.58, (60, 60, 66))
    r.rect(-0.1, 0.35, 0.1, 0.5, (40, 60, 120))  # badge poster
    r.poly([(0.0, 0.47), (0.04, 0.42), (0.0, 0.37), (-0.04, 0.42)], (220, 190, 80))


def prison(img, p, stage):
    r = Room(img, p, stage, (150, 150, 144), (110, 110, 106), window=False)
    r.rect(0.6, 0.4, 0.72, 0.48, (40, 40, 50))  # small barred window
    for i in range(4):
        r.line([(0.62 + i * 0.027, 0.4), (0.62 + i * 0.027, 0.48)], (90, 90, 90), 0.004)
    r.rect(0.05, 0.08, 0.4, 0.12, (120, 110, 100))  # cot
    r.line([(0.07, 0), (0.07, 0.08)], STEEL, 0.006)
    r.line([(0.38, 0), (0.38, 0.08)], STEEL, 0.006)
    for i in range(16):  # bars across the front
        x = -0.3 + i * 0.1
        r.line([(x, -0.3), (x, 1.0)], (60, 62, 70), 0.014)
    r.line([(-0.3, 0.55), (1.3, 0.55)], (60, 62, 70), 0.014)


def theater(img, p, stage):
    r = Room(img, p, stage, (60, 24, 30), (100, 60, 40), window=False)
    r.rect(0.05, 0.0, 0.95, 0.16, (130, 90, 60))  # stage
    r.rect(0.05, 0.16, 0.95, 0.6, (30, 20, 24), line=False)
    for x0 in (-0.1, 0.75):  # red curtains
        r.rect(x0, 0.16, x0 + 0.35, 0.7, (170, 30, 40))
        for i in range(5):
            r.line([(x0 + 0.04 + i * 0.07, 0.16), (x0 + 0.04 + i * 0.07, 0.7)], (120, 20, 30), 0.006)
    r.rect(-0.1, 0.6, 1.1, 0.7, (170, 30, 40))
    r.p.glow((r.x(0.5), r.y(0.3)), stage.height * 0.2, (255, 240, 200), strength=70)
    for i in range(10):  # seat backs in the dark
        r.oval(-0.05 + i * 0.12, -0.05, 0.05, 0.04, (90, 20, 30))


def studio(img, p, stage):
    r = Room(img, p, stage, (236, 230, 220), (170, 150, 130))
    r.line([(0.2, 0.0), (0.28, 0.42)], DARK_WOOD, 0.01)  # easel
    r.line([(0.36, 0.0), (0.28, 0.42)], DARK_WOOD, 0.01)
    r.line([(0.28, 0.0), (0.28, 0.3)], DARK_WOOD, 0.008)
    r.rect(0.18, 0.16, 0.38, 0.38, WHITE)
    r.poly([(0.2, 0.2), (0.26, 0.3), (0.3, 0.24), (0.36, 0.34), (0.36, 0.18), (0.2, 0.18)], (90, 150, 210))
    r.oval(0.32, 0.34, 0.02, 0.02, (250, 200, 60), line=False)
    for i, colour in enumerate(((220, 60, 60), (60, 120, 220), (240, 200, 60))):
        r.rect(-0.05 + i * 0.06, 0.0, -0.01 + i * 0.06, 0.05, colour)  # paint pots
    r.oval(0.7, 0.01, 0.12, 0.02, (200, 80, 90), line=False)  # paint spatters
    r.rect(0.55, 0.0, 0.85, 0.12, WOOD)
    for i in range(3):
        r.rect(0.58 + i * 0.09, 0.12, 0.64 + i * 0.09, 0.2 + i * 0.03, (200 - i * 40, 160, 120 + i * 40))


def bathroom(img, p, stage):
    r = Room(img, p, stage, (214, 232, 236), (226, 230, 232), window=False)
    for i in range(12):
        r.line([(-0.3 + i * 0.13, 0.0), (-0.3 + i * 0.13, 0.6)], (190, 210, 216), 0.003)
        r.line([(-0.3, i * 0.05), (1.3, i * 0.05)], (190, 210, 216), 0.003)
    r.rect(-0.1, 0.0, 0.35, 0.12, WHITE)  # bathtub
    r.line([(0.3, 0.12), (0.3, 0.2), (0.26, 0.2)], STEEL, 0.008)
    r.rect(0.5, 0.0, 0.56, 0.12, WHITE)  # sink
    r.poly([(0.44, 0.12), (0.62, 0.12), (0.6, 0.16), (0.46, 0.16)], WHITE)
    r.line([(0.53, 0.16), (0.53, 0.19), (0.51, 0.19)], STEEL, 0.006)
    r.oval(0.53, 0.34, 0.08, 0.12, (180, 210, 226))  # mirror
    r.rect(0.75, 0.0, 0.85, 0.09, WHITE)  # toilet
    r.rect(0.77, 0.09, 0.88, 0.19, WHITE)


def hallway(img, p, stage):
    r = Room(img, p, stage, (226, 214, 190), (150, 120, 90), window=False)
    cx, cy = stage.width / 2, r.y(0.22)
    w, h = stage.width, stage.height
    wall = stage.lit(p, (200, 188, 166))
    p.polygon([(0, 0), (cx - w * 0.12, cy - h * 0.14), (cx - w * 0.12, cy + h * 0.14), (0, h)], wall, size=h * 0.05)
    p.polygon([(w, 0), (cx + w * 0.12, cy - h * 0.14), (cx + w * 0.12, cy + h * 0.14), (w, h)], wall, size=h * 0.05)
    p.polygon(
        [
            (cx - w * 0.12, cy - h * 0.14),
            (cx + w * 0.12, cy - h * 0.14),
            (cx + w * 0.12, cy + h * 0.14),
            (cx - w * 0.12, cy + h * 0.14),
        ],
        stage.lit(p, (236, 226, 204)),
        size=h * 0.05,
    )
    door = stage.lit(p, DARK_WOOD)
    for side in (-1, 1):  # doors receding on both walls
        for t in (0.25, 0.55):
            x0 = cx + side * (w / 2 - (w / 2 - w * 0.12) * t)
            x1 = cx + side * (w / 2 - (w / 2 - w * 0.12) * (t + 0.15))
            top0, top1 = h * (0.1 + 0.25 * t), h * (0.1 + 0.25 * (t + 0.15))
            bot0, bot1 = h - (h - cy - h * 0.14) * t, h - (h - cy - h * 0.14) * (t + 0.15)
            p.polygon([(x0, top0 + h * 0.12), (x1, top1 + h * 0.1), (x1, bot1), (x0, bot0)], door, size=h * 0.05)
    for t in (0.2, 0.5, 0.8):  # ceiling lights
        y = h * 0.04 * (1 + t)
        p.ellipse((cx - w * 0.05 * (1 - t * 0.6), y, cx + w * 0.05 * (1 - t * 0.6), y + h * 0.01), (255, 250, 220))


def elevator(img, p, stage):
    r = Room(img, p, stage, (176, 170, 160), (90, 84, 80), window=False)
    r.rect(0.15, 0.0, 0.85, 0.6, (150, 156, 166))  # steel doors
    r.line([(0.5, 0.0), (0.5, 0.6)], (90, 96, 106), 0.006)
    for i in range(5):
        r.line([(0.18 + i * 0.07, 0.02), (0.18 + i * 0.07, 0.58)], (170, 176, 186), 0.002)
    r.rect(0.9, 0.2, 0.98, 0.36, (200, 190, 160))  # button panel
    for i in range(4):
        r.oval(0.94, 0.23 + i * 0.035, 0.01, 0.01, (250, 200, 80) if i == 1 else (240, 240, 240))
    r.rect(0.4, 0.62, 0.6, 0.68, (30, 30, 30))  # floor indicator
    r.poly([(0.47, 0.63), (0.5, 0.67), (0.53, 0.63)], (250, 120, 60), line=False)


def airport(img, p, stage):
    r = Room(img, p, stage, (200, 210, 220), (180, 184, 190), window=False)
    sky = stage.lit(p, stage.light.sky[1])
    r.rect(-0.3, 0.08, 1.3, 0.6, sky, line=False)  # glass wall onto the apron
    x, y = 0.55, 0.2  # a parked plane
    r.oval(x, y, 0.28 * 2.4, 0.04, (240, 244, 248))
    r.poly([(x - 0.05, y), (x + 0.1, y), (x - 0.12, y - 0.12)], (220, 226, 232))
    r.poly([(x - 0.26, y), (x - 0.22, y + 0.12), (x - 0.18, y)], (60, 90, 170))
    for i in range(10):
        r.line([(-0.3 + i * 0.18, 0.08), (-0.3 + i * 0.18, 0.6)], (80, 90, 100), 0.006)
    r.rect(-0.1, 0.44, 0.3, 0.56, (24, 26, 32))  # departures board
    for i in range(3):
        r.line([(-0.08, 0.53 - i * 0.03), (0.28, 0.53 - i * 0.03)], (250, 200, 60), 0.006)
    for i in range(5):  # row of seats
        r.rect(-0.05 + i * 0.08, 0.0, 0.02 + i * 0.08, 0.06, (40, 80, 150))
        r.rect(-0.05 + i * 0.08, 0.06, 0.02 + i * 0.08, 0.12, (50, 96, 170))


def cave(img, p, stage):
    r = Room(img, p, stage, (70, 60, 56), (90, 80, 72), window=False)
    w, h = stage.width, stage.height
    rock = stage.lit(p, (50, 44, 42))
    rng = stage.rng
    p.ellipse((w * 0.18, r.y(0.5), w * 0.82, r.y(-0.2)), stage.lit(p, (20, 18, 20)))  # the dark beyond
    edge = [(0, 0)]
    for i in range(13):  # stalactites along the roof
        x = w * i / 12
        edge += [(x - w * 0.03, h * 0.12), (x, h * (0.18 + rng.uniform(0, 0.14)))]
    edge += [(w, 0)]
    p.polygon(edge, rock, size=h * 0.06)
    for _ in range(5):  # stalagmites on the floor
        x = rng.uniform(0, 1)
        r.poly([(x - 0.04, 0.0), (x, 0.1 + rng.uniform(0, 0.1)), (x + 0.04, 0.0)], (80, 70, 64))
    r.p.glow((r.x(0.2), r.y(0.1)), h * 0.12, (90, 200, 220), strength=50)  # glowing crystals
    r.poly([(0.17, 0.0), (0.19, 0.1), (0.21, 0.0)], (120, 220, 240))


# -- exteriors ----------------------------------------------------------------------------------------


def _tombstones(img, p, stage):
    pl.default(img, p, stage)
    rng = stage.rng
    stone = (150, 150, 156)
    for i in range(7):
        x = -0.1 + i * 0.2 + rng.uniform(-0.03, 0.03)
        base = stage.horizon + stage.height * (0.03 + (i % 2) * 0.05)
        top = base - stage.height * 0.1 * stage.zoom
        x0, x1 = _x(stage, x), _x(stage, x + 0.07)
        p.polygon([(x0, base), (x0, top), (x1, top), (x1, base)], stage.lit(p, stone), size=stage.height * 0.05)
        p.ellipse((x0, top - (x1 - x0) / 2, x1, top + (x1 - x0) / 2), stage.lit(p, stone), size=stage.height * 0.05)
        xm = (x0 + x1) / 2
        p.line([(xm, top - (x1 - x0) * 0.2), (xm, top + (x1 - x0) * 0.6)], stage.lit(p, (90, 90, 96)), 2)
        p.line(
            [(xm - (x1 - x0) * 0.2, top + (x1 - x0) * 0.1), (xm + (x1 - x0) * 0.2, top + (x1 - x0) * 0.1)],
            stage.lit(p, (90, 90, 96)),
            2,
        )


def _stalls(img, p, stage):
    pl.city(img, p, stage)
    rng = stage.rng
    for i in range(5):
        x = -0.1 + i * 0.26
        x0, x1 = _x(stage, x), _x(stage, x + 0.2)
        base, h = stage.horizon + stage.height * 0.05, stage.height * stage.zoom
        stripe = rng.choice([(220, 60, 60), (60, 120, 200), (240, 180, 40), (60, 160, 90)])
        p.polygon(
            [(x0, base), (x0, base - h * 0.08), (x1, base - h * 0.08), (x1, base)], stage.lit(p, WOOD), size=h * 0.05
        )
        p.line([(x0 + 2, base - h * 0.08), (x0 + 2, base - h * 0.2)], stage.lit(p, DARK_WOOD), 3)
        p.line([(x1 - 2, base - h * 0.08), (x1 - 2, base - h * 0.2)], stage.lit(p, DARK_WOOD), 3)
        n = 5
        for k in range(n):
            a0, a1 = x0 + (x1 - x0) * k / n, x0 + (x1 - x0) * (k + 1) / n
            colour = stripe if k % 2 == 0 else (250, 250, 244)
            p.polygon(
                [(a0, base - h * 0.2), (a1, base - h * 0.2), (a1, base - h * 0.16), (a0, base - h * 0.16)],
                stage.lit(p, colour),
            )
        for k in range(4):
            fx = x0 + (x1 - x0) * (k + 0.5) / 4
            p.ellipse(
                (fx - h * 0.012, base - h * 0.1, fx + h * 0.012, base - h * 0.076),
                stage.lit(p, rng.choice([(240, 140, 40), (200, 40, 40), (120, 200, 60)])),
            )


def _underwater(img, p, stage):
    w, h = stage.width, stage.height
    img.paste(gradient((w, h), [p.col((40, 140, 200)), p.col((10, 50, 110))]), (0, 0))
    rng = stage.rng
    for _ in range(6):  # light shafts
        x = rng.uniform(0, w)
        p.polygon([(x, 0), (x + w * 0.05, 0), (x + w * 0.2, h), (x + w * 0.1, h)], (200, 240, 255, 30))
    sand = stage.lit(p, (200, 180, 130))
    p.solid.rectangle((0, stage.horizon + h * 0.1, w, h), fill=sand)
    for i in range(8):  # seaweed and coral
        x = _x(stage, -0.2 + i * 0.2)
        base = stage.horizon + h * 0.1
        pts = [(x + math.sin(k * 0.9 + i) * w * 0.02, base - k * h * 0.05 * stage.zoom) for k in range(6)]
        p.limb(pts, max(3, w * 0.012), stage.lit(p, (40, 140, 80)), size=h * 0.05)
        p.ellipse((x + w * 0.05, base - h * 0.06, x + w * 0.1, base), stage.lit(p, (240, 110, 120)), size=h * 0.05)
    for _ in range(14):  # bubbles
        x, y, r = rng.uniform(0, w), rng.uniform(0, h * 0.8), rng.uniform(2, 6)
        p.draw.ellipse((x - r, y - r, x + r, y + r), outline=(230, 250, 255, 200), width=1)


def _snow(img, p, stage):
    pl.mountain(img, p, stage)
    w, h = stage.width, stage.height
    p.solid.rectangle((0, stage.horizon, w, h), fill=stage.lit(p, (236, 242, 250)))
    for i in range(4):
        x = _x(stage, i * 0.3)
        p.ellipse(
            (x, stage.horizon + h * 0.1 * (i % 2), x + w * 0.3, stage.horizon + h * (0.05 + 0.1 * (i % 2))),
            stage.lit(p, (210, 222, 238)),
        )


def _farm(img, p, stage):
    pl.village(img, p, stage)
    h = stage.height * stage.zoom
    x0, x1 = _x(stage, 0.55), _x(stage, 0.85)
    base = stage.horizon + stage.height * 0.06
    red = stage.lit(p, (170, 40, 36))
    p.polygon(
        [(x0, base), (x0, base - h * 0.2), ((x0 + x1) / 2, base - h * 0.3), (x1, base - h * 0.2), (x1, base)],
        red,
        size=h * 0.08,
    )
    white = stage.lit(p, WHITE)
    xm = (x0 + x1) / 2
    p.polygon(
        [
            (xm - h * 0.05, base),
            (xm - h * 0.05, base - h * 0.12),
            (xm + h * 0.05, base - h * 0.12),
            (xm + h * 0.05, base),
        ],
        white,
        size=h * 0.05,
    )
    p.line([(xm - h * 0.05, base - h * 0.12), (xm + h * 0.05, base)], red, 3)
    p.line([(xm + h * 0.05, base - h * 0.12), (xm - h * 0.05, base)], red, 3)
    for i in range(8):  # fence
        fx = _x(stage, -0.1 + i * 0.08)
        p.line([(fx, base + stage.height * 0.1), (fx, base + stage.height * 0.04)], stage.lit(p, WOOD), 3)
    p.line(
        [(_x(stage, -0.1), base + stage.height * 0.06), (_x(stage, 0.46), base + stage.height * 0.06)],
        stage.lit(p, WOOD),
        3,
    )


def _river(img, p, stage, *, lake: bool = False):
    pl.default(img, p, stage)
    w, h = stage.width, stage.height
    water = stage.lit(p, (80, 150, 210))
    y = stage.horizon
    if lake:
        p.ellipse((-w * 0.2, y - h * 0.02, w * 1.2, y + h * 0.16), water)
        p.ellipse((w * 0.6, y - h * 0.005, w * 0.75, y + h * 0.01), (240, 250, 255, 160))
    else:
        p.polygon([(w * 0.45, y), (w * 0.55, y), (w * 0.95, h), (w * 0.05, h)], water)
        for i in range(5):
            yy = y + (h - y) * (i + 0.5) / 5
            p.line([(w * 0.4, yy), (w * 0.5, yy + 3)], (230, 245, 255, 180), 2)


def _bridge(img, p, stage):
    _river(img, p, stage)
    w, h = stage.width, stage.height
    y = stage.horizon + (h - stage.horizon) * 0.35
    stone = stage.lit(p, (170, 150, 120))
    p.polygon([(0, y - h * 0.04), (w, y - h * 0.04), (w, y + h * 0.02), (0, y + h * 0.02)], stone, size=h * 0.05)
    p.chord((w * 0.3, y - h * 0.02, w * 0.7, y + h * 0.2), 180, 360, stage.lit(p, (60, 110, 160)))
    for i in range(11):
        x = i * w / 10
        p.line([(x, y - h * 0.04), (x, y - h * 0.1)], stone, max(2, w // 150))
    p.line([(0, y - h * 0.1), (w, y - h * 0.1)], stone, max(2, w // 120))


def _stadium(img, p, stage):
    w, h = stage.width, stage.height
    _ground_only(img, p, stage, (80, 160, 70))
    stands = stage.lit(p, (120, 120, 136))
    p.polygon(
        [
            (0, stage.horizon),
            (0, stage.horizon - h * 0.25 * stage.zoom),
            (w, stage.horizon - h * 0.25 * stage.zoom),
            (w, stage.horizon),
        ],
        stands,
        size=h * 0.05,
    )
    rng = stage.rng
    for row in range(5):  # crowd
        y = stage.horizon - h * (0.04 + row * 0.045) * stage.zoom
        for k in range(40):
            x = (k + 0.5 * (row % 2)) * w / 40
            p.solid.ellipse(
                (x - 3, y - 3, x + 3, y + 3),
                fill=stage.lit(p, rng.choice([(220, 60, 60), (250, 250, 250), (60, 90, 200), (240, 200, 60)])),
            )
    for side in (0.1, 0.9):  # floodlights
        x = w * side
        p.line([(x, stage.horizon - h * 0.25 * stage.zoom), (x, h * 0.05)], (80, 80, 90), 3)
        p.glow((x, h * 0.05), h * 0.06, (255, 255, 230), strength=110)
    for i in range(3):  # pitch markings
        p.line(
            [
                (0, stage.horizon + (h - stage.horizon) * (0.3 + i * 0.3)),
                (w, stage.horizon + (h - stage.horizon) * (0.3 + i * 0.3)),
            ],
            (240, 250, 240, 160),
            2,
        )


def _ground_only(img, p, stage, colour):
    h = stage.height - stage.horizon
    img.paste(
        gradient((stage.width, max(1, h)), [stage.lit(p, colour), stage.lit(p, scale(colour, 0.8))]), (0, stage.horizon)
    )


def _harbor(img, p, stage):
    pl.sea(img, p, stage)
    w, h = stage.width, stage.height
    wood = stage.lit(p, WOOD)
    y = stage.horizon + (h - stage.horizon) * 0.5
    p.polygon([(0, y), (w * 0.55, y), (w * 0.55, y + h * 0.04), (0, y + h * 0.04)], wood, size=h * 0.05)  # pier
    for i in range(6):
        x = i * w * 0.1
        p.line([(x, y), (x, y + h * 0.12)], scale(wood, 0.7), 4)
    bx, by = w * 0.72, stage.horizon + h * 0.06  # a fishing boat
    p.polygon(
        [(bx - w * 0.14, by), (bx + w * 0.14, by), (bx + w * 0.1, by + h * 0.05), (bx - w * 0.1, by + h * 0.05)],
        stage.lit(p, (190, 50, 50)),
        size=h * 0.05,
    )
    p.line([(bx, by), (bx, by - h * 0.18)], stage.lit(p, DARK_WOOD), 3)
    p.polygon(
        [(bx + 2, by - h * 0.17), (bx + w * 0.1, by - h * 0.02), (bx + 2, by - h * 0.02)],
        stage.lit(p, WHITE),
        size=h * 0.05,
    )


def _bus_stop(img, p, stage):
    pl.city(img, p, stage)
    h = stage.height * stage.zoom
    x0, x1 = _x(stage, 0.55), _x(stage, 0.9)
    base = stage.horizon + stage.height * 0.08
    p.polygon(
        [(x0, base - h * 0.22), (x1, base - h * 0.22), (x1, base - h * 0.2), (x0, base - h * 0.2)],
        stage.lit(p, (60, 70, 90)),
        size=h * 0.04,
    )
    p.polygon([(x0, base), (x0, base - h * 0.2), (x1, base - h * 0.2), (x1, base)], (200, 230, 240, 90))
    for x in (x0, x1):
        p.line([(x, base), (x, base - h * 0.22)], stage.lit(p, (60, 70, 90)), 3)
    sx = _x(stage, 0.48)
    p.line([(sx, base), (sx, base - h * 0.28)], stage.lit(p, (90, 90, 100)), 3)
    p.ellipse(
        (sx - h * 0.03, base - h * 0.32, sx + h * 0.03, base - h * 0.26), stage.lit(p, (30, 120, 60)), size=h * 0.04
    )
    p.polygon(
        [
            (sx - h * 0.012, base - h * 0.3),
            (sx + h * 0.012, base - h * 0.3),
            (sx + h * 0.012, base - h * 0.28),
            (sx - h * 0.012, base - h * 0.28),
        ],
        (255, 255, 255),
    )
    p.polygon(
        [(x0 + 6, base - h * 0.07), (x1 - 6, base - h * 0.07), (x1 - 6, base - h * 0.05), (x0 + 6, base - h * 0.05)],
        stage.lit(p, DARK_WOOD),
    )


def _parking(img, p, stage):
    pl.city(img, p, stage)
    w, h = stage.width, stage.height
    base = stage.horizon
    for i in range(7):  # bay lines
        x = _x(stage, -0.1 + i * 0.2)
        p.line([(x, base + h * 0.05), (x - w * 0.08, h)], (250, 250, 240), max(2, w // 200))
    rng = stage.rng
    for i in range(3):  # parked cars
        x = _x(stage, 0.0 + i * 0.4)
        y = base + h * 0.06
        body = stage.lit(p, rng.choice([(200, 40, 40), (40, 90, 180), (230, 230, 230), (40, 40, 44)]))
        p.polygon(
            [
                (x, y + h * 0.06),
                (x + w * 0.22, y + h * 0.06),
                (x + w * 0.22, y + h * 0.02),
                (x + w * 0.17, y),
                (x + w * 0.05, y),
                (x, y + h * 0.02),
            ],
            body,
            size=h * 0.05,
        )
        for k in (0.04, 0.18):
            p.ellipse((x + w * k - h * 0.02, y + h * 0.04, x + w * k + h * 0.02, y + h * 0.08), (30, 30, 30))


def _construction(img, p, stage):
    pl.city(img, p, stage)
    w, h = stage.width, stage.height * stage.zoom
    yellow = stage.lit(p, (240, 190, 30))
    mx, base = _x(stage, 0.75), stage.horizon + stage.height * 0.02
    for k in range(8):  # crane mast lattice
        y0, y1 = base - h * k * 0.07, base - h * (k + 1) * 0.07
        p.line([(mx, y0), (mx + w * 0.03, y1)], yellow, 2)
        p.line([(mx + w * 0.03, y0), (mx, y1)], yellow, 2)
    p.line([(mx, base), (mx, base - h * 0.56)], yellow, 4)
    p.line([(mx + w * 0.03, base), (mx + w * 0.03, base - h * 0.56)], yellow, 4)
    p.line([(mx - w * 0.5, base - h * 0.56), (mx + w * 0.12, base - h * 0.56)], yellow, 5)
    p.line([(mx - w * 0.35, base - h * 0.56), (mx - w * 0.35, base - h * 0.35)], (40, 40, 40), 2)
    p.polygon(
        [
            (mx - w * 0.37, base - h * 0.35),
            (mx - w * 0.33, base - h * 0.35),
            (mx - w * 0.33, base - h * 0.32),
            (mx - w * 0.37, base - h * 0.32),
        ],
        yellow,
    )
    for i in range(6):  # barrier stripes
        x = i * w / 6
        p.polygon(
            [
                (x, stage.horizon + stage.height * 0.06),
                (x + w / 12, stage.horizon + stage.height * 0.06),
                (x + w / 12, stage.horizon + stage.height * 0.09),
                (x, stage.horizon + stage.height * 0.09),
            ],
            (230, 60, 40) if i % 2 else (250, 250, 250),
        )


def _swamp(img, p, stage):
    pl.forest(img, p, stage)
    w, h = stage.width, stage.height
    murk = stage.lit(p, (70, 90, 60))
    p.polygon([(0, stage.horizon + h * 0.04), (w, stage.horizon + h * 0.04), (w, h), (0, h)], murk)
    rng = stage.rng
    for _ in range(6):  # lily pads and reeds
        x, y = rng.uniform(0, w), rng.uniform(stage.horizon + h * 0.08, h)
        p.ellipse((x - w * 0.04, y - h * 0.01, x + w * 0.04, y + h * 0.01), stage.lit(p, (90, 150, 70)))
    for i in range(8):
        x = i * w / 8 + rng.uniform(0, w * 0.05)
        p.line([(x, stage.horizon + h * 0.1), (x + 3, stage.horizon - h * 0.02)], stage.lit(p, (110, 120, 60)), 2)
        p.ellipse((x, stage.horizon - h * 0.04, x + 6, stage.horizon - h * 0.01), stage.lit(p, (110, 70, 40)))
    p.draw.rectangle((0, 0, w, h), fill=(160, 190, 150, 40))  # marsh mist


def _volcano(img, p, stage):
    w, h = stage.width, stage.height
    _ground_only(img, p, stage, (70, 56, 52))
    base, peak = stage.horizon, stage.horizon - h * 0.42 * stage.zoom
    cx = _x(stage, 0.5)
    rock = stage.lit(p, (80, 62, 58))
    p.polygon(
        [(cx - w * 0.6, base), (cx - w * 0.08, peak), (cx + w * 0.08, peak), (cx + w * 0.6, base)], rock, size=h * 0.06
    )
    lava = (255, 120, 30)
    p.glow((cx, peak), h * 0.18, (255, 110, 30), strength=140)
    p.polygon(
        [
            (cx - w * 0.07, peak + 2),
            (cx + w * 0.07, peak + 2),
            (cx + w * 0.02, peak + h * 0.12),
            (cx + w * 0.06, base),
            (cx - w * 0.01, base),
            (cx - w * 0.03, peak + h * 0.1),
        ],
        lava,
    )
    for k in range(5):  # smoke
        p.ellipse(
            (
                cx - w * 0.06 + k * w * 0.03,
                peak - h * (0.08 + k * 0.05),
                cx + w * 0.06 + k * w * 0.04,
                peak - h * (0.01 + k * 0.05),
            ),
            (90, 80, 80, 170),
        )


def _waterfall(img, p, stage):
    pl.mountain(img, p, stage)
    w, h = stage.width, stage.height
    x0, x1 = _x(stage, 0.4), _x(stage, 0.6)
    p.polygon(
        [(x0, h * 0.1), (x1, h * 0.1), (x1, stage.horizon + h * 0.08), (x0, stage.horizon + h * 0.08)],
        stage.lit(p, (150, 200, 240)),
    )
    for i in range(7):
        x = x0 + (x1 - x0) * (i + 0.5) / 7
        p.line([(x, h * 0.1), (x, stage.horizon + h * 0.06)], (240, 250, 255, 200), 2)
    p.ellipse((x0 - w * 0.1, stage.horizon + h * 0.02, x1 + w * 0.1, stage.horizon + h * 0.14), (240, 250, 255, 210))
    p.polygon(
        [(0, stage.horizon + h * 0.1), (w, stage.horizon + h * 0.1), (w, h), (0, h)], stage.lit(p, (70, 140, 200))
    )


def _sky(img, p, stage):
    w, h = stage.width, stage.height
    img.paste(gradient((w, h), [p.col(stage.light.sky[0]), p.col(stage.light.sky[2])]), (0, 0))
    rng = stage.rng
    for _ in range(7):  # clouds below and around: high up in the air
        cx, cy, r = rng.uniform(0, w), rng.uniform(h * 0.2, h), rng.uniform(0.06, 0.14) * w
        for k in range(4):
            p.ellipse((cx - r + k * r * 0.5, cy - r * 0.5, cx + k * r * 0.5, cy + r * 0.3), (255, 255, 255, 235))


def _ruins(img, p, stage):
    pl.desert(img, p, stage)
    stone = (196, 180, 150)
    h = stage.height * stage.zoom
    base = stage.horizon + stage.height * 0.04
    rng = stage.rng
    for i in range(6):  # broken columns
        x0 = _x(stage, -0.05 + i * 0.2)
        x1 = x0 + stage.width * 0.05
        top = base - h * rng.uniform(0.1, 0.35)
        p.polygon(
            [(x0, base), (x0, top + h * 0.02), (x0 + (x1 - x0) * 0.5, top), (x1, top + h * 0.04), (x1, base)],
            stage.lit(p, stone),
            size=h * 0.05,
        )
        for k in range(3):
            fx = x0 + (x1 - x0) * (k + 1) / 4
            p.line([(fx, base), (fx, top + h * 0.05)], stage.lit(p, scale(stone, 0.8)), 1)
    x0, x1 = _x(stage, 0.15), _x(stage, 0.45)  # a fallen lintel
    p.polygon([(x0, base + 4), (x1, base - 6), (x1, base + 10), (x0, base + 20)], stage.lit(p, stone), size=h * 0.05)


def _battlefield(img, p, stage):
    pl.default(img, p, stage)
    w, h = stage.width, stage.height
    p.draw.rectangle((0, 0, w, h), fill=(120, 70, 40, 70))  # smoke-stained air
    rng = stage.rng
    for i in range(6):  # spears and banners stuck in the ground
        x = _x(stage, -0.1 + i * 0.22)
        y = stage.horizon + h * rng.uniform(0.02, 0.12)
        tilt = rng.uniform(-0.1, 0.1) * w
        p.line([(x, y), (x + tilt, y - h * 0.22 * stage.zoom)], stage.lit(p, DARK_WOOD), 3)
        if i % 2:
            p.polygon(
                [
                    (x + tilt, y - h * 0.22 * stage.zoom),
                    (x + tilt + w * 0.08, y - h * 0.19 * stage.zoom),
                    (x + tilt, y - h * 0.16 * stage.zoom),
                ],
                stage.lit(p, (170, 30, 40)),
            )
    for _ in range(4):
        x, y = rng.uniform(0, w), rng.uniform(h * 0.1, stage.horizon)
        p.ellipse((x - w * 0.1, y - h * 0.04, x + w * 0.1, y + h * 0.04), (70, 60, 60, 110))


def _planet(img, p, stage):
    pl.space(img, p, stage)
    w, h = stage.width, stage.height
    ground = stage.lit(p, (190, 100, 70))
    p.polygon([(0, stage.horizon), (w, stage.horizon), (w, h), (0, h)], ground)
    rng = stage.rng
    for _ in range(6):  # craters
        x, y = rng.uniform(0, w), rng.uniform(stage.horizon + h * 0.04, h)
        r = rng.uniform(0.04, 0.1) * w
        p.ellipse((x - r, y - r * 0.25, x + r, y + r * 0.25), stage.lit(p, (150, 76, 54)))
        p.ellipse((x - r * 0.8, y - r * 0.15, x + r * 0.8, y + r * 0.2), stage.lit(p, (120, 60, 44)))


def _beach(img, p, stage):
    pl.sea(img, p, stage)
    w, h = stage.width, stage.height
    x = _x(stage, 0.8)
    base = stage.horizon + h * 0.2
    p.line([(x, base), (x + 4, base - h * 0.2)], stage.lit(p, (240, 240, 240)), 3)  # parasol
    p.chord((x - w * 0.12, base - h * 0.26, x + w * 0.14, base - h * 0.14), 180, 360, stage.lit(p, (240, 80, 70)))
    x = _x(stage, 0.15)  # palm tree
    trunk = [(x, base), (x + w * 0.03, base - h * 0.2), (x + w * 0.08, base - h * 0.38)]
    p.limb(trunk, max(4, w * 0.02), stage.lit(p, (150, 110, 70)), size=h * 0.05)
    tx, ty = trunk[-1]
    for a in (-2.6, -2.0, -1.2, -0.5, 0.1):
        p.limb(
            [(tx, ty), (tx + math.cos(a) * w * 0.14, ty + math.sin(a) * h * 0.05 + h * 0.06)],
            max(3, w * 0.015),
            stage.lit(p, (60, 150, 60)),
            size=h * 0.05,
        )


def _park(img, p, stage):
    pl.default(img, p, stage)
    h = stage.height * stage.zoom
    path = stage.lit(p, (210, 196, 160))
    p.polygon(
        [
            (stage.width * 0.45, stage.horizon),
            (stage.width * 0.55, stage.horizon),
            (stage.width * 0.8, stage.height),
            (stage.width * 0.2, stage.height),
        ],
        path,
    )
    x0, x1 = _x(stage, 0.62), _x(stage, 0.88)  # bench
    base = stage.horizon + stage.height * 0.1
    p.polygon(
        [(x0, base - h * 0.06), (x1, base - h * 0.06), (x1, base - h * 0.045), (x0, base - h * 0.045)],
        stage.lit(p, WOOD),
        size=h * 0.04,
    )
    p.polygon(
        [(x0, base - h * 0.1), (x1, base - h * 0.1), (x1, base - h * 0.085), (x0, base - h * 0.085)],
        stage.lit(p, WOOD),
        size=h * 0.04,
    )
    for x in (x0 + 4, x1 - 4):
        p.line([(x, base), (x, base - h * 0.1)], stage.lit(p, (50, 50, 56)), 3)
    lx = _x(stage, 0.3)  # lamp post
    p.line([(lx, base), (lx, base - h * 0.3)], stage.lit(p, (40, 44, 50)), 3)
    p.ellipse((lx - 6, base - h * 0.32, lx + 6, base - h * 0.29), (250, 240, 200))


def _street(img, p, stage):
    pl.city(img, p, stage)
    w, h = stage.width, stage.height
    y = stage.horizon + (h - stage.horizon) * 0.55
    for i in range(8):  # crosswalk
        x = w * (0.1 + i * 0.1)
        p.polygon(
            [(x, y), (x + w * 0.05, y), (x + w * 0.06, y + h * 0.06), (x - w * 0.01, y + h * 0.06)], (240, 240, 236)
        )
    lx = _x(stage, 0.85)  # traffic light
    base = stage.horizon + h * 0.05
    p.line([(lx, base), (lx, base - h * 0.3 * stage.zoom)], stage.lit(p, (40, 44, 50)), 4)
    top = base - h * 0.3 * stage.zoom
    p.polygon([(lx - 8, top), (lx + 8, top), (lx + 8, top + 40), (lx - 8, top + 40)], (30, 30, 34))
    for k, colour in enumerate(((240, 60, 50), (80, 70, 40), (60, 90, 60))):
        p.ellipse((lx - 5, top + 3 + k * 12, lx + 5, top + 13 + k * 12), colour)


def _rooftop(img, p, stage):
    pl.city(img, p, stage)
    w, h = stage.width, stage.height
    y = stage.horizon + h * 0.04
    p.solid.rectangle((0, y, w, h), fill=stage.lit(p, (150, 146, 140)))
    p.solid.rectangle((0, y - h * 0.05, w, y), fill=stage.lit(p, (180, 176, 170)))
    for i in range(13):  # railing
        x = i * w / 12
        p.line([(x, y - h * 0.05), (x, y - h * 0.14)], stage.lit(p, (90, 96, 104)), 2)
    p.line([(0, y - h * 0.14), (w, y - h * 0.14)], stage.lit(p, (90, 96, 104)), 3)
    tx = _x(stage, 0.8)  # water tank
    p.polygon(
        [(tx, y + h * 0.02), (tx, y - h * 0.2), (tx + w * 0.12, y - h * 0.2), (tx + w * 0.12, y + h * 0.02)],
        stage.lit(p, (140, 100, 70)),
        size=h * 0.05,
    )


def _school(img, p, stage):
    pl.school(img, p, stage)


SET_PAINTERS: dict[str, tuple[SetPainter, bool]] = {
    "cafe": (cafe, False),
    "kitchen": (kitchen, False),
    "classroom": (classroom, False),
    "office": (office, False),
    "hospital": (hospital, False),
    "courtroom": (courtroom, False),
    "library": (library, False),
    "bakery": (bakery, False),
    "train": (train, False),
    "station": (station, False),
    "bedroom": (bedroom, False),
    "living_room": (living_room, False),
    "shop": (shop, False),
    "space_station": (space_station, False),
    "greenhouse": (greenhouse, False),
    "restaurant": (restaurant, False),
    "bar": (bar, False),
    "laboratory": (lab, False),
    "gym": (gym, False),
    "museum": (museum, False),
    "church": (church, False),
    "castle_hall": (castle_hall, False),
    "police_station": (police_station, False),
    "prison": (prison, False),
    "theater": (theater, False),
    "studio": (studio, False),
    "bathroom": (bathroom, False),
    "hallway": (hallway, False),
    "elevator": (elevator, False),
    "airport": (airport, False),
    "cave": (cave, False),
    "street": (_street, True),
    "city": (pl.city, True),
    "rooftop": (_rooftop, True),
    "park": (_park, True),
    "forest": (pl.forest, True),
    "beach": (_beach, True),
    "sea": (pl.sea, True),
    "underwater": (_underwater, False),
    "mountain": (pl.mountain, True),
    "desert": (pl.desert, True),
    "snowfield": (_snow, True),
    "village": (pl.village, True),
    "farm": (_farm, True),
    "river": (_river, True),
    "lake": (lambda img, p, stage: _river(img, p, stage, lake=True), True),
    "bridge": (_bridge, True),
    "school": (_school, True),
    "castle": (pl.castle, True),
    "battlefield": (_battlefield, True),
    "space": (pl.space, False),
    "planet_surface": (_planet, False),
    "ruins": (_ruins, True),
    "graveyard": (_tombstones, True),
    "stadium": (_stadium, True),
    "market": (_stalls, True),
    "harbor_town": (_harbor, True),
    "bus_stop": (_bus_stop, True),
    "parking_lot": (_parking, True),
    "construction_site": (_construction, True),
    "swamp": (_swamp, True),
    "volcano": (_volcano, True),
    "waterfall": (_waterfall, True),
    "sky": (_sky, True),
}


def setting_key(location: str) -> str | None:
    """The SETTINGS key a location names: the key, or a synonym as a whole word; None if none."""
    text = f" {location.lower().replace('_', ' ').strip()} "
    if location in SET_PAINTERS:
        return location
    best: tuple[int, str] | None = None
    for entry in SETTINGS:
        for word in entry.synonyms:
            if f" {word} " in text and (best is None or len(word) > best[0]):
                best = (len(word), entry.key)
    return best[1] if best else None


def set_painter(location: str) -> tuple[SetPainter, bool]:
    """The painter for a location and whether it is outdoors (weather falls in front of it)."""
    key = setting_key(location)
    if key is not None:
        return SET_PAINTERS[key]
    text = location.lower()
    if any(word in text for word in INTERIOR_WORDS):
        return living_room, False
    return pl.location_painter(location)
