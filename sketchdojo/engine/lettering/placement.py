"""Where balloons go: near the speaker, in reading order, never over a face or another balloon.

A panel is searched on a grid of candidate centres. Each candidate is ranked first by whether it
covers a face or an earlier balloon, then by whether it keeps reading order (top to bottom, left
to right within a row), then by how far it is from where a letterer would put it (just above the
speaker's face; the top band when no face is known). The search is a few hundred rectangle tests,
well under a millisecond per balloon.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

Box = tuple[float, float, float, float]
Point = tuple[float, float]

GRID_STEPS = 16
DIRECTIONS = {
    "right": (1.0, 0.0),
    "down-right": (math.sqrt(0.5), math.sqrt(0.5)),
    "down": (0.0, 1.0),
    "down-left": (-math.sqrt(0.5), math.sqrt(0.5)),
    "left": (-1.0, 0.0),
    "up-left": (-math.sqrt(0.5), -math.sqrt(0.5)),
    "up": (0.0, -1.0),
    "up-right": (math.sqrt(0.5), -math.sqrt(0.5)),
}
_SECTORS = ("right", "down-right", "down", "down-left", "left", "up-left", "up", "up-right")


def inflate(box: Box, by: float) -> Box:
    return box[0] - by, box[1] - by, box[2] + by, box[3] + by


def overlap_area(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def direction_name(dx: float, dy: float) -> str:
    """The nearest of eight compass words for a vector in image coordinates (y grows downward)."""
    angle = math.degrees(math.atan2(dy, dx)) % 360
    return _SECTORS[round(angle / 45) % 8]


@dataclass(frozen=True)
class Spot:
    box: Box
    blocked: float  # area of faces/balloons covered; 0 means free

    @property
    def centre(self) -> Point:
        return (self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2


class PanelLayout:
    """The occupied areas of one panel (faces and balloons placed so far) and the search over it."""

    def __init__(self, width: int, height: int, faces: Iterable[Box]):
        self.width, self.height = width, height
        self.margin = max(3.0, min(width, height) * 0.015)
        self.gap = max(3.0, min(width, height) * 0.01)
        self.faces = [inflate(face, self.gap) for face in faces]
        self.taken: list[Box] = []

    def take(self, box: Box) -> None:
        self.taken.append(box)

    def _obstacles(self) -> list[Box]:
        return self.faces + [inflate(other, self.gap) for other in self.taken]

    def _blocked(self, box: Box, obstacles: list[Box] | None = None) -> float:
        area = 0.0
        x0, y0, x1, y1 = box
        for ox0, oy0, ox1, oy1 in self._obstacles() if obstacles is None else obstacles:
            w = (x1 if x1 < ox1 else ox1) - (x0 if x0 > ox0 else ox0)
            if w > 0:
                h = (y1 if y1 < oy1 else oy1) - (y0 if y0 > oy0 else oy0)
                if h > 0:
                    area += w * h
        return area

    def _clamped_centre(self, cx: float, cy: float, hw: float, hh: float) -> Point:
        lo_x, hi_x = hw + self.margin, self.width - hw - self.margin
        lo_y, hi_y = hh + self.margin, self.height - hh - self.margin
        x = self.width / 2 if lo_x > hi_x else min(max(cx, lo_x), hi_x)
        y = self.height / 2 if lo_y > hi_y else min(max(cy, lo_y), hi_y)
        return x, y

    def _box(self, centre: Point, hw: float, hh: float) -> Box:
        return centre[0] - hw, centre[1] - hh, centre[0] + hw, centre[1] + hh

    def _candidates(self, hw: float, hh: float, extra: Iterable[Point]) -> list[Point]:
        lo_x, hi_x = hw + self.margin, self.width - hw - self.margin
        lo_y, hi_y = hh + self.margin, self.height - hh - self.margin
        # A balloon as big as the panel has one place: the middle (as `_clamped_centre` decides).
        xs = [lo_x + (hi_x - lo_x) * i / GRID_STEPS for i in range(GRID_STEPS + 1)] if hi_x > lo_x else [lo_x]
        ys = [lo_y + (hi_y - lo_y) * i / GRID_STEPS for i in range(GRID_STEPS + 1)] if hi_y > lo_y else [lo_y]
        if hi_x < lo_x:
            xs = [self.width / 2]
        if hi_y < lo_y:
            ys = [self.height / 2]
        points = [(x, y) for x in xs for y in ys]
        points.extend(self._clamped_centre(x, y, hw, hh) for x, y in extra)
        return points

    def fixed(self, centre: Point, hw: float, hh: float) -> Spot:
        """A balloon the user positioned: kept where asked, only pulled back inside the image."""
        box = self._box(self._clamped_centre(*centre, hw, hh), hw, hh)
        return Spot(box, self._blocked(box))

    def speech(self, hw: float, hh: float, face: Box | None, after: Box | None) -> Spot:
        """Best spot for a speech balloon: above/beside `face`, read after the balloon `after`."""
        extra: list[Point] = []
        if face is not None:
            fx, fy = (face[0] + face[2]) / 2, (face[1] + face[3]) / 2
            fw, fh = face[2] - face[0], face[3] - face[1]
            gap = max(self.gap * 2, fh * 0.2)
            anchor = (fx, face[1] - gap - hh)
            extra = [
                anchor,
                (face[0] - gap - hw, fy - fh * 0.4),
                (face[2] + gap + hw, fy - fh * 0.4),
                (fx - fw * 0.5 - hw * 0.5, face[1] - gap - hh),
                (fx + fw * 0.5 + hw * 0.5, face[1] - gap - hh),
            ]

            def score(c: Point) -> float:
                below = 0.6 * self.height if c[1] - hh * 0.5 > face[3] else 0.0
                return math.dist(c, anchor) + below
        else:

            def score(c: Point) -> float:
                return c[1] * 6 + c[0]

        def order_violation(c: Point) -> int:
            if after is None:
                return 0
            # Read in a Z: a later balloon sits to the right on the same row (its middle no higher
            # than the earlier one's top) or lower, or, when it is to the left, wholly below it.
            px = (after[0] + after[2]) / 2
            if c[0] > px:
                return 0 if c[1] >= after[1] else 1
            return 0 if c[1] - hh >= after[3] - self.gap else 1

        best = None
        obstacles = self._obstacles()
        for centre in self._candidates(hw, hh, extra):
            box = (centre[0] - hw, centre[1] - hh, centre[0] + hw, centre[1] + hh)
            blocked = self._blocked(box, obstacles)
            if blocked > 0 and best is not None and not best[0][0]:
                continue  # a free spot is already known; a blocked one can never beat it
            rank = (blocked > 0, order_violation(centre), blocked, score(centre))
            if best is None or rank < best[0]:
                best = (rank, Spot(box, blocked))
        return best[1]

    def anchored(self, hw: float, hh: float, anchors: list[Point]) -> Spot:
        """Best free spot nearest the first reachable anchor (captions in a band, SFX on the action)."""
        obstacles = self._obstacles()
        for anchor in anchors:
            box = self._box(self._clamped_centre(*anchor, hw, hh), hw, hh)
            if self._blocked(box, obstacles) == 0:
                return Spot(box, 0.0)
        best = None
        for centre in self._candidates(hw, hh, anchors):
            box = self._box(centre, hw, hh)
            blocked = self._blocked(box, obstacles)
            distance = min(math.dist(centre, a) + i * 40 for i, a in enumerate(anchors))
            rank = (blocked > 0, blocked, distance)
            if best is None or rank < best[0]:
                best = (rank, Spot(box, blocked))
        return best[1]


def tail_tip(
    box: Box, face: Box | None, direction: str | None, *, min_length: float, max_length: float
) -> tuple[Point, str] | None:
    """Where the tail ends and its compass direction: toward `face`, stopping short of it, or as told."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    rx, ry = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
    if direction is not None:
        if direction not in DIRECTIONS:
            return None
        dx, dy = DIRECTIONS[direction]
        edge = _edge_distance(rx, ry, dx, dy)
        length = min(max_length, max(min_length, ry * 0.6))
        return (cx + dx * (edge + length), cy + dy * (edge + length)), direction
    if face is None:
        dx, dy = DIRECTIONS["down"]
        edge = _edge_distance(rx, ry, dx, dy)
        return (cx + rx * 0.25, cy + edge + min(max_length, max(min_length, ry * 0.6))), "down"
    # Aim at the top of the face (the mouth region reads best), stop at a margin around it.
    fw, fh = face[2] - face[0], face[3] - face[1]
    target = ((face[0] + face[2]) / 2, face[1] + fh * 0.35)
    dx, dy = target[0] - cx, target[1] - cy
    distance = math.hypot(dx, dy) or 1.0
    dx, dy = dx / distance, dy / distance
    stop = _enter_distance((cx, cy), (dx, dy), inflate(face, max(fw, fh) * 0.1))
    edge = _edge_distance(rx, ry, dx, dy)
    length = min(max_length, max(min_length, (stop if stop is not None else distance) - edge))
    return (cx + dx * (edge + length), cy + dy * (edge + length)), direction_name(dx, dy)


def clear_tail(box: Box, tip: Point, obstacles: Iterable[Box], *, min_length: float, gap: float) -> Point | None:
    """`tip`, pulled back so the tail from `box`'s oval stops `gap` short of every obstacle it would cross.

    None when what is left is shorter than `min_length` (a stub reads worse than no tail).
    """
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    rx, ry = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
    dx, dy = tip[0] - cx, tip[1] - cy
    reach = math.hypot(dx, dy)
    if reach == 0:
        return None
    dx, dy = dx / reach, dy / reach
    edge = _edge_distance(rx, ry, dx, dy)
    stop = reach
    for obstacle in obstacles:
        enter = _enter_distance((cx, cy), (dx, dy), inflate(obstacle, gap))
        if enter is not None and enter < stop:
            stop = enter
    if stop >= reach:
        return tip
    if stop - edge < min_length:
        return None
    return cx + dx * stop, cy + dy * stop


def tail_reservations(box: Box, tip: Point, reach: float) -> list[Box]:
    """Small boxes along the tail from `box`'s oval to `tip`, so later balloons keep off all of it."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    length = math.dist((cx, cy), tip)
    steps = max(1, math.ceil(length / reach))
    boxes = []
    for i in range(1, steps + 1):
        t = i / steps
        px, py = cx + (tip[0] - cx) * t, cy + (tip[1] - cy) * t
        boxes.append((px - reach, py - reach, px + reach, py + reach))
    return boxes


def _edge_distance(rx: float, ry: float, dx: float, dy: float) -> float:
    """Distance from an ellipse's centre to its outline along the unit vector (dx, dy)."""
    return 1.0 / math.sqrt((dx / rx) ** 2 + (dy / ry) ** 2)


def _enter_distance(origin: Point, direction: Point, box: Box) -> float | None:
    """How far along the ray from `origin` it enters `box` (slab method); None if it misses."""
    t_near, t_far = 0.0, math.inf
    for o, d, lo, hi in ((origin[0], direction[0], box[0], box[2]), (origin[1], direction[1], box[1], box[3])):
        if abs(d) < 1e-9:
            if not lo <= o <= hi:
                return None
            continue
        t0, t1 = sorted(((lo - o) / d, (hi - o) / d))
        t_near, t_far = max(t_near, t0), min(t_far, t1)
    return t_near if t_near <= t_far else None
