"""The letterer in every script, and for a phone: font coverage, OCR in Japanese and Korean, the
legibility floor, tails that never cross another balloon, over-long text split, reading order."""

# ruff: noqa: RUF001  (Greek letters and full-width punctuation are the point of these samples)

import random
import statistics

import pytesseract
import pytest
from PIL import Image, ImageDraw

from sketchdojo.engine.lettering import Bubble, letter_panel, min_font_size, split_text
from sketchdojo.engine.lettering import fonts as fonts_module
from sketchdojo.engine.lettering.fonts import (
    CHAINS,
    FontMissingError,
    draw_line,
    fit_text,
    font_path,
    missing_glyphs,
    runs,
    script_face,
    wrap,
)
from sketchdojo.engine.lettering.placement import overlap_area
from sketchdojo.engine.providers.base import FaceBox

# Per script, a sample line and the fonts its characters come from ("noto": the face's own font).
SAMPLES = {
    "spanish": ("¿Qué pasó, señor Ñúñez? ¡Increíble!", {"noto"}),
    "french": ("Où êtes-vous, Cécile ? Ça brûle déjà !", {"noto"}),
    "russian": ("Что это за сила? Ёжик, беги!", {"noto"}),
    "greek": ("Τι δύναμη είναι αυτή; Πρόσεχε!", {"noto"}),
    "chinese": ("这到底是什么力量？我们一起保护大家吧！", {"cjk-sc"}),
    "japanese": ("この力は何だろう？一緒に村を守ろう！", {"cjk"}),
    "korean": ("이게 무슨 힘이야? 조심해!", {"cjk-kr", "noto"}),  # ASCII punctuation, as Korean writes it
    "emoji": ("😀🎉👍🏽❤️", {"emoji"}),
}


def grey_panel(size=(800, 800)) -> Image.Image:
    return Image.new("RGB", size, (128, 128, 128))


def text_crop(image: Image.Image, box, block, pad: int = 8) -> Image.Image:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    hw, hh = block.width / 2 + pad, block.height / 2 + pad
    return image.crop((round(cx - hw), round(cy - hh), round(cx + hw), round(cy + hh))).convert("L")


@pytest.mark.parametrize(("script", "sample"), SAMPLES.items(), ids=SAMPLES)
@pytest.mark.parametrize("face", sorted(CHAINS))
def test_every_script_has_a_glyph_for_every_character_in_every_face(script, sample, face):
    text, fonts = sample
    bold = "-bold" if face in ("bold", "sfx") else ""
    own = {"noto": CHAINS[face][0], "emoji": "emoji", **{k: k + bold for k in ("cjk", "cjk-sc", "cjk-kr")}}
    face = script_face(face, text)

    assert missing_glyphs(face, text) == []
    assert {font for font, chunk in runs(face, text) if chunk.strip()} == {own[font] for font in fonts}


def test_cjk_text_gets_the_glyph_forms_of_its_language():
    assert script_face("regular", "骨が直る") == "regular"  # kana: Japanese forms
    assert script_face("regular", "骨直") == "regular:sc"  # hanzi only: Simplified Chinese forms
    assert script_face("bold", "한국 骨") == "bold:kr"
    assert script_face("regular", "Hello") == "regular"
    assert fit_text("regular", "我们走吧", max_width=400, max_height=100, size=30, min_size=25).face == "regular:sc"


def test_a_mixed_line_is_split_into_runs_by_the_font_that_has_each_character():
    assert runs("regular", "Hi 世界 😀!") == [("noto", "Hi "), ("cjk", "世界 "), ("emoji", "😀"), ("noto", "!")]
    # Skin-tone modifiers and joiners stay in the emoji's run; spaces join the run before them.
    assert runs("regular", "👍🏽 ok") == [("emoji", "👍🏽 "), ("noto", "ok")]


def glyph_pixels(font, char: str) -> bytes:
    image = Image.new("L", (60, 60), 0)
    ImageDraw.Draw(image).text((10, 5), char, font=font, fill=255)
    return image.tobytes()


@pytest.mark.parametrize(("script", "sample"), SAMPLES.items(), ids=SAMPLES)
def test_no_character_is_drawn_as_the_missing_glyph_box(script, sample):
    text, _ = sample
    for font_key, chunk in runs("regular", text):
        if font_key == "emoji":
            continue  # bitmap font: its coverage is its cmap, checked above
        font = fonts_module._font(font_key, 40)
        notdef = glyph_pixels(font, "\U0010fffd")  # a private-use code point no font has
        for char in chunk.replace(" ", ""):
            assert glyph_pixels(font, char) != notdef, f"{char!r} drawn as .notdef in {font_key}"


def test_emoji_are_drawn_in_colour():
    image = Image.new("RGB", (200, 60), (255, 255, 255))
    draw_line(image, (10, 10), "😀", "regular", 40, (0, 0, 0))
    colours = {image.getpixel((x, y)) for x in range(200) for y in range(60)}
    yellow = [c for c in colours if c[0] > 200 and c[1] > 150 and c[2] < 100]
    assert yellow, "the smiley has no yellow: drawn as a monochrome glyph"


@pytest.mark.parametrize(
    ("lang", "text"),
    [("jpn", "一緒に村を守ろう"), ("kor", "이게 무슨 힘이야")],
)
def test_japanese_and_korean_balloons_read_back_with_ocr(lang, text):
    lettered = letter_panel(grey_panel(), [Bubble(text, speaker="Alex")], [])
    crop = text_crop(lettered.image, lettered.boxes[0], lettered.blocks[0])

    read = pytesseract.image_to_string(crop, lang=lang, config="--psm 4")

    assert "".join(read.split()) == text.replace(" ", "")


def test_chinese_and_japanese_wrap_between_characters_but_not_before_closing_punctuation():
    lines = wrap("regular", 30, "嵐の夜、村は静まり返っていた。", 100)

    assert "".join(lines) == "嵐の夜、村は静まり返っていた。"
    assert len(lines) > 1
    assert not any(line[0] in "、。" for line in lines)


def line_ink_heights(image: Image.Image, box, block) -> list[int]:
    """Height of the dark pixels of each text line of a balloon (the glyphs as rendered)."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    top = cy - block.height / 2
    heights = []
    for i in range(len(block.lines)):
        y0 = round(top + i * block.line_height)
        stripe = image.crop((round(cx - block.width / 2), y0, round(cx + block.width / 2), y0 + block.line_height))
        ink = stripe.convert("L").point(lambda v: 255 if v < 110 else 0).getbbox()
        heights.append(ink[3] - ink[1])
    return heights


def test_text_is_at_least_25_px_on_an_800_px_panel_in_every_style():
    faces = [FaceBox("Alex", (160, 420, 280, 540)), FaceBox("Mira", (520, 400, 640, 520))]
    bubbles = [
        Bubble("The night of the storm changed everything for the village.", "narration"),
        Bubble("Lightning jumped right out of my glowing fingers!", speaker="Alex"),
        Bubble("Keep quiet, they might hear us.", "whisper", speaker="Mira"),
        Bubble("Maybe this gift is also a curse.", "thought", speaker="Alex"),
        Bubble("Get down right now!", "shout", speaker="Mira"),
    ]
    lettered = letter_panel(grey_panel(), bubbles, faces)

    assert min_font_size(800, 800) == 25
    assert len(lettered.blocks) == 5
    assert all(block.size >= 25 for block in lettered.blocks)
    normal = lettered.blocks[1]
    heights = line_ink_heights(lettered.image, lettered.boxes[1], normal)
    assert statistics.median(heights) >= 25, heights
    # On a 390 px phone the 800 px panel's smallest text is still 12 px.
    assert min(block.size for block in lettered.blocks) * 390 / 800 >= 12


def test_a_crowded_panel_shrinks_text_only_down_to_the_floor():
    bubbles = [Bubble(f"Line number {i} says something fairly long to crowd the panel.", speaker="A") for i in range(6)]
    lettered = letter_panel(grey_panel(), bubbles, [FaceBox("A", (340, 340, 460, 460))])

    assert min(block.size for block in lettered.blocks) == 25


def test_text_too_long_for_one_balloon_is_split_into_two_balloons_and_nothing_is_lost():
    text = (
        "This is a very long line of dialogue that keeps going because the speaker has a great deal to say "
        "about the storm, the village and the monsters. Nobody interrupts them. It goes on and on and on "
        "until morning, and then it goes on some more."
    )
    faces = [FaceBox("Alex", (160, 420, 280, 540))]
    lettered = letter_panel(grey_panel(), [Bubble(text, speaker="Alex"), Bubble("Short.", speaker="Alex")], faces)

    texts = [bubble.text for bubble in lettered.bubbles]
    assert len(texts) == 3
    assert " ".join(texts[:2]).split() == text.split()
    assert texts[2] == "Short."
    assert all(block.size >= 25 for block in lettered.blocks)
    for box in lettered.boxes:
        assert box[0] >= 0 and box[1] >= 0 and box[2] <= 800 and box[3] <= 800
        assert box[3] - box[1] <= 800 * 0.45
        assert overlap_area(box, faces[0].box) == 0
    # Every line of each balloon's text lies inside its balloon box (nothing cut off).
    for box, block in zip(lettered.boxes, lettered.blocks, strict=True):
        assert block.width <= box[2] - box[0] and block.height <= box[3] - box[1]


def test_split_text_prefers_a_sentence_end_near_the_middle():
    assert split_text("One two three. Four five six seven.") == ("One two three.", "Four five six seven.")
    assert split_text("一緒に村を守ろう。みんなで！") == ("一緒に村を守ろう。", "みんなで！")
    assert split_text("Word") is None


def _segment_points(box, tip, step: float = 2.0):
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    rx, ry = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
    length = ((tip[0] - cx) ** 2 + (tip[1] - cy) ** 2) ** 0.5
    n = max(1, int(length / step))
    for i in range(n + 1):
        x, y = cx + (tip[0] - cx) * i / n, cy + (tip[1] - cy) * i / n
        if ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 > 1:  # outside its own oval: the visible tail
            yield x, y


@pytest.mark.parametrize("seed", range(12))
def test_a_tail_never_crosses_another_balloon_or_its_text(seed):
    rng = random.Random(seed)
    faces = []
    for name in ("A", "B", "C")[: rng.randint(1, 3)]:
        x, y = rng.uniform(60, 620), rng.uniform(250, 600)
        faces.append(FaceBox(name, (x, y, x + 110, y + 110)))
    bubbles = [
        Bubble(
            " ".join(
                rng.choice(["storm", "light", "run", "village", "now", "why", "help"]) for _ in range(rng.randint(2, 9))
            ),
            rng.choice(["normal", "shout", "whisper", "thought"]),
            speaker=rng.choice(faces).name,
        )
        for _ in range(rng.randint(2, 5))
    ]
    lettered = letter_panel(grey_panel(), bubbles, faces)

    tails = 0
    for i, (box, tip) in enumerate(zip(lettered.boxes, lettered.tails, strict=True)):
        if tip is None:
            continue
        tails += 1
        for j, other in enumerate(lettered.boxes):
            if j == i:
                continue
            for x, y in _segment_points(box, tip):
                assert not (other[0] <= x <= other[2] and other[1] <= y <= other[3]), (
                    f"tail of balloon {i} crosses balloon {j} at {(round(x), round(y))}"
                )
    assert tails >= 1


def test_a_tail_that_would_cross_an_earlier_balloon_is_cut_short_of_it():
    # Mira's balloon has to go below Alex's (reading order), and Alex's face is in between.
    faces = [FaceBox("Alex", (340, 100, 460, 220)), FaceBox("Mira", (340, 600, 460, 720))]
    bubbles = [Bubble("I am up here near the top.", speaker="Mira"), Bubble("And I am here!", speaker="Alex")]
    lettered = letter_panel(grey_panel(), bubbles, faces)

    for i, tip in enumerate(lettered.tails):
        if tip is None:
            continue
        other = lettered.boxes[1 - i]
        for x, y in _segment_points(lettered.boxes[i], tip):
            assert not (other[0] <= x <= other[2] and other[1] <= y <= other[3])


def test_balloons_read_top_left_to_bottom_right_in_script_order():
    faces = [FaceBox("Alex", (120, 420, 240, 540)), FaceBox("Mira", (560, 400, 680, 520))]
    bubbles = [
        Bubble("Did you see that?", speaker="Alex"),
        Bubble("The sky just split open!", speaker="Mira"),
        Bubble("We have to warn everyone.", speaker="Alex"),
        Bubble("Then run!", "shout", speaker="Mira"),
    ]
    lettered = letter_panel(grey_panel(), bubbles, faces)

    for earlier, later in zip(lettered.boxes, lettered.boxes[1:], strict=False):
        centre_x = (later[0] + later[2]) / 2
        if centre_x > (earlier[0] + earlier[2]) / 2:
            assert (later[1] + later[3]) / 2 >= earlier[1]  # same row or lower
        else:
            assert later[1] >= earlier[3] - 8  # to the left only when wholly below
    # And one balloon's lines are one block off every face.
    for box in lettered.boxes:
        assert all(overlap_area(box, face.box) == 0 for face in faces)


def test_a_missing_font_is_a_clear_error_naming_the_debian_package(monkeypatch):
    missing = fonts_module.FontFile("No Such Font", "/nonexistent/NoSuch.ttf", "fonts-no-such")
    monkeypatch.setitem(fonts_module.FONTS, "nosuch", missing)
    font_path.cache_clear()
    try:
        with pytest.raises(FontMissingError, match="install the Debian package fonts-no-such"):
            font_path("nosuch")
    finally:
        font_path.cache_clear()


def test_fonts_are_found_at_their_debian_paths():
    assert font_path("cjk").endswith("NotoSansCJK-Regular.ttc")
    assert font_path("emoji").endswith("NotoColorEmoji.ttf")
