"""Fonts and text fitting for the letterer.

Lettering must be legible on any panel size, so text is wrapped into a balanced block (not one long
line, not a tower of single words) and the font shrinks until the block fits its box. Loading a
TrueType face costs milliseconds, so faces are cached per (thread, face, size); word widths are
measured once at a reference size and scaled, which keeps fitting a long line under a millisecond.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "caption": "DejaVuSerif-Italic.ttf",
    "sfx": "DejaVuSans-Bold.ttf",
}
LINE_SPACING = 1.18
_REFERENCE_SIZE = 100


_per_thread = threading.local()


def load_font(face: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The DejaVu face at `size` px, or Pillow's built-in font when DejaVu is not installed.

    Cached per thread: a FreeType face must not be used by two threads at once, and panels are
    lettered on several threads.
    """
    cache = getattr(_per_thread, "fonts", None)
    if cache is None:
        cache = _per_thread.fonts = {}
    font = cache.get((face, size))
    if font is None:
        try:
            font = ImageFont.truetype(str(FONT_DIR / FONT_FILES[face]), size)
        except OSError:
            font = ImageFont.load_default(size=size)
        cache[(face, size)] = font
    return font


_widths: dict[tuple[str, str], float] = {}


def _reference_width(face: str, word: str) -> float:
    key = (face, word)
    width = _widths.get(key)
    if width is None:
        if len(_widths) > 20_000:  # bounded: dialogue vocabularies are small, but never unbounded
            _widths.clear()
        width = _widths[key] = load_font(face, _REFERENCE_SIZE).getlength(word)
    return width


def text_width(face: str, size: int, text: str) -> float:
    """Width of `text` at `size`, scaled from a cached measurement at the reference size."""
    return _reference_width(face, text) * size / _REFERENCE_SIZE


@dataclass(frozen=True)
class TextBlock:
    """Wrapped lines at one font size and the block's size in pixels."""

    face: str
    size: int
    lines: tuple[str, ...]
    width: int
    height: int

    @property
    def line_height(self) -> int:
        return round(self.size * LINE_SPACING)

    @property
    def font(self):
        return load_font(self.face, self.size)


def _split_long_word(face: str, size: int, word: str, max_width: float) -> list[str]:
    pieces, current = [], ""
    for char in word:
        if current and text_width(face, size, current + char) > max_width:
            pieces.append(current)
            current = char
        else:
            current += char
    return [*pieces, current] if current else pieces


def wrap(face: str, size: int, text: str, max_width: float) -> list[str]:
    """Greedy word wrap; a word wider than the line is broken between characters."""
    space = text_width(face, size, " ")
    lines: list[str] = []
    current, current_width = "", 0.0
    for raw_word in text.split():
        for word in _split_long_word(face, size, raw_word, max_width):
            width = text_width(face, size, word)
            if current and current_width + space + width <= max_width:
                current, current_width = f"{current} {word}", current_width + space + width
            else:
                if current:
                    lines.append(current)
                current, current_width = word, width
    if current:
        lines.append(current)
    return lines or [""]


def _block(face: str, size: int, text: str, max_width: float, aspect: float) -> TextBlock:
    """Wrap to a width that makes the block roughly `aspect` times wider than tall."""
    words = text.split()
    total = text_width(face, size, " ".join(words))
    longest = max((text_width(face, size, w) for w in words), default=0.0)
    line_height = size * LINE_SPACING
    balanced_lines = max(1.0, math.sqrt(total / (aspect * line_height)))
    target = min(max_width, max(longest, total / balanced_lines + size))
    lines = wrap(face, size, text, target)
    width = max(text_width(face, size, line) for line in lines)
    return TextBlock(face, size, tuple(lines), math.ceil(width), math.ceil(line_height * len(lines)))


def fit_text(
    face: str, text: str, *, max_width: float, max_height: float, size: int, min_size: int, aspect: float = 2.6
) -> TextBlock:
    """The largest size from `size` down to `min_size` whose wrapped block fits; else the smallest."""
    block = _block(face, size, text, max_width, aspect)
    while (block.width > max_width or block.height > max_height) and block.size > min_size:
        block = _block(face, max(min_size, block.size - max(1, block.size // 10)), text, max_width, aspect)
    return block
