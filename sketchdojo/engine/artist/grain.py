"""Grain: one seeded tile of faint noise, shared by the painter (paper grain) and the sky (dithering).

Its own module so that painter and sky, which both need it, need not import each other.
"""

from __future__ import annotations

import random
from functools import lru_cache

from PIL import Image, ImageChops


def dither(image: Image.Image) -> Image.Image:
    """Add faint grain (about +-2 levels) so a smooth ramp shows no steps (bands) between 8-bit levels."""
    return ImageChops.add(image, _noise(image.size), 1.0, -128)


GRAIN_TILE = 2048


@lru_cache(maxsize=1)
def grain_tile() -> Image.Image:
    """One seeded tile of grain (128 +- 2), so a panel redraws to the same pixels in any process."""
    raw = Image.frombytes("L", (GRAIN_TILE, GRAIN_TILE), random.Random(13).randbytes(GRAIN_TILE * GRAIN_TILE))
    return raw.point([128 + round((v / 255 - 0.5) * 4) for v in range(256)])


@lru_cache(maxsize=1)
def _grain_rgb() -> Image.Image:
    tile = grain_tile()
    return Image.merge(
        "RGB", (tile, tile.transpose(Image.Transpose.FLIP_LEFT_RIGHT), tile.transpose(Image.Transpose.FLIP_TOP_BOTTOM))
    )


def _noise(size: tuple[int, int]) -> Image.Image:
    w, h = size
    tile = _grain_rgb()
    if w <= GRAIN_TILE and h <= GRAIN_TILE:
        return tile.crop((0, 0, w, h))
    return tile.resize(size, Image.Resampling.NEAREST)
