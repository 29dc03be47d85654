"""Fonts and text fitting for the letterer, for every script the product accepts.

A line of dialogue may mix scripts ("Привет, 世界 😀"), and no single font covers them all, so each
line is split into runs by the first font of the face's chain that has the character (per character
fallback): Noto Sans for Latin with accents, Cyrillic and Greek; DejaVu for symbols; Noto Sans CJK
for Chinese, Japanese and Korean; Noto Color Emoji for emoji, drawn from its 109 px colour bitmaps
and scaled. The fonts are Debian's Noto packages, installed by `scripts/bootstrap.sh`; a missing
one is a clear `FontMissingError`, never a page of empty boxes.

Lettering must be legible on any panel size, so text is wrapped into a balanced block (not one long
line, not a tower of single words) and the font shrinks until the block fits its box, never below
the floor it is given. Chinese and Japanese have no spaces: they break between characters (never
before closing punctuation). Loading a TrueType face costs milliseconds, so faces are cached per
(thread, font, size); widths are measured once at a reference size and scaled, which keeps fitting
a long line under a millisecond.
"""

from __future__ import annotations

import functools
import math
import re
import shutil
import subprocess
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont


class FontMissingError(RuntimeError):
    """A font the letterer needs is not installed."""


@dataclass(frozen=True)
class FontFile:
    """One font: its family (for fontconfig), the known Debian path, the Debian package, the index in a collection."""

    family: str
    path: str
    package: str
    index: int = 0


_NOTO = "/usr/share/fonts/truetype/noto"
_CJK = "/usr/share/fonts/opentype/noto"
_DEJAVU = "/usr/share/fonts/truetype/dejavu"
FONTS = {
    "noto": FontFile("Noto Sans", f"{_NOTO}/NotoSans-Regular.ttf", "fonts-noto-core"),
    "noto-bold": FontFile("Noto Sans:bold", f"{_NOTO}/NotoSans-Bold.ttf", "fonts-noto-core"),
    "noto-italic": FontFile("Noto Sans:italic", f"{_NOTO}/NotoSans-Italic.ttf", "fonts-noto-core"),
    "noto-serif-italic": FontFile("Noto Serif:italic", f"{_NOTO}/NotoSerif-Italic.ttf", "fonts-noto-core"),
    "dejavu": FontFile("DejaVu Sans", f"{_DEJAVU}/DejaVuSans.ttf", "fonts-dejavu-core"),
    "dejavu-bold": FontFile("DejaVu Sans:bold", f"{_DEJAVU}/DejaVuSans-Bold.ttf", "fonts-dejavu-core"),
    # Index 0 of Debian's collection is the Japanese face; it holds Chinese hanzi and Korean hangul too.
    "cjk": FontFile("Noto Sans CJK JP", f"{_CJK}/NotoSansCJK-Regular.ttc", "fonts-noto-cjk"),
    "cjk-bold": FontFile("Noto Sans CJK JP:bold", f"{_CJK}/NotoSansCJK-Bold.ttc", "fonts-noto-cjk"),
    "cjk-kr": FontFile("Noto Sans CJK KR", f"{_CJK}/NotoSansCJK-Regular.ttc", "fonts-noto-cjk", 1),
    "cjk-kr-bold": FontFile("Noto Sans CJK KR:bold", f"{_CJK}/NotoSansCJK-Bold.ttc", "fonts-noto-cjk", 1),
    "cjk-sc": FontFile("Noto Sans CJK SC", f"{_CJK}/NotoSansCJK-Regular.ttc", "fonts-noto-cjk", 2),
    "cjk-sc-bold": FontFile("Noto Sans CJK SC:bold", f"{_CJK}/NotoSansCJK-Bold.ttc", "fonts-noto-cjk", 2),
    "emoji": FontFile("Noto Color Emoji", f"{_NOTO}/NotoColorEmoji.ttf", "fonts-noto-color-emoji"),
}
EMOJI = "emoji"
EMOJI_STRIKE = 109  # the only size Noto Color Emoji's bitmaps come in
EMOJI_SCALE = 0.92  # an emoji's advance relative to the text size (its bitmap is 1.25 em wide)
# Per face, the fonts tried in turn for each character (emoji before DejaVu's black-and-white ones).
CHAINS = {
    "regular": ("noto", EMOJI, "dejavu", "cjk"),
    "bold": ("noto-bold", EMOJI, "dejavu-bold", "cjk-bold"),
    "italic": ("noto-italic", EMOJI, "dejavu", "cjk"),
    "caption": ("noto-serif-italic", EMOJI, "dejavu", "cjk"),
    "sfx": ("noto-bold", EMOJI, "dejavu-bold", "cjk-bold"),
}
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LINE_SPACING = 1.18
BASELINE = 0.9  # from a line's top to its baseline, in ems: room for accents above, descenders below
_REFERENCE_SIZE = 100
# Characters that never ride along with a run of their own: joiners, variation selectors, marks.
_GLUE = re.compile(r"[\u200c\u200d\ufe0e\ufe0f\u0300-\u036f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
# Scripts written without spaces: a line may break between any two of these characters.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
# Closing punctuation that must not start a line (kinsoku): it stays with the character before it.
_NO_LINE_START = set("、。，．・：；？！）」』】〕〉》ー…‥,.!?)")  # noqa: RUF001 (full-width on purpose)


@functools.cache
def font_path(key: str) -> str:
    """The file of font `key`: the known Debian path, else what fontconfig finds, else a clear error."""
    spec = FONTS[key]
    if Path(spec.path).is_file():
        return spec.path
    fc_match = shutil.which("fc-match")
    if fc_match:
        found = subprocess.run(  # noqa: S603 (a fixed family name, no shell)
            [fc_match, "--format=%{file}", spec.family], capture_output=True, text=True, check=False
        ).stdout.strip()
        if found and Path(found).is_file() and Path(found).name == Path(spec.path).name:
            return found
    raise FontMissingError(
        f"The letterer needs the font {spec.family!r} ({spec.path}); install the Debian package "
        f"{spec.package} (scripts/bootstrap.sh installs every font the letterer uses)."
    )


_cmap_lock = threading.Lock()


def coverage(key: str) -> frozenset[int]:
    """The code points font `key` has a glyph for (read once per process from its cmap).

    The faces of one Noto CJK collection cover the same characters (only glyph forms differ), so
    the Chinese and Korean faces share the Japanese face's set: reading a CJK cmap takes ~0.3 s.
    """
    return _cmap(font_path(key), 0 if key.startswith("cjk") else FONTS[key].index)


@functools.cache
def _cmap(path: str, index: int) -> frozenset[int]:
    with _cmap_lock:
        font = TTFont(path, fontNumber=index, lazy=True)
        try:
            return frozenset(font.getBestCmap() or ())
        finally:
            font.close()


def script_face(face: str, text: str) -> str:
    """`face` with the CJK glyph forms `text` is written in: Japanese with kana, Korean with hangul,
    else Simplified Chinese when it has hanzi (the same character is drawn differently in each)."""
    if ":" in face or (not _HAN.search(text) and not _HANGUL.search(text)):
        return face
    if _KANA.search(text):
        return face
    return f"{face}:kr" if _HANGUL.search(text) else f"{face}:sc"


@functools.cache
def chain(face: str) -> tuple[str, ...]:
    """The fonts tried in turn for `face` ("regular", or with a CJK variant: "regular:sc")."""
    base, _, variant = face.partition(":")
    fonts = CHAINS[base]
    if not variant:
        return fonts
    return tuple(f"cjk-{variant}" + key[3:] if key.startswith("cjk") else key for key in fonts)


def font_for(face: str, char: str) -> str | None:
    """The first font of `face`'s chain with a glyph for `char`; None when no installed font has one."""
    code = ord(char)
    for key in chain(face):
        if code in coverage(key):
            return key
    return None


def runs(face: str, text: str) -> list[tuple[str, str]]:
    """`text` split into (font, text) runs; a character no font has goes with its neighbours' font."""
    out: list[list[str]] = []
    for char in text:
        key = None if (out and (char.isspace() or _GLUE.match(char))) else font_for(face, char)
        if key is not None and char.isspace() and out:
            key = None
        if key is None:
            if out:
                out[-1][1] += char
                continue
            key = chain(face)[0]
        if out and out[-1][0] == key:
            out[-1][1] += char
        else:
            out.append([key, char])
    return [(key, chunk) for key, chunk in out]


def missing_glyphs(face: str, text: str) -> list[str]:
    """The characters of `text` (other than spaces and joiners) no font of `face`'s chain can draw."""
    return [c for c in text if not (c.isspace() or _GLUE.match(c)) and font_for(face, c) is None]


_per_thread = threading.local()


def load_font(face: str, size: int) -> ImageFont.FreeTypeFont:
    """The first font of `face`'s chain at `size` px (the one Latin text is set in)."""
    return _font(chain(face)[0], size)


def _font(key: str, size: int) -> ImageFont.FreeTypeFont:
    """Font `key` at `size` px, cached per thread: a FreeType face must not be used by two threads at once."""
    cache = getattr(_per_thread, "fonts", None)
    if cache is None:
        cache = _per_thread.fonts = {}
    if key == EMOJI:
        size = EMOJI_STRIKE
    font = cache.get((key, size))
    if font is None:
        font = cache[(key, size)] = ImageFont.truetype(font_path(key), size, index=FONTS[key].index)
    return font


def _run_width(key: str, size: int, text: str) -> float:
    if key == EMOJI:
        font = _font(EMOJI, EMOJI_STRIKE)
        return font.getlength(text) * size * EMOJI_SCALE / font.getlength("\U0001f600")
    return _font(key, size).getlength(text)


_widths: dict[tuple[str, str], float] = {}


def _reference_width(face: str, text: str) -> float:
    key = (face, text)
    width = _widths.get(key)
    if width is None:
        if len(_widths) > 20_000:  # bounded: dialogue vocabularies are small, but never unbounded
            _widths.clear()
        width = _widths[key] = sum(_run_width(font, _REFERENCE_SIZE, chunk) for font, chunk in runs(face, text))
    return width


def text_width(face: str, size: int, text: str) -> float:
    """Width of `text` at `size`, scaled from a cached measurement at the reference size."""
    return _reference_width(face, text) * size / _REFERENCE_SIZE


_emoji_cache: OrderedDict[tuple[str, int], Image.Image] = OrderedDict()
_emoji_lock = threading.Lock()


def _emoji_image(text: str, size: int) -> Image.Image:
    """An emoji run drawn in colour at the bitmap strike and scaled to `size` (line top at y=0)."""
    key = (text, size)
    with _emoji_lock:
        cached = _emoji_cache.get(key)
        if cached is not None:
            _emoji_cache.move_to_end(key)
            return cached
    font = _font(EMOJI, EMOJI_STRIKE)
    ascent, descent = font.getmetrics()
    big = Image.new("RGBA", (max(1, math.ceil(font.getlength(text))), ascent + descent), (0, 0, 0, 0))
    ImageDraw.Draw(big).text((0, ascent), text, font=font, embedded_color=True, anchor="ls")
    scale = size * EMOJI_SCALE / font.getlength("\U0001f600")
    image = big.resize((max(1, round(big.width * scale)), max(1, round(big.height * scale))), Image.Resampling.LANCZOS)
    with _emoji_lock:
        _emoji_cache[key] = image
        if len(_emoji_cache) > 256:
            _emoji_cache.popitem(last=False)
    return image


def draw_line(
    image: Image.Image,
    xy: tuple[float, float],
    text: str,
    face: str,
    size: int,
    fill,
    *,
    anchor: str = "la",
    stroke_width: int = 0,
    stroke_fill=None,
) -> None:
    """Draw one line of mixed-script `text` with its top at `xy` (left, or middle with anchor "ma").

    Each run is set in the font that has its glyphs, on one shared baseline; emoji in colour.
    """
    x, top = xy
    if anchor == "ma":
        x -= text_width(face, size, text) / 2
    baseline = top + size * BASELINE
    draw = ImageDraw.Draw(image)
    for key, chunk in runs(face, text):
        width = _run_width(key, size, chunk)
        if key == EMOJI:
            if chunk.strip():
                emoji = _emoji_image(chunk, size)
                ascent, descent = _font(EMOJI, EMOJI_STRIKE).getmetrics()
                ascent = ascent * emoji.height / (ascent + descent)
                image.paste(emoji, (round(x), round(baseline - ascent)), emoji)
        else:
            draw.text(
                (x, baseline),
                chunk,
                font=_font(key, size),
                fill=fill,
                anchor="ls",
                stroke_width=stroke_width,
                stroke_fill=stroke_fill,
            )
        x += width


def line_extent(face: str, size: int, text: str, stroke_width: int = 0) -> tuple[int, int]:
    """Width and height of the box `draw_line` paints `text` in (line top to descender, strokes included)."""
    width = text_width(face, size, text) + 2 * stroke_width
    height = size * LINE_SPACING + 2 * stroke_width
    return math.ceil(width), math.ceil(height)


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
    def font(self) -> ImageFont.FreeTypeFont:
        return load_font(self.face, self.size)


def tokens(text: str) -> list[tuple[str, bool]]:
    """Breakable pieces of `text` as (piece, follows the previous piece without a space).

    Words split at spaces; Chinese and Japanese also between characters, except that closing
    punctuation stays with the character before it.
    """
    out: list[tuple[str, bool]] = []
    for word in text.split():
        pieces: list[str] = []
        for char in word:
            if pieces and (
                char in _NO_LINE_START
                or _GLUE.match(char)
                or not (_UNSPACED.match(char) or _UNSPACED.match(pieces[-1][-1]))
            ):
                pieces[-1] += char
            else:
                pieces.append(char)
        out.extend((piece, i > 0) for i, piece in enumerate(pieces))
    return out


def _split_long_word(face: str, size: int, word: str, max_width: float) -> list[str]:
    pieces, current = [], ""
    for char in word:
        if current and not _GLUE.match(char) and text_width(face, size, current + char) > max_width:
            pieces.append(current)
            current = char
        else:
            current += char
    return [*pieces, current] if current else pieces


def wrap(face: str, size: int, text: str, max_width: float) -> list[str]:
    """Greedy wrap at spaces (and between CJK characters); a word wider than the line is broken."""
    space = text_width(face, size, " ")
    lines: list[str] = []
    current, current_width = "", 0.0
    for token, glued in tokens(text):
        for i, piece in enumerate(_split_long_word(face, size, token, max_width)):
            width = text_width(face, size, piece)
            gap = 0.0 if (glued or i > 0) else space
            if current and current_width + gap + width <= max_width:
                current, current_width = current + (" " if gap else "") + piece, current_width + gap + width
            else:
                if current:
                    lines.append(current)
                current, current_width = piece, width
    if current:
        lines.append(current)
    return lines or [""]


def _block(face: str, size: int, text: str, max_width: float, aspect: float) -> TextBlock:
    """Wrap to a width that makes the block roughly `aspect` times wider than tall."""
    pieces = tokens(text)
    total = text_width(face, size, " ".join(text.split()))
    longest = max((text_width(face, size, piece) for piece, _ in pieces), default=0.0)
    line_height = size * LINE_SPACING
    balanced_lines = max(1.0, math.sqrt(total / (aspect * line_height)))
    target = min(max_width, max(longest, total / balanced_lines + size))
    lines = wrap(face, size, text, target)
    if len(lines) > 1:
        # A line fewer if a little more width allows it (no orphan word on a last line of its own).
        wider = wrap(face, size, text, min(max_width, target * 1.25))
        if len(wider) < len(lines):
            lines, target = wider, min(max_width, target * 1.25)
        # Then the narrowest width that keeps that many lines: lines of even length, a tidy block.
        low, high = longest, target
        for _ in range(7):
            middle = (low + high) / 2
            if len(wrap(face, size, text, middle)) == len(lines):
                high = middle
            else:
                low = middle
        lines = wrap(face, size, text, high)
    width = max(text_width(face, size, line) for line in lines)
    return TextBlock(face, size, tuple(lines), math.ceil(width), math.ceil(line_height * len(lines)))


def fit_text(
    face: str, text: str, *, max_width: float, max_height: float, size: int, min_size: int, aspect: float = 2.6
) -> TextBlock:
    """The largest size from `size` down to `min_size` whose wrapped block fits; else the one at `min_size`.

    The size never goes below `min_size` (the legibility floor): a block that does not fit at the
    floor is returned taller than `max_height`, and the caller grows the balloon or splits the text.
    The block's face carries the text's CJK glyph forms (see `script_face`).
    """
    face = script_face(face, text)
    block = _block(face, size, text, max_width, aspect)
    while (block.width > max_width or block.height > max_height) and block.size > min_size:
        block = _block(face, max(min_size, block.size - max(1, block.size // 10)), text, max_width, aspect)
    return block
