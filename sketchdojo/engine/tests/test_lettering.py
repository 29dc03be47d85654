"""The letterer: every balloon style draws its shape, text fits and stays legible, faces stay clear."""

import itertools
import math
import re

import pytesseract
import pytest
from PIL import Image, ImageDraw

from sketchdojo.engine.lettering import Bubble, LetterResult, bubbles_from_panel, letter_panel
from sketchdojo.engine.lettering.fonts import fit_text
from sketchdojo.engine.lettering.placement import overlap_area
from sketchdojo.engine.providers import CharacterBrief, PlanRequest, get_image_provider, get_llm_provider
from sketchdojo.engine.providers.base import FaceBox
from sketchdojo.engine.run import draw_request
from sketchdojo.engine.script import ArtStyle, DialogueLine, PanelScript

BACKGROUND = (128, 128, 128)


def grey_panel(size=(800, 800)) -> Image.Image:
    return Image.new("RGB", size, BACKGROUND)


def scene_panel() -> tuple[Image.Image, list[FaceBox]]:
    """A drawn-looking panel: sky gradient, ground, two figures whose faces are known."""
    image = Image.new("RGB", (800, 800))
    draw = ImageDraw.Draw(image)
    for y in range(800):
        draw.line((0, y, 800, y), fill=(90 + y // 8, 140 + y // 10, 210 - y // 12))
    draw.rectangle((0, 600, 800, 800), fill=(70, 120, 60))
    faces = [FaceBox("Alex", (160, 420, 280, 540)), FaceBox("Mira", (520, 400, 640, 520))]
    for face in faces:
        x0, _, x1, y1 = face.box
        draw.rectangle((x0 - 20, y1, x1 + 20, 800), fill=(40, 60, 150))
        draw.ellipse(face.box, fill=(240, 200, 170), outline=(30, 30, 30), width=3)
    return image, faces


def is_ink(pixel) -> bool:
    return max(pixel[:3]) < 110


def ellipse_ring(box, scale: float, degrees):
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    rx, ry = (box[2] - box[0]) / 2 * scale, (box[3] - box[1]) / 2 * scale
    return [(round(cx + rx * math.cos(math.radians(a))), round(cy + ry * math.sin(math.radians(a)))) for a in degrees]


def outline_ink(image: Image.Image, box, degrees, depth: int = 6, colour=is_ink) -> list[bool]:
    """Per angle: is there outline ink on the ray from the box's ellipse `depth` px inward?"""
    rx, ry = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
    steps = round(depth / min(rx, ry) / (0.5 / max(rx, ry)))
    scales = [1 - i * 0.5 / max(rx, ry) for i in range(steps + 1)]
    return [any(colour(image.getpixel(p)) for s in scales for p in ellipse_ring(box, s, [a])) for a in degrees]


def transitions(values: list[bool]) -> int:
    return sum(1 for a, b in itertools.pairwise(values) if a != b)


def letter_one(style: str, text: str = "Lightning came from my hands!") -> tuple[Image.Image, LetterResult]:
    image = grey_panel()
    return image, letter_panel(image, [Bubble(text=text, style=style, speaker="Alex")], [])


@pytest.mark.parametrize("style", ["normal", "thought", "shout", "whisper", "narration"])
def test_every_bubble_style_paints_its_balloon_over_the_panel(style):
    image, result = letter_one(style)

    x0, y0, x1, y1 = result.boxes[0]
    before, after = image.crop((x0, y0, x1, y1)), result.image.crop((x0, y0, x1, y1))
    changed = sum(1 for a, b in zip(before.get_flattened_data(), after.get_flattened_data(), strict=True) if a != b)
    assert changed / ((x1 - x0) * (y1 - y0)) > 0.5
    assert result.bubbles[0].style == style
    assert result.image.size == image.size


def test_a_speech_balloon_is_a_closed_oval_outline():
    _, result = letter_one("normal")

    box = result.boxes[0]
    assert all(outline_ink(result.image, box, range(185, 356, 5)))
    assert result.image.getpixel(ellipse_ring(box, 0.9, [270])[0]) == (255, 255, 255)


def test_a_whisper_balloon_has_a_dashed_grey_outline_and_grey_text():
    _, result = letter_one("whisper")

    box = result.boxes[0]
    ring = outline_ink(result.image, box, range(180, 360, 2), depth=7)
    assert 0.2 < sum(ring) / len(ring) < 0.8
    assert transitions(ring) >= 10
    darkest = min(min(p) for p in result.image.crop(box).get_flattened_data())
    assert darkest >= 60


def test_a_shout_balloon_is_a_spiky_burst_with_bold_black_text():
    _, result = letter_one("shout")

    box = result.boxes[0]
    ring = [result.image.getpixel(p) == BACKGROUND for p in ellipse_ring(box, 0.92, range(0, 360, 2))]
    assert transitions(ring) >= 16
    darkest = min(min(p) for p in result.image.crop(box).get_flattened_data())
    assert darkest < 40


def test_a_thought_balloon_is_a_bumpy_cloud_trailing_small_circles():
    _, result = letter_one("thought")

    box = result.boxes[0]
    ring = [result.image.getpixel(p) == BACKGROUND for p in ellipse_ring(box, 0.97, range(0, 360, 2))]
    assert transitions(ring) >= 8
    assert result.bubbles[0].tail_direction == "down"
    below = result.image.crop((box[0], box[3] + 2, box[2], min(800, box[3] + 60)))
    assert any(p == (255, 255, 255) for p in below.get_flattened_data())


def test_narration_is_a_rectangular_caption_box_in_the_top_band():
    image = Image.new("RGB", (800, 800), (60, 110, 200))

    result = letter_panel(image, [Bubble("Meanwhile, far away, the storm was gathering.", "narration")], [])

    x0, y0, x1, y1 = result.boxes[0]
    assert is_ink(result.image.getpixel((x0 + 1, y0 + 1)))
    assert is_ink(result.image.getpixel((x1 - 2, y1 - 2)))
    assert result.image.getpixel((x0 + 4, (y0 + y1) // 2)) == (255, 246, 212)
    assert y1 < 800 * 0.3
    assert result.bubbles[0].tail_direction is None


def test_sound_effects_are_big_outlined_coloured_letters_on_colour_art():
    image = Image.new("RGB", (800, 800), (60, 110, 200))

    result = letter_panel(image, [], [], sfx=["KRAKOOM"])

    x0, y0, x1, y1 = result.sfx_boxes[0]
    assert x1 - x0 > 200
    pixels = list(result.image.crop((x0, y0, x1, y1)).get_flattened_data())
    lettering = [p for p in pixels if p != (60, 110, 200)]
    assert sum(1 for p in lettering if max(p) - min(p) > 100 and min(p) < 120 and max(p) > 200) > 2000
    assert sum(is_ink(p) for p in lettering) > 500


def test_a_dark_colour_night_scene_still_gets_coloured_sound_effects():
    image = Image.new("RGB", (800, 800), (20, 30, 70))

    result = letter_panel(image, [], [], sfx=["KRAKOOM"])

    pixels = result.image.crop(result.sfx_boxes[0]).get_flattened_data()
    assert sum(1 for p in pixels if max(p) > 200 and max(p) - min(p) > 100) > 2000


def test_on_black_and_white_art_sound_effects_and_captions_stay_uncoloured():
    image = grey_panel()

    result = letter_panel(image, [Bubble("Meanwhile...", "narration")], [], sfx=["KRAKOOM"])

    for box in [*result.boxes, *result.sfx_boxes]:
        pixels = result.image.crop(box).get_flattened_data()
        assert max(max(p) - min(p) for p in pixels) <= 10


def ink_rows(image: Image.Image, box) -> int:
    """Number of separate bands of rows with dark pixels in the middle of `box` (text lines)."""
    x0, y0, x1, y1 = box
    width = x1 - x0
    inner = image.crop((x0 + width // 4, y0 + 6, x1 - width // 4, y1 - 6))
    rows = [any(max(inner.getpixel((x, y))) < 90 for x in range(inner.width)) for y in range(inner.height)]
    return sum(1 for a, b in itertools.pairwise([False, *rows]) if b and not a)


def test_long_text_wraps_onto_several_lines_and_stays_inside_the_image():
    text = " ".join(["The shadow monsters are coming down from the mountain and the village is asleep."] * 3)
    image = grey_panel((800, 640))

    result = letter_panel(image, [Bubble(text=text, speaker="Alex")], [])

    x0, y0, x1, y1 = result.boxes[0]
    assert x0 >= 0 and y0 >= 0 and x1 <= 800 and y1 <= 640
    assert ink_rows(result.image, result.boxes[0]) >= 5
    assert x1 - x0 < 800 * 0.7


def test_a_word_longer_than_the_balloon_is_broken_to_fit():
    block = fit_text("regular", "A" * 80, max_width=200, max_height=400, size=22, min_size=11)

    assert len(block.lines) > 1
    assert block.width <= 200


def test_no_balloon_covers_a_known_face_or_another_balloon():
    image, faces = scene_panel()
    bubbles = [
        Bubble("It's starting again. The sky is burning!", "shout", speaker="Alex"),
        Bubble("Stay behind me, Alex. I mean it.", speaker="Mira"),
        Bubble("Why is it always me?", "thought", speaker="Alex"),
        Bubble("Don't let them hear us.", "whisper", speaker="Mira"),
    ]

    result = letter_panel(image, bubbles, faces, sfx=["BOOM"])

    for box in [*result.boxes, *result.sfx_boxes]:
        assert all(overlap_area(box, face.box) == 0 for face in faces)
    for i, a in enumerate(result.boxes):
        assert all(overlap_area(a, b) == 0 for b in result.boxes[i + 1 :])


def test_a_tail_points_from_the_balloon_toward_its_speakers_face():
    image, faces = scene_panel()

    result = letter_panel(image, [Bubble("Look up there!", speaker="Mira")], faces)

    bubble, box = result.bubbles[0], result.boxes[0]
    mira = faces[1].box
    assert box[3] <= mira[1]
    assert bubble.tail_direction.startswith("down")
    assert abs((box[0] + box[2]) / 2 - (mira[0] + mira[2]) / 2) < 200


def test_balloons_without_faces_go_across_the_top_band_in_reading_order():
    bubbles = [Bubble(t, speaker="Alex") for t in ("First I speak.", "Then you answer.", "And I reply at last.")]

    result = letter_panel(grey_panel(), bubbles, [])

    assert all((box[1] + box[3]) / 2 < 400 for box in result.boxes)
    for earlier, later in itertools.pairwise(result.boxes):
        is_right_of = (later[0] + later[2]) / 2 > (earlier[0] + earlier[2]) / 2
        is_below = later[1] >= earlier[3] - 10
        assert is_right_of or is_below


def test_a_position_and_tail_direction_given_by_the_user_are_kept():
    bubble = Bubble("Over here!", position={"x": 0.5, "y": 0.6}, tail_direction="up-left")

    result = letter_panel(grey_panel(), [bubble], [])

    assert result.bubbles[0].position == {"x": 0.5, "y": 0.6}
    assert result.bubbles[0].tail_direction == "up-left"


def test_any_image_mode_and_size_is_lettered_without_touching_the_input():
    image = Image.new("RGBA", (320, 1400), (10, 20, 30, 255))
    original = image.copy()

    result = letter_panel(image, [Bubble("Tall and thin."), Bubble("Narrow.", "narration")], [])

    assert result.image.size == (320, 1400)
    assert result.image.mode == "RGB"
    assert list(image.get_flattened_data()) == list(original.get_flattened_data())
    assert all(b[0] >= 0 and b[2] <= 320 for b in result.boxes)


def text_crop(image: Image.Image, box, block, pad: int = 6) -> Image.Image:
    """The greyscale area of a balloon's text block (the words without the art around the balloon)."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    hw, hh = block.width / 2 + pad, block.height / 2 + pad
    return image.crop((round(cx - hw), round(cy - hh), round(cx + hw), round(cy + hh))).convert("L")


def words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def test_lettered_dialogue_is_legible_to_ocr():
    image, faces = scene_panel()
    bubbles = [
        Bubble("The storm woke something inside the village that night.", "narration"),
        Bubble("Lightning answered when I called it!", "shout", speaker="Alex"),
        Bubble("Then you must protect everyone here.", speaker="Mira"),
        Bubble("Maybe this power is a gift after all.", "thought", speaker="Alex"),
    ]
    lettered = letter_panel(image, bubbles, faces)

    read = set(words(pytesseract.image_to_string(lettered.image.convert("L"))))

    expected = [w for b in bubbles for w in words(b.text)]
    recovered = [w for w in expected if w in read]
    assert len(recovered) / len(expected) >= 0.7, f"read only {sorted(read)}"


def test_bubbles_from_panel_reads_the_caption_first_then_dialogue_in_order():
    panel = PanelScript(
        sequence=1,
        scene=0,
        description="Alex on the hill",
        caption="That night...",
        dialogue=[
            DialogueLine(speaker="Alex", text="What is this?", style="thought"),
            DialogueLine(speaker="Mira", text="Alex! Run!", style="shout"),
        ],
    )

    bubbles = bubbles_from_panel(panel)

    assert [(b.text, b.style, b.speaker) for b in bubbles] == [
        ("That night...", "narration", None),
        ("What is this?", "thought", "Alex"),
        ("Alex! Run!", "shout", "Mira"),
    ]


def test_a_bubble_round_trips_through_its_api_dict():
    bubble = Bubble("Hi", "whisper", "Mira", "c1", {"x": 0.25, "y": 0.5}, "down-left")

    assert Bubble.from_dict(bubble.to_dict()) == bubble
    assert bubble.to_dict() == {
        "text": "Hi",
        "style": "whisper",
        "speaker": "Mira",
        "character_id": "c1",
        "position": {"x": 0.25, "y": 0.5},
        "tail_direction": "down-left",
    }


@pytest.mark.parametrize(
    "data",
    [
        {"text": "Hi", "style": "yell"},
        {"text": "Hi", "position": {"x": 1.5, "y": 0}},
        {"text": "Hi", "position": {"x": 0.5}},
        {"text": "Hi", "tail_direction": "sideways"},
    ],
)
def test_a_malformed_bubble_dict_is_refused(data):
    with pytest.raises(ValueError):
        Bubble.from_dict(data)


@pytest.mark.parametrize("style", [s.value for s in ArtStyle])
def test_lettering_on_the_offline_artists_panels_is_legible_to_ocr_in_every_style(style):
    request = PlanRequest(
        prompt="Alex discovers his lightning powers during a storm and must save his village from shadow monsters",
        panel_count=2,
        art_style=style,
        characters=(CharacterBrief("Alex", "protagonist", "spiky black hair, blue jacket"),),
    )
    script = get_llm_provider("local").plan(request)
    artist = get_image_provider("local")
    crops, expected = [], []
    for panel in script.panels:
        drawn = artist.draw(draw_request(script, panel, seed=1))
        result = letter_panel(drawn.image, bubbles_from_panel(panel), drawn.faces, sfx=panel.sfx)
        crops += [text_crop(result.image, box, block) for box, block in zip(result.boxes, result.blocks, strict=True)]
        expected += [w for bubble in result.bubbles for w in words(bubble.text)]

    # Every balloon on one sheet, one OCR pass: the balloons are what must be legible, not the art.
    sheet = Image.new("L", (max(c.width for c in crops) + 40, sum(c.height + 30 for c in crops) + 30), 255)
    y = 30
    for crop in crops:
        sheet.paste(crop, (20, y))
        y += crop.height + 30
    read = set(words(pytesseract.image_to_string(sheet, config="--psm 4")))

    recovered = [w for w in expected if w in read]
    assert expected
    assert len(recovered) / len(expected) >= 0.9, f"missed {sorted(set(expected) - read)}"


@pytest.mark.parametrize("size", [(1, 1), (12, 40), (64, 64), (2000, 300)])
@pytest.mark.parametrize("style", ["normal", "thought", "shout", "whisper", "narration"])
def test_tiny_and_odd_sized_panels_are_lettered_without_errors(size, style):
    faces = [FaceBox("Alex", (0, 0, size[0] // 2, size[1] // 2))]
    bubbles = [
        Bubble("A fairly long line of dialogue for a small panel", style, speaker="Alex"),
        Bubble("Hm", "thought"),
    ]

    result = letter_panel(Image.new("RGB", size, (50, 100, 150)), bubbles, faces, sfx=["BOOM"])

    assert result.image.size == size
    assert all(0 <= b.position["x"] <= 1 and 0 <= b.position["y"] <= 1 for b in result.bubbles)
    assert all(0 <= x0 <= x1 <= size[0] and 0 <= y0 <= y1 <= size[1] for x0, y0, x1, y1 in result.boxes)
