"""Every key of the vocabulary tables has its own drawing: a new row without one fails here."""

from __future__ import annotations

import itertools

import pytest
from PIL import Image, ImageChops, ImageStat

from sketchdojo.engine.artist import LocalPanelArtist
from sketchdojo.engine.artist.artist import repeat_run
from sketchdojo.engine.artist.creatures import KIND_SPECS, drawn_kinds
from sketchdojo.engine.artist.figures import BUILD_FACTORS, POSES, cast_looks, kind_of, look_of
from sketchdojo.engine.artist.props import PROP_DRAWERS, prop_key
from sketchdojo.engine.artist.sets import SET_PAINTERS, living_room, set_painter, setting_key
from sketchdojo.engine.contact import PALETTES, _person, _script
from sketchdojo.engine.planner.planner import LocalStoryPlanner
from sketchdojo.engine.providers.base import DrawRequest, PlanRequest
from sketchdojo.engine.script import Action, Script, ScriptCharacter
from sketchdojo.engine.vocabulary import (
    ACCESSORIES,
    AGES,
    BUILDS,
    GARMENTS,
    GENDER_PRESENTATIONS,
    HAIR_STYLES,
    KINDS,
    NON_HUMAN_KINDS,
    PROPS,
    SETTINGS,
    keys,
)


def render(script, style: str = "webtoon") -> Image.Image:
    return LocalPanelArtist().draw(DrawRequest(script, script.panels[0], style, 240, 320, 3)).image


def thumb(img: Image.Image) -> Image.Image:
    return img.convert("RGB").resize((32, 32), Image.Resampling.BOX)


def mean_abs_difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference of 32x32 colour thumbnails, over the three channels (0..255)."""
    return sum(ImageStat.Stat(ImageChops.difference(thumb(a), thumb(b))).mean) / 3


def test_every_kind_in_the_vocabulary_has_a_drawing():
    assert set(keys(KINDS)) == drawn_kinds()
    assert set(NON_HUMAN_KINDS) == set(KIND_SPECS)


@pytest.mark.parametrize("entry", KINDS, ids=lambda e: e.key)
def test_every_kind_synonym_draws_that_kind(entry):
    for word in entry.synonyms:
        character = ScriptCharacter.model_validate({**_person("X", 0), "kind": word})
        assert kind_of(character) == entry.key


def test_an_unknown_kind_word_is_drawn_as_a_person():
    character = ScriptCharacter.model_validate({**_person("X", 0), "kind": "teapot"})
    assert kind_of(character) == "human"


@pytest.fixture(scope="module")
def kind_panels() -> dict[str, Image.Image]:
    return {kind: render(_script([_person("Pat", 0, kind=kind)], "park")) for kind in keys(KINDS)}


def test_no_two_kinds_are_drawn_alike(kind_panels):
    # the same park, palette and seed: only the creature differs, and that must show at 32x32
    for (a, img_a), (b, img_b) in itertools.combinations(kind_panels.items(), 2):
        assert mean_abs_difference(img_a, img_b) > 2.0, (a, b)


def test_a_cat_is_not_drawn_as_a_person(kind_panels):
    empty = render(_script([], "park"))
    assert mean_abs_difference(kind_panels["cat"], empty) > 1.0
    assert mean_abs_difference(kind_panels["cat"], kind_panels["human"]) > 2.0


def test_two_cats_of_one_story_differ_in_coat():
    one = render(_script([{**_person("Tom", 0, kind="cat"), "palette": PALETTES[0]}], "park"))
    two = render(_script([{**_person("Tom", 0, kind="cat"), "palette": PALETTES[1]}], "park"))
    assert ImageStat.Stat(ImageChops.difference(one, two)).mean != [0.0, 0.0, 0.0]


def test_every_setting_in_the_vocabulary_has_a_set():
    assert set(keys(SETTINGS)) == set(SET_PAINTERS)
    for entry in SETTINGS:
        assert set_painter(entry.key) == SET_PAINTERS[entry.key]


@pytest.mark.parametrize("entry", SETTINGS, ids=lambda e: e.key)
def test_every_setting_synonym_finds_a_set_that_lists_it(entry):
    for word in entry.synonyms:
        key = setting_key(f"a quiet {word} at dusk")
        assert key is not None and word in next(e for e in SETTINGS if e.key == key).synonyms, word


def test_a_setting_word_inside_a_longer_word_is_not_matched():
    # "bar" is a setting, "barn" is a farm: whole words only
    assert setting_key("the old barn") == "farm"
    assert setting_key("a barber's chair") is None


def test_an_unknown_place_reads_as_interior_or_exterior_by_its_words():
    assert set_painter("the grand ballroom") == (living_room, False)
    assert set_painter("a windswept plain")[1] is True


def test_interiors_are_drawn_without_weather_in_front():
    for entry in SETTINGS:
        if entry.interior:
            assert SET_PAINTERS[entry.key][1] is False, entry.key


def test_no_two_settings_are_drawn_alike():
    panels = {entry.key: render(_script([], entry.key)) for entry in SETTINGS}
    for (a, img_a), (b, img_b) in itertools.combinations(panels.items(), 2):
        assert mean_abs_difference(img_a, img_b) > 3.0, (a, b)


LOOK_FIELDS = {"hair_style": "hair_style", "outfit": "garment", "build": "build", "age": "age", "gender": "gender"}
BASE_LOOK = {"hair_style": "short", "outfit": "shirt", "gender": "neutral", "build": "average", "age": "adult"}


def person_panel(shot: str = "wide", **look) -> Image.Image:
    return render(_script([_person("Kim", 0, **{**BASE_LOOK, **look})], "studio", shot=shot))


def changed_pixels(a: Image.Image, b: Image.Image) -> int:
    return sum(ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 24 else 0).histogram()[255:])


@pytest.mark.parametrize(
    ("field", "table"),
    [
        ("hair_style", HAIR_STYLES),
        ("outfit", GARMENTS),
        ("build", BUILDS),
        ("age", AGES),
        ("gender", GENDER_PRESENTATIONS),
    ],
)
def test_every_look_word_is_read_and_drawn(field, table):
    base = person_panel("medium")
    for entry in table:
        look = look_of(ScriptCharacter.model_validate({**_person("Kim", 0, **BASE_LOOK), field: entry.key}))
        assert getattr(look, LOOK_FIELDS[field]) == (BUILD_FACTORS[entry.key] if field == "build" else entry.key)
        if entry.key != BASE_LOOK[field]:
            assert changed_pixels(person_panel("medium", **{field: entry.key}), base) > 50, entry.key


def test_every_accessory_is_read_and_drawn():
    base = person_panel("medium")
    for entry in ACCESSORIES:
        look = look_of(ScriptCharacter.model_validate({**_person("Kim", 0, **BASE_LOOK), "accessories": [entry.key]}))
        assert entry.key in look.accessories
        assert changed_pixels(person_panel("medium", accessories=[entry.key]), base) > 40, entry.key


def test_a_named_skin_tone_wins_over_the_palette():
    dark = look_of(ScriptCharacter.model_validate({**_person("Kim", 0), "skin_tone": "dark"}))
    pale = look_of(ScriptCharacter.model_validate({**_person("Kim", 0), "skin_tone": "pale"}))
    assert dark.skin == (0x5E, 0x3A, 0x22)
    assert pale.skin == (0xF8, 0xE1, 0xD3)


# -- one story: cast apart, panels apart ----------------------------------------------------------------


def test_two_characters_briefed_alike_are_drawn_apart_and_the_same_in_every_panel():
    twins = [_person("Ann", 0, hair_style="long", outfit="dress"), _person("Bea", 0, hair_style="long", outfit="dress")]
    script = _script(twins, "park")

    looks = cast_looks(script.characters)

    ann, bea = looks["Ann"], looks["Bea"]
    assert ann.hair_style == "long" and bea.hair_style == "ponytail"
    assert ann.outfit != bea.outfit
    assert cast_looks(script.characters) == looks


def test_characters_briefed_apart_are_left_as_briefed():
    # same cut, but blonde and black: told apart at a glance
    script = _script([_person("Ann", 0, hair_style="long"), _person("Ben", 1, hair_style="long")], "park")

    looks = cast_looks(script.characters)

    assert looks["Ben"].hair_style == "long"
    assert looks["Ben"].outfit == (0x2E, 0x4A, 0x7D)


def test_a_repeated_beat_is_never_drawn_with_the_same_pose_twice_running():
    cast = [_person("Ann", 0), _person("Ben", 1)]
    base = _script(cast, "street", "talking", "medium").model_dump()
    base["panels"] = [{**base["panels"][0], "sequence": i + 1} for i in range(3)]
    script = Script.model_validate(base)

    assert [repeat_run(script, panel) for panel in script.panels] == [0, 1, 2]
    edited = script.panels[2].model_copy(update={"description": "Ann and Ben argue, louder now"})
    assert repeat_run(script, edited) == 2  # an edited panel drawn again: found by its sequence
    assert repeat_run(script, edited.model_copy(update={"sequence": 9})) == 0  # not in the script
    panels = [
        LocalPanelArtist().draw(DrawRequest(script, panel, "webtoon", 240, 320, 3)).image for panel in script.panels
    ]
    assert mean_abs_difference(panels[0], panels[1]) > 1.0
    assert mean_abs_difference(panels[1], panels[2]) > 1.0


def test_no_two_panels_of_a_planned_webtoon_are_near_identical():
    prompt = (
        "A shy baker and her talking cat open a bakery in a rainy city; a rival chef tries to steal "
        "their recipe, and they win the town's cake contest."
    )
    script = LocalStoryPlanner().plan(PlanRequest(prompt=prompt, panel_count=12))
    panels = [
        LocalPanelArtist().draw(DrawRequest(script, panel, "webtoon", 160, 200, 1000 + panel.sequence)).image
        for panel in script.panels
    ]
    for (i, a), (j, b) in itertools.combinations(enumerate(panels, 1), 2):
        assert mean_abs_difference(a, b) > 1.5, (i, j)


def test_same_hair_in_different_clothes_still_counts_as_twins():
    pair = [_person("Ann", 0), {**_person("Bea", 1), "palette": {**PALETTES[1], "hair": PALETTES[0]["hair"]}}]

    looks = cast_looks(_script(pair, "park").characters)

    assert looks["Ann"].hair_style == "short" and looks["Bea"].hair_style == "long"


# -- props ------------------------------------------------------------------------------------------------


def test_every_prop_in_the_vocabulary_has_a_drawing():
    assert set(keys(PROPS)) == set(PROP_DRAWERS)


@pytest.mark.parametrize("entry", PROPS, ids=lambda e: e.key)
def test_every_prop_synonym_finds_a_prop_that_lists_it(entry):
    for word in entry.synonyms:
        key = prop_key(word)
        assert key is not None and word in next(e for e in PROPS if e.key == key).synonyms


def test_an_unknown_prop_is_not_drawn():
    assert prop_key("spaceship engine") is None


def prop_panel(props: list[str], action: str = "holding") -> Image.Image:
    script = _script([_person("Kim", 0)], "studio", action, "medium").model_dump()
    script["panels"][0]["props"] = props
    return render(Script.model_validate(script))


def test_no_two_props_are_drawn_alike_and_each_shows():
    empty = prop_panel([])
    panels = {key: prop_panel([key]) for key in PROP_DRAWERS}
    for key, img in panels.items():
        assert changed_pixels(img, empty) > 150, key
    for (a, img_a), (b, img_b) in itertools.combinations(panels.items(), 2):
        assert changed_pixels(img_a, img_b) > 60, (a, b)


def test_a_held_prop_is_drawn_at_the_hand_and_a_large_one_is_set_down():
    empty = prop_panel([])
    held = ImageChops.difference(prop_panel(["phone"], "phoning"), empty).getbbox()
    set_down = ImageChops.difference(prop_panel(["phone"], "standing"), empty).getbbox()
    car = ImageChops.difference(prop_panel(["car"], "holding"), empty).getbbox()

    assert held != set_down
    assert 60 < (held[0] + held[2]) / 2 < 180  # beside the figure at the centre
    assert (car[0] + car[2]) / 2 < 60  # by the left edge, on the ground


def ink_share(img: Image.Image, box) -> float:
    grey = img.convert("L").crop(box)
    return sum(grey.histogram()[:128]) / (grey.width * grey.height)


def test_manga_inks_the_cast_on_white_paper_over_a_toned_ground():
    script = _script([_person("Ana", 0, outfit="dress")], "city", shot="close_up")
    result = LocalPanelArtist().draw(DrawRequest(script, script.panels[0], "manga", 400, 500, 3))
    x0, y0, x1, y1 = result.faces[0].box
    chest = (x0 + 40, y1 + 45, x1 - 40, y1 + 135)  # below the chin: clothing, inside the figure
    ground = (0, y0, x0 - 10, y1)  # the set beside the face

    assert ink_share(result.image, chest) < 0.08
    assert ink_share(result.image, ground) > 0.12


def test_every_action_has_a_pose_of_its_own():
    poses = [POSES[action] for action in Action]
    assert len(set(poses)) == len(poses)
