"""Small colour arithmetic for the panel artist (RGB tuples, no numpy).

Every fill the artist makes passes through these helpers, so lighting and style transforms are
one function call per colour rather than a pass over the pixels.
"""

from __future__ import annotations

import colorsys
from functools import lru_cache

Rgb = tuple[int, int, int]

WHITE: Rgb = (255, 255, 255)
BLACK: Rgb = (0, 0, 0)


def _clamp(v: float) -> int:
    return 0 if v < 0 else 255 if v > 255 else round(v)


@lru_cache(maxsize=512)
def hex_rgb(value: str) -> Rgb:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def mix(a: Rgb, b: Rgb, t: float) -> Rgb:
    """`a` moved a fraction `t` of the way toward `b`."""
    return _clamp(a[0] + (b[0] - a[0]) * t), _clamp(a[1] + (b[1] - a[1]) * t), _clamp(a[2] + (b[2] - a[2]) * t)


def scale(a: Rgb, f: float) -> Rgb:
    return _clamp(a[0] * f), _clamp(a[1] * f), _clamp(a[2] * f)


@lru_cache(maxsize=1024)
def saturate(a: Rgb, f: float, value: float = 1.0) -> Rgb:
    h, s, v = colorsys.rgb_to_hsv(a[0] / 255, a[1] / 255, a[2] / 255)
    r, g, b = colorsys.hsv_to_rgb(h, min(1.0, s * f), min(1.0, v * value))
    return _clamp(r * 255), _clamp(g * 255), _clamp(b * 255)


def luminance(a: Rgb) -> float:
    return 0.299 * a[0] + 0.587 * a[1] + 0.114 * a[2]


def alpha(a: Rgb, value: int) -> tuple[int, int, int, int]:
    return a[0], a[1], a[2], value
