"""What a program can check of the offline artist's poses, props and styles: a hug touches, a sleeper
lies with closed eyes, a flyer is off the ground, a swimmer is in the water to the chest, no hand lands
on a face, a boat carries the cast, and the eight styles are measurably different ways of drawing."""

from __future__ import annotations

import itertools

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat

from sketchdojo.engine.artist import LocalPanelArtist
from sketchdojo.engine.contact import _person, _script
from sketchdojo.engine.planner.planner import LocalStoryPlanner
from sketchdojo.engine.providers.base import DrawRequest, PlanRequest
from sketchdojo.engine.script import Action, ArtStyle, Script

ANA = _person("Ana", 0, hair_style="ponytail", gender="feminine", outfit="dress")
BEN = _person("Ben", 1, hair_style="short", gender="masculine", outfit="coat", skin_tone="dark")


def render(script: Script, style: str = "webtoon", size: tuple[int, int] = (400, 500)):
    return LocalPanelArtist().render(DrawRequest(script, script.panels[0], style, size[0], size[1], 3))


def with_props(script: Script, props: list[str]) -> Script:
    data = script.model_dump()
    data["panels"][0]["props"] = props
    return Script.model_validate(data)


def centre(box) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def inside(point, box) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


# -- poses ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("shot", ["wide", "medium"])
def test_a_hug_puts_each_hand_on_the_partners_back(shot):
    result, hands = render(_script([ANA, BEN], "park", "hugging", shot))
    faces = {f.name: f.box for f in result.faces}
    (left, lbox), (right, rbox) = sorted(faces.items(), key=lambda item: item[1][0])
    face_w = lbox[2] - lbox[0]

    # they stand close: face centres under three face widths apart
    assert centre(rbox)[0] - centre(lbox)[0] < 3 * face_w
    # each has a hand past the partner's face centre, on the far side, below the partner's chin
    assert any(x > centre(rbox)[0] and y > rbox[3] for x, y in hands[left])
    assert any(x < centre(lbox)[0] and y > lbox[3] for x, y in hands[right])


def test_standing_side_by_side_no_hand_reaches_the_partner():
    result, hands = render(_script([ANA, BEN], "park", "standing", "wide"))
    faces = {f.name: f.box for f in result.faces}
    (left, lbox), (right, rbox) = sorted(faces.items(), key=lambda item: item[1][0])

    assert all(x < centre(rbox)[0] for x, _ in hands[left])
    assert all(x > centre(lbox)[0] for x, _ in hands[right])


@pytest.mark.parametrize("shot", ["wide", "medium"])
@pytest.mark.parametrize("action", [a.value for a in Action])
def test_no_hand_lands_on_another_characters_face_in_a_two_shot(action, shot):
    result, hands = render(_script([ANA, BEN], "street", action, shot))

    for face in result.faces:
        for name, points in hands.items():
            if name != face.name:  # one's own hand may go to one's own mouth (eating, drinking, phoning)
                assert not any(inside(p, face.box) for p in points), (name, face.name)


def iris(img: Image.Image, box, hex_colour: str) -> int:
    """Pixels of about the character's eye colour inside a face box: open eyes show their irises."""
    rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    colours = img.crop(box).getcolors(maxcolors=1 << 20)
    return sum(n for n, c in colours if max(abs(a - b) for a, b in zip(c, rgb, strict=True)) <= 40)


@pytest.mark.parametrize("shot", ["wide", "medium"])
def test_a_sleeper_lies_down_with_closed_eyes(shot):
    awake, _ = render(_script([ANA], "bedroom", "standing", shot))
    asleep, _ = render(_script([ANA], "bedroom", "sleeping", shot))
    up, down = awake.faces[0].box, asleep.faces[0].box
    eyes = ANA["palette"]["eyes"]

    assert up[3] - up[1] > up[2] - up[0]  # upright: a face taller than wide
    assert down[2] - down[0] > 1.1 * (down[3] - down[1])  # lying: turned a quarter round
    assert iris(awake.image, up, eyes) > 10
    assert iris(asleep.image, down, eyes) == 0


def drawn_box(result, empty) -> tuple[int, int, int, int]:
    """Bounding box of what the cast added to the set (the faint ground shadow left out)."""
    diff = ImageChops.difference(result.image, empty.image).convert("L").point(lambda v: 255 if v > 60 else 0)
    return diff.getbbox()


def test_a_flyer_is_airborne_above_its_shadow():
    empty, _ = render(_script([], "city", "standing", "wide"))
    standing, _ = render(_script([BEN], "city", "standing", "wide"))
    flying, _ = render(_script([BEN], "city", "flying", "wide"))
    height = flying.image.height

    feet = drawn_box(standing, empty)[3]
    body = drawn_box(flying, empty)
    assert body[3] < feet - 0.12 * height  # nothing of the body reaches the ground
    # but its shadow is on the ground under it
    cx = int(centre(body)[0])
    ground = (cx - 60, body[3] + 20, cx + 60, height)
    under, bare = flying.image.crop(ground).convert("L"), empty.image.crop(ground).convert("L")
    darker = ImageChops.subtract(bare, under).point(lambda v: 255 if v > 6 else 0)
    assert ImageStat.Stat(darker).sum[0] / 255 > 300  # a shadow of a few hundred pixels


def dark_share(img: Image.Image, below: int = 60) -> float:
    hist = img.convert("L").histogram()
    return sum(hist[:below]) / (img.width * img.height)


def blue_share(img: Image.Image) -> float:
    pixels = img.convert("RGB").resize((40, 20)).getdata()
    return sum(1 for r, g, b in pixels if b > r + 40 and b > g) / len(pixels)


@pytest.mark.parametrize("shot", ["wide", "medium"])
def test_a_swimmer_is_in_the_water_up_to_the_chest(shot):
    result, _ = render(_script([ANA], "beach", "swimming", shot))
    img = result.image
    face = result.faces[0].box
    chin_to_chest = face[3] + (face[3] - face[1]) * 1.2
    below = img.crop((0, int(chin_to_chest), img.width, img.height))
    standing, _ = render(_script([ANA], "beach", "standing", shot))
    same_band = standing.image.crop((0, int(chin_to_chest), img.width, img.height))

    assert blue_share(below) > 0.85  # water all the way down and across
    assert blue_share(below) > blue_share(same_band) + 0.3  # where a standing figure's body and the sand show


# -- props -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prompt",
    [
        "Rosa rowed across the lake to the island.",
        "The ship left port with Tom aboard.",
        "Mia goes sailing with her grandfather.",
        "Lena y Tom cruzan el río en un barco.",
    ],
)
def test_boat_ship_sail_and_row_words_put_a_boat_in_the_panel(prompt):
    script = LocalStoryPlanner().plan(PlanRequest(prompt=prompt, panel_count=3))

    assert any("boat" in panel.props for panel in script.panels)


def test_a_row_of_houses_is_not_a_boat():
    script = LocalStoryPlanner().plan(PlanRequest(prompt="Ana walks past a row of houses.", panel_count=2))

    assert not any("boat" in panel.props for panel in script.panels)


def test_sailing_words_bring_a_boat_and_the_boat_carries_the_cast():
    script = LocalStoryPlanner().plan(
        PlanRequest(prompt="Rosa and Tom sail out from the harbour at dawn. A storm hits.", panel_count=4)
    )
    assert any("boat" in panel.props for panel in script.panels)

    plain, _ = render(_script([ANA, BEN], "sea", "standing", "wide"))
    afloat, _ = render(with_props(_script([ANA, BEN], "sea", "standing", "wide"), ["boat"]))
    # the hull hides their legs: between the hips and the feet the picture is wood, not trousers and sand
    h = afloat.image.height
    band = (0, int(h * 0.8), afloat.image.width, int(h * 0.9))

    def wood(img: Image.Image) -> float:
        pixels = img.crop(band).resize((40, 10)).getdata()
        return sum(1 for r, g, b in pixels if r > g + 25 and g > b + 10 and r > 100) / len(pixels)

    assert wood(afloat.image) > 0.4
    assert wood(afloat.image) > wood(plain.image) + 0.3


# -- styles ------------------------------------------------------------------------------------------------


def signature(img: Image.Image) -> tuple[float, ...]:
    """Five measures of how a panel is drawn, each scaled to about 0..1: edge density, near-black ink,
    colour count, saturation and brightness."""
    grey = img.convert("L")
    edges = ImageStat.Stat(grey.filter(ImageFilter.FIND_EDGES).point(lambda v: 255 if v > 60 else 0)).mean[0] / 255
    ink = ImageStat.Stat(grey.point(lambda v: 255 if v < 40 else 0)).mean[0] / 255
    colours = len(img.quantize(64, method=Image.Quantize.FASTOCTREE).getcolors() or []) / 64
    sat = ImageStat.Stat(img.convert("HSV")).mean[1] / 255
    light = ImageStat.Stat(grey).mean[0] / 255
    return edges * 4, ink * 4, colours, sat * 2, light


@pytest.fixture(scope="module")
def signatures() -> dict[str, tuple[float, ...]]:
    script = _script([ANA, BEN], "street", "talking", "medium")
    return {style.value: signature(render(script, style.value)[0].image) for style in ArtStyle}


def test_every_pair_of_styles_differs_by_a_clear_margin(signatures):
    for a, b in itertools.combinations(signatures, 2):
        distance = sum(abs(x - y) for x, y in zip(signatures[a], signatures[b], strict=True))
        assert distance > 0.12, (a, b, signatures[a], signatures[b])


def thin_dark_lines(img: Image.Image) -> float:
    """Share of pixels that are dark yet next to light ones: drawn lines, not dark areas."""
    grey = img.convert("L")
    dark = grey.point(lambda v: 255 if v < 80 else 0)
    light_near = grey.filter(ImageFilter.MaxFilter(5)).point(lambda v: 255 if v > 140 else 0)
    return ImageStat.Stat(ImageChops.multiply(dark, light_near)).mean[0] / 255


def test_inked_styles_have_lines_and_painterly_ones_none(signatures):
    ink = {style: sig[1] for style, sig in signatures.items()}
    assert ink["comic"] > 2 * ink["webtoon"]  # bold ink
    script = _script([ANA, BEN], "street", "talking", "medium")
    lines = {style: thin_dark_lines(render(script, style)[0].image) for style in ("webtoon", "realistic", "painting")}
    assert lines["realistic"] < lines["webtoon"] / 3
    assert lines["painting"] < lines["webtoon"] / 3


def test_sketch_hatches_where_webtoon_shades_softly():
    script = _script([BEN], "studio", "standing", "medium")
    sketch = render(script, "sketch")[0]
    box = sketch.faces[0].box
    chest = (box[0], box[3] + 20, box[2] + 40, box[3] + 120)
    grey = sketch.image.convert("L").crop(chest)
    # hatching: thin alternating lines make a strong diagonal texture
    assert ImageStat.Stat(grey.filter(ImageFilter.FIND_EDGES)).mean[0] > 12
    # and the paper is warm, not white or grey
    r, _, b = ImageStat.Stat(sketch.image.crop((0, 0, 40, 40))).mean
    assert r > b + 8
