"""The letterer: sets dialogue, thoughts, shouts, whispers, captions and sound effects on a panel.

Text is never left to the image model (they misspell it), so every panel, offline art or AI art,
is lettered here: balloons sized to their wrapped text, placed in reading order near the speaker,
off every known face and off each other, with tails toward the speaker's face. Without face boxes
balloons go to the top band, where a panel's sky or background usually is.

    result = letter_panel(image, bubbles_from_panel(panel), faces, sfx=panel.sfx)
    result.image            # the lettered copy (the input image is left untouched)
    result.bubbles          # the bubbles with the positions and tail directions actually used
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace

from PIL import Image

from sketchdojo.engine.lettering.fonts import TextBlock, fit_text, tokens
from sketchdojo.engine.lettering.placement import (
    DIRECTIONS,
    Box,
    PanelLayout,
    Point,
    clear_tail,
    inflate,
    tail_reservations,
    tail_tip,
)
from sketchdojo.engine.lettering.shapes import (
    body_geometry,
    draw_balloon,
    is_monochrome,
    line_width,
    render_sfx,
    text_face,
)
from sketchdojo.engine.providers.base import FaceBox
from sketchdojo.engine.script import BubbleStyle, PanelScript

BUBBLE_STYLES = tuple(style.value for style in BubbleStyle)
TAIL_DIRECTIONS = tuple(DIRECTIONS)
# Font size relative to the style's base size: shouts are louder, whispers and captions quieter.
_STYLE_SCALE = {"shout": 1.1, "whisper": 0.85, "narration": 0.9}
# Tried in turn when a balloon cannot be placed clear of faces and other balloons.
_SHRINK_STEPS = (1.0, 0.85, 0.72, 0.6)
# The legibility floor: text is never set smaller than 25 px on an 800 px panel (12 px on a 390 px
# phone, above the 11 pt floor), whatever its style and however crowded the panel.
MIN_TEXT_PX_AT_800 = 25
# A balloon taller than this share of the panel at the floor is split into two balloons.
_MAX_BALLOON_HEIGHT = 0.42
_SENTENCE_END = tuple(".!?…。！？")  # noqa: RUF001 (full-width on purpose)
_CLAUSE_END = tuple(",;:—，、；：")  # noqa: RUF001 (full-width on purpose)


@dataclass
class Bubble:
    """One piece of panel text: the same shape as the API's `speech_bubbles` items."""

    text: str
    style: str = "normal"
    speaker: str | None = None
    character_id: str | None = None
    position: dict | None = None
    tail_direction: str | None = None

    def __post_init__(self) -> None:
        if self.style not in BUBBLE_STYLES:
            raise ValueError(f"Unknown bubble style {self.style!r}; choose one of {', '.join(BUBBLE_STYLES)}.")
        if self.position is not None:
            try:
                x, y = float(self.position["x"]), float(self.position["y"])
            except (KeyError, TypeError, ValueError):
                raise ValueError("A bubble position is {'x': 0-1, 'y': 0-1}.") from None
            if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
                raise ValueError("A bubble position's x and y must be between 0 and 1.")
            self.position = {"x": x, "y": y}
        if self.tail_direction is not None and self.tail_direction not in (*TAIL_DIRECTIONS, "none"):
            raise ValueError(
                f"Unknown tail direction {self.tail_direction!r}; choose one of {', '.join(TAIL_DIRECTIONS)}, none."
            )

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Bubble:
        return cls(
            text=str(d.get("text", "")),
            style=d.get("style") or "normal",
            speaker=d.get("speaker") or None,
            character_id=str(d["character_id"]) if d.get("character_id") else None,
            position=d.get("position") or None,
            tail_direction=d.get("tail_direction") or None,
        )


@dataclass
class LetterResult:
    """The lettered image, the bubbles as placed, and where each bubble and SFX ended up (pixels).

    `bubbles[i]`, `boxes[i]`, `tails[i]` (the tail's tip, None without a tail) and `blocks[i]` (the
    text as set: size and lines) describe the same balloon, in the order given; bubbles whose text
    is blank are left out (nothing to letter). A text too long for one balloon at the legible size
    is split at a sentence (else a word) into consecutive balloons of the same speaker and style,
    each listed here, so nothing is ever cut off or set too small.
    """

    image: Image.Image
    bubbles: list[Bubble]
    boxes: list[Box] = field(default_factory=list)
    sfx_boxes: list[Box] = field(default_factory=list)
    tails: list[Point | None] = field(default_factory=list)
    blocks: list[TextBlock] = field(default_factory=list)


def bubbles_from_panel(panel: PanelScript) -> list[Bubble]:
    """The caption (read first, as narration) and the dialogue lines of a script panel, in order."""
    bubbles = [Bubble(text=panel.caption, style="narration")] if panel.caption else []
    for line in panel.dialogue:
        style = BubbleStyle(line.style).value
        bubbles.append(Bubble(text=line.text, style=style, speaker=None if style == "narration" else line.speaker))
    return bubbles


def base_font_size(width: int, height: int) -> int:
    """Dialogue size for a panel: 27 px on an 800 px panel (13 px once a phone shows it 390 px wide)."""
    return max(10, min(54, round(min(width, height * 1.25) * 0.034)))


def min_font_size(width: int, height: int) -> int:
    """The smallest text a panel gets: 25 px on an 800 px panel, scaled with the panel."""
    return max(8, math.ceil(min(width, height * 1.25) * MIN_TEXT_PX_AT_800 / 800))


def split_text(text: str) -> tuple[str, str] | None:
    """`text` in two halves for two balloons: at the sentence end nearest the middle, else a clause
    end (comma), else a word.

    None when it cannot be split (a single word or character).
    """
    pieces = tokens(text)
    if len(pieces) < 2:
        return None
    total = sum(len(piece) for piece, _ in pieces)
    best, best_score, done = 1, math.inf, 0
    for i, (piece, _) in enumerate(pieces[:-1], start=1):
        done += len(piece)
        score = abs(done - total / 2)
        if piece.endswith(_SENTENCE_END):
            score -= total * 0.25
        elif piece.endswith(_CLAUSE_END):
            score -= total * 0.12
        if score < best_score:
            best, best_score = i, score

    def join(part: list[tuple[str, bool]]) -> str:
        return "".join(("" if glued or n == 0 else " ") + piece for n, (piece, glued) in enumerate(part))

    return join(pieces[:best]), join(pieces[best:])


def letter_panel(
    image: Image.Image, bubbles: Sequence[Bubble], faces: Sequence[FaceBox], sfx: Iterable[str] = ()
) -> LetterResult:
    """Letter a copy of `image`; `faces` are the drawn characters' face boxes (may be empty)."""
    canvas = image.convert("RGB") if image.mode != "RGB" else image.copy()
    width, height = canvas.size
    layout = PanelLayout(width, height, (face.box for face in faces))
    faces_by_name = {face.name.casefold(): face.box for face in faces}
    base = base_font_size(width, height)
    floor = min_font_size(width, height)
    monochrome = is_monochrome(canvas)
    placed: list[Bubble] = []
    boxes: list[Box] = []
    tails: list[Point | None] = []
    blocks: list[TextBlock] = []
    previous_speech: Box | None = None
    seen_speech = False

    queue = [bubble for bubble in bubbles if bubble.text.strip()]
    while queue:
        bubble = queue.pop(0)
        style = bubble.style
        face = faces_by_name.get(bubble.speaker.casefold()) if bubble.speaker else None
        size = max(floor, round(base * _STYLE_SCALE.get(style, 1.0)))
        is_caption = style == "narration"
        max_width = width * (0.62 if is_caption else 0.4)
        aspect = 5.0 if is_caption else 2.6
        smallest = fit_text(
            text_face(style),
            bubble.text,
            max_width=max_width,
            max_height=height * 0.28,
            size=floor,
            min_size=floor,
            aspect=aspect,
        )
        too_tall = body_geometry(style, smallest).half_height * 2 > height * _MAX_BALLOON_HEIGHT
        if too_tall and (halves := split_text(bubble.text)):
            queue[:0] = [replace(bubble, text=halves[0]), replace(bubble, text=halves[1])]
            continue
        spot = block = None
        outline = 0
        for shrink in _SHRINK_STEPS:
            block = fit_text(
                text_face(style),
                bubble.text,
                max_width=max_width,
                max_height=height * 0.28,
                size=max(floor, round(size * shrink)),
                min_size=floor,
                aspect=aspect,
            )
            geometry = body_geometry(style, block)
            # The outline is drawn around the body: the placed box includes it.
            outline = line_width(block.size) + (2 if style == "shout" else 1)
            hw = min(geometry.half_width + outline, width / 2)
            hh = min(geometry.half_height + outline, height / 2)
            if bubble.position is not None:
                spot = layout.fixed((bubble.position["x"] * width, bubble.position["y"] * height), hw, hh)
                break
            if is_caption:
                m = layout.margin
                top = [(m + hw, m + hh), (width - m - hw, m + hh)]
                bottom = [(m + hw, height - m - hh), (width - m - hw, height - m - hh)]
                spot = layout.anchored(hw, hh, bottom + top if seen_speech else top + bottom)
            else:
                spot = layout.speech(hw, hh, face, previous_speech)
            if spot.blocked == 0 or block.size == floor:
                break
        tip, direction = None, None
        if not is_caption and bubble.tail_direction != "none":
            lw = line_width(block.size)
            min_length = lw * (10 if style == "thought" else 5)  # thought puffs need room to trail
            found = tail_tip(
                spot.box,
                face,
                bubble.tail_direction,
                min_length=min_length,
                max_length=max(lw * 8, min(width, height) * 0.16),
            )
            if found is not None:
                # A tail stops short of every earlier balloon (and its words) rather than cross it.
                tip = clear_tail(spot.box, found[0], boxes, min_length=lw * 3, gap=layout.gap)
                direction = found[1] if tip is not None else None
        layout.take(spot.box)
        if tip is not None:
            # Keep later balloons off the whole tail too.
            for reserved in tail_reservations(spot.box, tip, line_width(block.size) * 4):
                layout.take(reserved)
        body = inflate(spot.box, -outline)
        if body[2] - body[0] < 2 or body[3] - body[1] < 2:  # a panel a few pixels big
            body = spot.box
        draw_balloon(canvas, style, body, tip, block, bubble.text, monochrome=monochrome)
        if not is_caption:
            previous_speech, seen_speech = spot.box, True
        cx, cy = spot.centre
        placed.append(
            replace(
                bubble,
                position={"x": _unit(cx / width), "y": _unit(cy / height)},
                tail_direction=direction if direction else ("none" if bubble.tail_direction == "none" else None),
            )
        )
        boxes.append(tuple(round(v) for v in spot.box))
        tails.append(tip)
        blocks.append(block)

    sfx_boxes = _letter_sfx(canvas, layout, sfx, base, monochrome=monochrome)
    return LetterResult(image=canvas, bubbles=placed, boxes=boxes, sfx_boxes=sfx_boxes, tails=tails, blocks=blocks)


def _unit(value: float) -> float:
    return round(min(1.0, max(0.0, value)), 4)


def _letter_sfx(
    canvas: Image.Image, layout: PanelLayout, sfx: Iterable[str], base: int, *, monochrome: bool
) -> list[Box]:
    width, height = canvas.size
    anchors = [(0.72 * width, 0.62 * height), (0.28 * width, 0.72 * height), (0.7 * width, 0.86 * height)]
    boxes: list[Box] = []
    for i, text in enumerate(t for t in sfx if t.strip()):
        patch = None
        spot = None
        for shrink in (1.0, 0.75, 0.55):
            patch = render_sfx(text.strip(), max(12, round(base * 2.6 * shrink)), width * 0.6, monochrome=monochrome)
            hw, hh = min(patch.width / 2, width / 2), min(patch.height / 2, height / 2)
            spot = layout.anchored(hw, hh, anchors[i % len(anchors) :] + anchors[: i % len(anchors)])
            if spot.blocked == 0:
                break
        layout.take(spot.box)
        x, y = round(spot.centre[0] - patch.width / 2), round(spot.centre[1] - patch.height / 2)
        canvas.paste(patch, (x, y), patch)
        boxes.append(tuple(round(v) for v in spot.box))
    return boxes
