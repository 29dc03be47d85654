"""The offline panel artist draws the scene a script describes, in every art style and shot."""

from __future__ import annotations

import math

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat

from sketchdojo.engine.artist import LocalPanelArtist
from sketchdojo.engine.artist.figures import is_monster
from sketchdojo.engine.artist.places import default, forest, lab, location_painter, village
from sketchdojo.engine.layout import panel_size
from sketchdojo.engine.providers.base import DrawRequest
from sketchdojo.engine.providers.registry import get_image_provider
from sketchdojo.engine.script import Action, ArtStyle, Expression, Script, ScriptCharacter, Shot

STYLES = [s.value for s in ArtStyle]
ALEX = {"hair": "#C8CCD6", "eyes": "#3FA9FF", "skin": "#F6D7C3", "outfit": "#2E4A7D", "accent": "#FFD23F"}
MIRA = {"hair": "#B0302A", "eyes": "#2E8B57", "skin": "#C68B59", "outfit": "#6A3D9A", "accent": "#F2A900"}


def make_script(*, scene: dict | None = None, panels: list[dict], scenes: list[dict] | None = None) -> Script:
    """A small valid script: Alex (lightning mage), Mira (ponytail), a shadow monster, one village scene."""
    scenes = scenes or [{"index": 0, "location": "village", "time_of_day": "day", "weather": "clear", **(scene or {})}]
    return Script.model_validate(
        {
            "title": "Test Story",
            "synopsis": "A test.",
            "characters": [
                {
                    "name": "Alex",
                    "role": "protagonist",
                    "description": "A young mage with lightning powers",
                    "palette": ALEX,
                    "hair_style": "spiky",
                    "build": "athletic",
                    "seed": 1234,
                    "distinctive_features": ["lightning-shaped scar on forehead"],
                },
                {
                    "name": "Mira",
                    "role": "supporting",
                    "description": "A village healer",
                    "palette": MIRA,
                    "hair_style": "ponytail",
                    "build": "slim",
                    "seed": 77,
                },
                {
                    "name": "Shadow Beast",
                    "role": "antagonist",
                    "description": "A shadow monster",
                    "palette": {
                        "hair": "#111111",
                        "eyes": "#FF3B3B",
                        "skin": "#222222",
                        "outfit": "#1A1226",
                        "accent": "#7A3CFF",
                    },
                    "seed": 99,
                },
            ],
            "scenes": scenes,
            "panels": [{"sequence": i + 1, "scene": 0, "description": "A panel.", **p} for i, p in enumerate(panels)],
        }
    )


def draw(script: Script, index: int = 0, *, style: str = "webtoon", seed: int = 5, width: int = 0, height: int = 0):
    request = DrawRequest(script, script.panels[index], style, width, height, seed)
    return LocalPanelArtist().draw(request)


def alex(**kwargs) -> dict:
    return {"name": "Alex", **kwargs}


def saturation(img: Image.Image) -> float:
    return ImageStat.Stat(img.convert("HSV")).mean[1]


def dark_share(img: Image.Image, below: int = 40) -> float:
    hist = img.convert("L").histogram()
    return sum(hist[:below]) / (img.width * img.height)


def entropy(img: Image.Image) -> float:
    hist = img.convert("L").histogram()
    total = sum(hist)
    return -sum(c / total * math.log2(c / total) for c in hist if c)


def area(box: tuple[int, int, int, int]) -> int:
    return (box[2] - box[0]) * (box[3] - box[1])


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture
def three_shots() -> Script:
    return make_script(
        panels=[
            {"shot": "wide", "characters": [alex()]},
            {"shot": "medium", "characters": [alex()]},
            {"shot": "close_up", "characters": [alex()]},
            {"shot": "extreme_close_up", "characters": [alex()]},
        ]
    )


def test_the_local_image_provider_is_the_panel_artist():
    assert isinstance(get_image_provider("local"), LocalPanelArtist)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("shot", [s.value for s in Shot])
def test_every_style_and_shot_draws_an_rgb_panel_of_the_shot_size(style, shot):
    script = make_script(panels=[{"shot": shot, "characters": [alex(action="walking")]}])

    result = draw(script, style=style, seed=3)

    assert result.image.mode == "RGB"
    assert result.image.size == panel_size(shot)
    assert result.meta == {"provider": "local", "style": style, "seed": 3, "shot": shot}
    assert [f.name for f in result.faces] == ["Alex"]


def test_requested_width_and_height_override_the_shot_size():
    script = make_script(panels=[{"shot": "wide", "characters": [alex()]}])

    result = draw(script, width=400, height=300)

    assert result.image.size == (400, 300)
    x0, y0, x1, y1 = result.faces[0].box
    assert 0 <= x0 < x1 <= 400 and 0 <= y0 < y1 <= 300


def test_an_unknown_style_is_refused_with_the_choices():
    script = make_script(panels=[{"shot": "wide"}])

    with pytest.raises(ValueError, match="Unknown art style 'oil'; choose one of webtoon"):
        draw(script, style="oil")


def test_the_same_seed_redraws_the_same_pixels_and_another_seed_does_not():
    script = make_script(scene={"weather": "storm", "time_of_day": "night"}, panels=[{"characters": [alex()]}])

    first, again, other = draw(script, seed=11), draw(script, seed=11), draw(script, seed=12)

    assert ImageChops.difference(first.image, again.image).getbbox() is None
    assert first.faces == again.faces
    assert ImageChops.difference(first.image, other.image).getbbox() is not None


@pytest.mark.parametrize("style", [s for s in STYLES if s != "manga"])
def test_every_style_draws_a_rich_picture_not_a_flat_fill(style):
    script = make_script(panels=[{"shot": "wide", "characters": [alex(), {"name": "Mira", "position": "right"}]}])

    img = draw(script, style=style).image

    assert len(img.getcolors(maxcolors=1 << 20)) > 60
    assert entropy(img) > 4.0
    assert ImageStat.Stat(img.convert("L")).stddev[0] > 20


@pytest.mark.parametrize("style", ["manga", "sketch"])
def test_manga_and_sketch_are_monochrome(style):
    script = make_script(panels=[{"shot": "medium", "characters": [alex(), {"name": "Mira", "position": "right"}]}])

    assert saturation(draw(script, style=style).image) < 20


@pytest.mark.parametrize("style", ["webtoon", "anime", "comic", "chibi", "painting"])
def test_colour_styles_are_in_colour(style):
    script = make_script(panels=[{"shot": "medium", "characters": [alex(), {"name": "Mira", "position": "right"}]}])

    assert saturation(draw(script, style=style).image) > 60


def test_manga_is_ink_and_screentone_black_white_and_dots():
    script = make_script(panels=[{"shot": "medium", "characters": [alex(action="fighting")]}])

    grey = draw(script, style="manga").image.convert("L")

    hist = grey.histogram()
    total = sum(hist)
    assert (sum(hist[:50]) + sum(hist[205:])) / total > 0.9
    assert sum(hist[:50]) / total > 0.1 and sum(hist[205:]) / total > 0.3
    edges = grey.filter(ImageFilter.FIND_EDGES)
    assert ImageStat.Stat(edges).mean[0] > 20  # screentone dots and ink lines, not flat areas


def test_manga_action_gets_speed_lines_converging_on_it():
    standing = make_script(panels=[{"shot": "wide", "characters": [alex(action="standing")]}])
    running = make_script(panels=[{"shot": "wide", "characters": [alex(action="running")]}])

    def corner_ink(script):
        img = draw(script, style="manga").image.convert("L")
        return dark_share(img.crop((0, 0, 160, 160)), below=60) + dark_share(img.crop((640, 0, 800, 160)), below=60)

    assert corner_ink(running) > corner_ink(standing) + 0.03


def test_comic_inks_heavier_outlines_than_webtoon():
    script = make_script(panels=[{"shot": "medium", "characters": [alex(), {"name": "Mira", "position": "right"}]}])

    assert dark_share(draw(script, style="comic").image) > 2 * dark_share(draw(script, style="webtoon").image)


def test_anime_is_more_vivid_than_realistic():
    script = make_script(panels=[{"shot": "medium", "characters": [alex()]}])

    assert saturation(draw(script, style="anime").image) > saturation(draw(script, style="realistic").image) + 25


def test_realistic_darkens_the_corners_with_a_vignette():
    script = make_script(panels=[{"shot": "wide", "characters": [alex()]}])
    img = draw(script, style="realistic").image.convert("L")
    flat = draw(script, style="webtoon").image.convert("L")

    def corner_over_centre(im):
        corner = ImageStat.Stat(im.crop((0, im.height - 80, 80, im.height))).mean[0]
        centre = ImageStat.Stat(im.crop((360, 400, 440, 480))).mean[0]
        return corner / centre

    assert corner_over_centre(img) < corner_over_centre(flat) - 0.1


def test_painting_warms_the_canvas():
    script = make_script(panels=[{"shot": "wide", "characters": [alex()]}])

    def warmth(im):
        r, _, b = ImageStat.Stat(im).mean
        return r - b

    assert warmth(draw(script, style="painting").image) > warmth(draw(script, style="webtoon").image) + 15


def test_chibi_heads_are_far_bigger_than_webtoon_heads_in_the_same_shot():
    script = make_script(panels=[{"shot": "wide", "characters": [alex()]}])

    chibi, webtoon = draw(script, style="chibi").faces[0].box, draw(script, style="webtoon").faces[0].box

    assert (chibi[3] - chibi[1]) > 2 * (webtoon[3] - webtoon[1])


def test_faces_grow_from_wide_to_close_up(three_shots):
    boxes = [draw(three_shots, i).faces[0].box for i in range(3)]

    assert area(boxes[0]) < area(boxes[1]) < area(boxes[2])


def test_an_extreme_close_up_face_fills_most_of_the_frame(three_shots):
    result = draw(three_shots, 3)

    assert area(result.faces[0].box) > 0.5 * result.image.width * result.image.height


def test_an_extreme_close_up_shows_only_the_first_character():
    script = make_script(panels=[{"shot": "extreme_close_up", "characters": [{"name": "Mira"}, alex()]}])

    assert [f.name for f in draw(script).faces] == ["Mira"]


def test_a_panel_without_characters_has_no_faces():
    script = make_script(panels=[{"shot": "wide", "characters": []}])

    assert draw(script).faces == []


@pytest.mark.parametrize("shot", ["extreme_wide", "wide", "medium", "close_up"])
def test_three_faces_are_inside_the_frame_and_apart(shot):
    cast = [
        {"name": "Mira", "position": "right"},
        alex(position="left"),
        {"name": "Shadow Beast", "position": "center"},
    ]
    script = make_script(panels=[{"shot": shot, "characters": cast}])

    result = draw(script)

    assert [f.name for f in result.faces] == ["Mira", "Alex", "Shadow Beast"]
    w, h = result.image.size
    for face in result.faces:
        x0, y0, x1, y1 = face.box
        assert 0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h
    boxes = [f.box for f in result.faces]
    assert not any(overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    by_name = {f.name: f.box for f in result.faces}
    assert by_name["Alex"][0] < by_name["Shadow Beast"][0] < by_name["Mira"][0]


def colour_count(img: Image.Image, box, hex_colour: str) -> int:
    """Pixels of that colour, give or take the few levels an anti-aliased edge blends in."""
    rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    colours = img.crop(box).getcolors(maxcolors=1 << 20)
    return sum(n for n, c in colours if max(abs(a - b) for a, b in zip(c, rgb, strict=True)) <= 6)


@pytest.mark.parametrize("shot", ["wide", "medium", "close_up", "extreme_close_up"])
def test_the_characters_own_hair_and_skin_colours_are_on_their_face_in_every_shot(shot):
    script = make_script(
        panels=[{"shot": shot, "characters": [alex(position="left"), {"name": "Mira", "position": "right"}]}]
    )

    result = draw(script)

    for face in result.faces:
        palette = ALEX if face.name == "Alex" else MIRA
        box_area = area(face.box)
        assert colour_count(result.image, face.box, palette["skin"]) > 0.15 * box_area
        assert colour_count(result.image, face.box, palette["hair"]) > 0.05 * box_area


@pytest.mark.parametrize("shot", ["medium", "close_up"])
def test_no_ones_arm_hides_another_characters_face(shot):
    def skin_shares(actions):
        cast = [alex(position="left", action=actions[0]), {"name": "Mira", "position": "right", "action": actions[1]}]
        result = draw(make_script(panels=[{"shot": shot, "characters": cast}]))
        return [
            colour_count(result.image, f.box, (ALEX if f.name == "Alex" else MIRA)["skin"]) / area(f.box)
            for f in result.faces
        ]

    still, gesturing = skin_shares(("standing", "standing")), skin_shares(("pointing", "celebrating"))

    for before, after in zip(still, gesturing, strict=True):
        assert before > 0.12
        assert after > 0.97 * before


def test_a_character_keeps_the_same_lit_colours_in_every_panel_of_a_night_scene():
    script = make_script(
        scene={"time_of_day": "night"},
        panels=[{"shot": s, "characters": [alex()]} for s in ("wide", "medium", "close_up")],
    )

    def skin(i):
        # the panel carries a +-2-level grain against banding: the skin is the median of the face
        result = draw(script, i, seed=i)
        return tuple(ImageStat.Stat(result.image.crop(result.faces[0].box)).median)

    first = skin(0)
    for other in (skin(1), skin(2)):
        assert max(abs(a - b) for a, b in zip(first, other, strict=True)) <= 3, (first, other)


def sky_luminance(script: Script) -> float:
    img = draw(script, style="webtoon").image
    return ImageStat.Stat(img.convert("L").crop((0, 0, img.width, img.height // 5))).mean[0]


def test_night_sky_is_far_darker_than_day_sky():
    day = make_script(panels=[{"shot": "wide"}])
    night = make_script(scene={"time_of_day": "night"}, panels=[{"shot": "wide"}])

    assert sky_luminance(night) < 0.4 * sky_luminance(day)


@pytest.mark.parametrize("time_of_day", ["dawn", "dusk"])
def test_dawn_and_dusk_skies_are_warm(time_of_day):
    script = make_script(scene={"time_of_day": time_of_day}, panels=[{"shot": "wide"}])
    img = draw(script).image
    r, _, b = ImageStat.Stat(img.crop((0, img.height // 3, img.width, img.height // 2))).mean

    assert r > b


def bright_pixels(img: Image.Image) -> int:
    hist = img.convert("L").histogram()
    return sum(hist[250:])


def test_a_storm_has_lightning_and_plain_rain_does_not():
    storm = make_script(scene={"time_of_day": "night", "weather": "storm"}, panels=[{"shot": "wide"}])
    rain = make_script(scene={"time_of_day": "night", "weather": "rain"}, panels=[{"shot": "wide"}])

    assert bright_pixels(draw(storm).image) > 200
    assert bright_pixels(draw(rain).image) == 0


def test_snow_whitens_the_ground_and_falls_as_flakes():
    snow = make_script(scene={"weather": "snow"}, panels=[{"shot": "wide"}])
    clear = make_script(panels=[{"shot": "wide"}])

    def ground(img):
        return ImageStat.Stat(img.convert("L").crop((0, int(img.height * 0.8), img.width, img.height))).mean[0]

    snowy, plain = draw(snow).image, draw(clear).image
    assert ground(snowy) > ground(plain) + 60
    sky = snowy.convert("L").crop((0, 0, snowy.width, snowy.height // 4))
    flake_level = int(ImageStat.Stat(sky).median[0]) + 20
    assert sum(sky.histogram()[flake_level:]) > 500


def test_fog_flattens_the_contrast():
    fog = make_script(scene={"weather": "fog"}, panels=[{"shot": "wide"}])
    clear = make_script(panels=[{"shot": "wide"}])

    def contrast(img):
        return ImageStat.Stat(img.convert("L")).stddev[0]

    assert contrast(draw(fog).image) < contrast(draw(clear).image) - 5


@pytest.mark.parametrize(
    ("location", "expected"),
    [("the village square", village), ("a dark forest", forest), ("Alex's lab", lab), ("somewhere odd", default)],
)
def test_location_words_pick_the_set(location, expected):
    assert location_painter(location)[0] is expected


@pytest.mark.parametrize(
    "location",
    ["village", "forest", "city", "school", "beach", "mountain", "castle", "desert", "space", "home", "lab", "moor"],
)
def test_every_known_location_draws_its_own_set(location):
    script = make_script(scene={"location": location}, panels=[{"shot": "wide"}])
    generic = make_script(scene={"location": "moor"}, panels=[{"shot": "wide"}])

    img = draw(script).image

    assert entropy(img) > 3.5
    if location != "moor":
        assert ImageChops.difference(img, draw(generic).image).getbbox() is not None


EXPRESSIONS = [e.value for e in Expression]
POSE_STYLES = ["webtoon", "chibi", "sketch", "realistic"]


@pytest.mark.parametrize(
    ("action", "expression", "style"),
    [(a.value, EXPRESSIONS[i % 7], POSE_STYLES[i % 4]) for i, a in enumerate(Action)],
)
def test_every_action_and_expression_is_drawn_facing_either_way(action, expression, style):
    cast = [
        alex(position="left"),
        {"name": "Mira", "position": "center"},
        {"name": "Shadow Beast", "position": "right"},
    ]
    for member in cast:
        member.update(action=action, expression=expression)
    script = make_script(panels=[{"shot": "medium", "characters": cast}])

    result = draw(script, style=style)

    assert [f.name for f in result.faces] == ["Alex", "Mira", "Shadow Beast"]
    for face in result.faces:
        assert area(face.box) > 0.8 * 130 * 160  # each whole face is in frame, not pushed off the edge


def test_celebrating_raises_the_hands_above_the_head():
    standing = make_script(panels=[{"shot": "wide", "characters": [alex(action="standing")]}])
    cheering = make_script(panels=[{"shot": "wide", "characters": [alex(action="celebrating")]}])
    empty = make_script(panels=[{"shot": "wide"}])
    x0, y0, x1, _ = draw(standing).faces[0].box
    u = y0 - draw(standing).faces[0].box[3]
    above = (x0 - 60, y0 + int(u * 1.5) - 10, x1 + 60, y0 + int(u * 0.7))

    background = draw(empty).image.crop(above)

    assert ImageChops.difference(draw(standing).image.crop(above), background).getbbox() is None
    assert ImageChops.difference(draw(cheering).image.crop(above), background).getbbox() is not None


def test_expressions_change_the_face():
    faces = []
    for expression in ("happy", "angry", "sad", "surprised"):
        script = make_script(panels=[{"shot": "close_up", "characters": [alex(expression=expression)]}])
        result = draw(script)
        faces.append(result.image.crop(result.faces[0].box))

    for i, a in enumerate(faces):
        for b in faces[i + 1 :]:
            assert ImageChops.difference(a, b).getbbox() is not None


def test_a_shadow_monster_is_a_dark_creature_with_glowing_red_eyes():
    script = make_script(panels=[{"shot": "medium", "characters": [{"name": "Shadow Beast"}]}])

    result = draw(script)
    face = result.image.crop(result.faces[0].box)

    red = sum(n for n, (r, g, b) in face.getcolors(maxcolors=1 << 20) if r > 200 and g < 140 and b < 140)
    assert red > 0.02 * face.width * face.height
    assert dark_share(face) > 0.2


def test_only_a_monstrous_antagonist_is_drawn_as_a_monster():
    palette = {"hair": "#111111", "eyes": "#FF0000", "skin": "#222222", "outfit": "#111111", "accent": "#7A3CFF"}

    def character(name, role, description):
        return ScriptCharacter(name=name, role=role, description=description, palette=palette, seed=1)

    assert is_monster(character("Gloom", "antagonist", "A demon of the old woods"))
    assert not is_monster(character("Baron", "antagonist", "A scheming nobleman"))
    assert not is_monster(character("Shadow", "supporting", "A quiet girl called Shadow"))


def style_measures(img: Image.Image) -> tuple[float, float, int]:
    """Edge density, share of near-black pixels (ink), and a coarse colour count of one panel."""
    grey = img.convert("L")
    edges = ImageStat.Stat(grey.filter(ImageFilter.FIND_EDGES).point(lambda v: 255 if v > 60 else 0)).mean[0] / 255
    ink = ImageStat.Stat(grey.point(lambda v: 255 if v < 40 else 0)).mean[0] / 255
    colours = len(img.quantize(64, method=Image.Quantize.FASTOCTREE).getcolors() or [])
    return round(edges, 3), round(ink, 3), colours


def test_the_eight_styles_are_measurably_different_ways_of_drawing():
    script = make_script(panels=[{"shot": "medium", "characters": [alex(), {"name": "Mira", "position": "right"}]}])

    measures = {style: style_measures(draw(script, style=style).image) for style in STYLES}

    assert len(set(measures.values())) == len(STYLES)
    # comic's heavy ink outlines leave more near-black than webtoon's thin lines; painting has no outlines
    assert measures["comic"][1] > measures["webtoon"][1]
    assert measures["painting"][1] < measures["comic"][1]
    # realistic's muted palette is less saturated than webtoon's bright one
    assert saturation(draw(script, style="realistic").image) < saturation(draw(script, style="webtoon").image)
