"""The offline story planner (`local` LLM provider): shape, cast, setting, voice and determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sketchdojo.engine.planner import LocalStoryPlanner
from sketchdojo.engine.planner.cast import colour_of, stable_seed
from sketchdojo.engine.providers import get_llm_provider
from sketchdojo.engine.providers.base import CharacterBrief, PlanRequest, ProviderError
from sketchdojo.engine.script import Script

GUIDE_PROMPT = "Alex discovers his lightning powers during a storm and must save his village from shadow monsters"
ALEX = CharacterBrief(
    name="Alex Thunder",
    role="protagonist",
    description="A brave young mage with lightning powers",
    appearance={
        "age_range": "young_adult",
        "gender": "male",
        "height": "tall",
        "build": "athletic",
        "hair_color": "silver",
        "hair_style": "spiky",
        "eye_color": "electric_blue",
        "skin_tone": "fair",
        "distinctive_features": ["lightning-shaped scar on forehead"],
    },
    personality={"traits": ["brave", "impulsive", "loyal"], "speech_style": "confident"},
)


def plan(prompt: str = GUIDE_PROMPT, panel_count: int = 6, **kwargs) -> Script:
    return LocalStoryPlanner().plan(PlanRequest(prompt=prompt, panel_count=panel_count, **kwargs))


def guide_script(panel_count: int = 6, seed: int = 0) -> Script:
    return plan(
        panel_count=panel_count,
        characters=(ALEX,),
        character_descriptions=("Young mage with silver hair and lightning powers",),
        seed=seed,
    )


def all_text(script: Script) -> str:
    parts = [script.title, script.synopsis]
    for panel in script.panels:
        parts += [panel.description, panel.caption or "", *panel.sfx, *(line.text for line in panel.dialogue)]
    return " ".join(parts).lower()


@pytest.mark.parametrize("panel_count", range(1, 21))
def test_the_script_has_exactly_the_requested_number_of_panels(panel_count):
    script = guide_script(panel_count)

    assert len(script.panels) == panel_count
    assert [p.sequence for p in script.panels] == list(range(1, panel_count + 1))
    assert Script.model_validate(script.model_dump()) == script


@pytest.mark.parametrize("panel_count", range(1, 21))
def test_no_line_of_dialogue_is_said_twice_and_no_shot_repeats_three_times(panel_count):
    script = guide_script(panel_count)

    lines = [line.text for panel in script.panels for line in panel.dialogue]
    assert len(lines) == len(set(lines))
    shots = [panel.shot for panel in script.panels]
    assert all(not (a == b == c) for a, b, c in zip(shots, shots[1:], shots[2:], strict=False))


@pytest.mark.parametrize("panel_count", range(1, 21))
def test_the_story_shape_runs_establishing_rising_climax_resolution(panel_count):
    beats = [panel.beat for panel in guide_script(panel_count).panels]
    order = ["establishing", "rising", "climax", "resolution"]

    assert beats == sorted(beats, key=order.index)
    assert "climax" in beats


def test_short_scripts_keep_the_moments_that_carry_the_story():
    assert [p.beat for p in guide_script(1).panels] == ["climax"]
    assert [p.beat for p in guide_script(2).panels] == ["establishing", "climax"]
    assert [p.beat for p in guide_script(3).panels] == ["establishing", "climax", "resolution"]
    assert [p.beat for p in guide_script(6).panels] == [
        "establishing",
        "rising",
        "rising",
        "climax",
        "climax",
        "resolution",
    ]


def test_the_guides_story_reads_as_alex_saving_his_village_from_shadow_monsters_in_a_storm():
    script = guide_script(6)

    assert script.title == "Alex and the Storm of Shadows"
    assert [(s.location, s.time_of_day, s.weather) for s in script.scenes] == [
        ("village", "night", "storm"),
        ("village", "night", "storm"),
        ("village", "dawn", "cloudy"),
    ]
    assert [c.name for c in script.characters][:2] == ["Alex Thunder", "Shadow Monster"]
    assert script.character("Shadow Monster").role == "antagonist"
    text = all_text(script)
    for word in ("lightning", "storm", "village", "shadow monsters", "alex", "dawn"):
        assert word in text
    discovery, alarm = script.panels[1], script.panels[2]
    assert "bolt of lightning strikes alex" in discovery.description.lower()
    assert discovery.dialogue[0].style == "thought"
    assert (discovery.characters[0].expression, discovery.characters[0].action) == ("surprised", "casting")
    assert "shadow monsters pour toward the village" in alarm.description
    finale = script.panels[4]
    assert "unleashes arcs of lightning across the village" in finale.description
    assert finale.dialogue[0].style == "shout"
    ending = script.panels[5]
    assert ending.caption == "By dawn, the storm had passed, the shadow monsters were gone and the village was safe."
    assert ending.characters[0].name == "Alex Thunder"
    assert ending.characters[0].expression == "happy"


def test_the_guides_character_keeps_his_exact_colours_voice_and_seed():
    alex = guide_script().character("Alex Thunder")

    assert alex.palette.model_dump() == {
        "hair": "#C8CCD4",
        "eyes": "#2F8CFF",
        "skin": "#F6D7C3",
        "outfit": "#33407A",
        "accent": "#FFE14D",
    }
    assert alex.hair_style == "spiky"
    assert alex.build == "athletic"
    assert alex.speech_style == "confident"
    assert alex.distinctive_features == ["lightning-shaped scar on forehead"]
    assert alex.seed == stable_seed("Alex Thunder") == 2886177010
    assert alex.description.startswith("Tall athletic young adult male with spiky silver hair, electric blue eyes")


def test_a_long_script_uses_every_bubble_style_and_sound_effects():
    script = guide_script(20)

    styles = {line.style.value for panel in script.panels for line in panel.dialogue}
    assert styles == {"normal", "thought", "shout", "whisper", "narration"}
    assert sum(1 for panel in script.panels if panel.sfx) >= 10
    assert script.panels[0].caption == "Night fell, and a storm raged over the edge of the village."


def test_every_speaker_and_every_placed_character_is_in_the_cast():
    for panel_count in (4, 9, 20):
        script = guide_script(panel_count)
        names = {c.name for c in script.characters}
        for panel in script.panels:
            assert {c.name for c in panel.characters} <= names
            assert {line.speaker for line in panel.dialogue if line.style != "narration"} <= names


def test_named_characters_are_placed_and_the_protagonist_is_in_most_panels():
    luna = CharacterBrief(name="Luna", role="supporting", description="A healer", personality={"speech_style": "shy"})
    script = plan(
        "Alex and Luna must protect the castle from a dragon at sunset", panel_count=10, characters=(ALEX, luna)
    )

    with_alex = [p for p in script.panels if any(c.name == "Alex Thunder" for c in p.characters)]
    with_luna = [p for p in script.panels if any(c.name == "Luna" for c in p.characters)]
    assert len(with_alex) >= 8
    assert len(with_luna) >= 3
    assert [c.name for c in script.characters] == ["Alex Thunder", "Luna", "Dragon"]
    assert script.scenes[0].location == "castle"
    assert script.scenes[0].time_of_day == "dusk"


def test_a_prompt_without_characters_gets_its_hero_villain_and_villager_from_the_text():
    script = plan(panel_count=8)

    cast = [(c.name, c.role, c.speech_style) for c in script.characters]
    assert cast[:2] == [("Alex", "protagonist", "neutral"), ("Shadow Monster", "antagonist", "monstrous")]
    assert cast[2][0].startswith("Elder ")
    assert (cast[2][1], cast[2][2]) == ("supporting", "formal")
    assert script.character("Alex").palette.accent == "#FFE14D"


@pytest.mark.parametrize(
    ("prompt", "scene", "locations"),
    [
        (GUIDE_PROMPT, ("village", "night", "storm"), {"village"}),
        ("Mia explores the forest at dawn in thick fog and finds a lost fox", ("forest", "dawn", "fog"), {"forest"}),
        (
            "Detective Kim chases a thief through the city at night in the rain",
            ("city", "night", "rain"),
            {"city"},
        ),
        ("Sam has a big exam at school on a sunny day", ("school", "day", "clear"), {"school"}),
        (
            "Nami sails the open sea and finds a treasure map on the beach",
            ("sea", "day", "clear"),
            {"sea", "beach"},
        ),
        ("Yuki climbs the snowy mountain to find a dragon", ("mountain", "day", "snow"), {"mountain"}),
    ],
)
def test_setting_time_and_weather_are_read_from_the_prompt(prompt, scene, locations):
    script = plan(prompt, panel_count=6)

    first = script.scenes[0]
    assert (first.location, first.time_of_day, first.weather) == scene
    assert {s.location for s in script.scenes} == locations


def test_the_resolution_moves_time_forward_and_clears_the_weather():
    script = plan("Detective Kim chases a thief through the city at night in the rain", panel_count=6)

    last = script.scene_of(script.panels[-1])
    assert (last.time_of_day, last.weather) == ("dawn", "cloudy")
    assert script.panels[-1].caption == "By dawn, the rain had stopped, the thief was gone and the city was safe."


def test_the_same_seed_gives_the_same_script_and_another_seed_rephrases_it():
    first = guide_script(12, seed=7).model_dump_json()

    assert guide_script(12, seed=7).model_dump_json() == first
    assert guide_script(12, seed=8).model_dump_json() != first
    assert json.loads(guide_script(12, seed=8).model_dump_json())["title"] == json.loads(first)["title"]


def test_the_script_is_the_same_in_another_process_with_another_string_hash_seed():
    code = (
        "from sketchdojo.engine.planner import LocalStoryPlanner;"
        "from sketchdojo.engine.providers.base import PlanRequest;"
        f"script = LocalStoryPlanner().plan(PlanRequest(prompt={GUIDE_PROMPT!r}, panel_count=9, seed=5));"
        "print(script.model_dump_json())"
    )
    root = str(Path(__file__).resolve().parents[3])
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": root},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for hash_seed in ("1", "2")
    }

    assert outputs == {plan(panel_count=9, seed=5).model_dump_json() + "\n"}


def test_different_prompts_give_different_scripts():
    storm = plan(panel_count=6)
    cat = plan("Mia meets a talking cat in a rainy city at night and learns to trust again", panel_count=6)

    assert storm.title != cat.title
    assert cat.title == "Mia and the Talking Cat"
    assert {p.description for p in storm.panels}.isdisjoint({p.description for p in cat.panels})


def test_speech_style_changes_the_wording():
    def hero_lines(style: str) -> set[str]:
        hero = CharacterBrief(name="Alex", role="protagonist", personality={"speech_style": style})
        script = plan(panel_count=12, characters=(hero,))
        return {line.text for p in script.panels for line in p.dialogue if line.speaker == "Alex"}

    confident, shy = hero_lines("confident"), hero_lines("shy")
    assert len(confident) >= 6
    assert len(shy) >= 6
    assert confident.isdisjoint(shy)
    assert any(text[1] == "-" for text in shy)  # a shy speaker stammers: "W-what..."


def test_free_text_colours_map_to_stable_hex_values():
    assert colour_of("silver") == "#C8CCD4"
    assert colour_of("electric_blue") == colour_of("Electric Blue") == "#2F8CFF"
    assert colour_of("fair", skin=True) == "#F6D7C3"
    assert colour_of("#a1b2c3") == "#A1B2C3"
    assert colour_of("dark brown") != colour_of("brown")
    assert colour_of("moonbeam") == colour_of("moonbeam")
    assert colour_of("moonbeam") != colour_of("stardust")
    assert colour_of("moonbeam", skin=True) in {
        "#FBE6DA", "#F9E0D0", "#F6D7C3", "#F1C9A5", "#D9A77C", "#C68E5E",
        "#B89466", "#8D5A3B", "#5C3A24", "#4A2C1C", "#3B2418",
    }  # fmt: skip


def test_a_name_that_holds_a_weather_word_does_not_change_the_weather():
    script = plan("Alex Thunder bakes bread at home on a sunny afternoon", panel_count=4, characters=(ALEX,))

    assert (script.scenes[0].location, script.scenes[0].weather) == ("home", "clear")


def test_the_local_provider_is_the_planner():
    assert isinstance(get_llm_provider("local"), LocalStoryPlanner)


@pytest.mark.parametrize(
    ("request_kwargs", "message"),
    [
        ({"prompt": GUIDE_PROMPT, "panel_count": 0}, "panel_count must be between 1 and 20."),
        ({"prompt": GUIDE_PROMPT, "panel_count": 21}, "panel_count must be between 1 and 20."),
        ({"prompt": "   ", "panel_count": 4}, "The story prompt is empty."),
        ({"prompt": GUIDE_PROMPT, "panel_count": 4, "art_style": "cubist"}, "Unknown art style 'cubist'"),
    ],
)
def test_bad_requests_are_refused_with_a_clear_message(request_kwargs, message):
    with pytest.raises(ProviderError) as error:
        LocalStoryPlanner().plan(PlanRequest(**request_kwargs))

    assert str(error.value).startswith(message)


def test_the_art_style_is_carried_into_the_script():
    assert plan(panel_count=2, art_style="Manga").style == "manga"


def test_a_named_villain_is_cast_under_its_own_name_and_the_hero_takes_the_title():
    script = plan("Princess Aurora defeats the evil sorcerer Malakar in the castle at dusk", panel_count=9)

    assert script.title == "Princess Aurora versus Malakar"
    malakar = script.character("Malakar")
    assert (malakar.role, malakar.speech_style) == ("antagonist", "menacing")
    assert malakar.description == "An evil sorcerer in dark robes with a staff of bone."
    aurora = script.character("Princess Aurora")
    assert aurora.description.startswith("Young female with short")
    assert "flowing pink gown" in aurora.description
    assert script.panels[-1].caption == "The next morning, Malakar was gone and the castle was safe."


def test_the_person_to_rescue_is_taken_then_saved():
    script = plan("She must rescue her brother from pirates at sea during a storm at night", panel_count=7)

    brother = next(c for c in script.characters if c.description.endswith("'s brother."))
    taken = next(p for p in script.panels if p.beat == "rising" and brother.name in {c.name for c in p.characters})
    assert taken.description.startswith(f"The pirates seize {brother.name}")
    assert any(p.description.endswith(f"shields {brother.name} from a blow.") for p in script.panels)
    assert (
        script.panels[-1].caption
        == f"By dawn, the storm had passed, the pirates were gone and {brother.name} was safe."
    )


def test_a_story_without_a_villain_ends_on_what_the_hero_did():
    script = plan("Mia meets a talking cat in a rainy city at night and learns to trust again", panel_count=8)

    cat = script.characters[1]
    assert cat.description.startswith("A small cat with")
    assert [c.role for c in script.characters] == ["protagonist", "supporting"]
    assert script.panels[-1].caption == "By dawn, the rain had stopped and Mia had learned to trust again."


def test_a_supporting_project_character_helps_the_hero_the_prompt_names():
    luna = CharacterBrief(name="Luna", role="supporting", description="A healer")

    script = plan(panel_count=5, characters=(luna,))

    assert [(c.name, c.role) for c in script.characters] == [
        ("Alex", "protagonist"),
        ("Luna", "supporting"),
        ("Shadow Monster", "antagonist"),
    ]
    assert script.panels[2].description == "Luna runs toward Alex; behind, the shadow monsters pour toward the village."


def test_a_full_cast_still_fits_the_script_with_the_hero_first():
    briefs = tuple(CharacterBrief(name=f"Villager {i}", role="supporting") for i in range(12))
    duplicate = CharacterBrief(name=" villager 0 ", role="supporting")

    script = plan(panel_count=4, characters=(*briefs, duplicate))

    assert len(script.characters) == 12
    assert (script.characters[0].name, script.characters[0].role) == ("Alex", "protagonist")
    assert [c.name for c in script.characters[1:]] == [f"Villager {i}" for i in range(11)]


def test_the_colour_scheme_recolours_outfits_but_never_hair_eyes_or_skin():
    plain = guide_script().character("Alex Thunder").palette
    schemed = {
        scheme: plan(characters=(ALEX,), color_scheme=scheme).character("Alex Thunder").palette
        for scheme in ("monochrome", "pastel", "neon")
    }

    assert schemed["neon"] == plain
    assert schemed["monochrome"].outfit == "#565656"
    assert schemed["pastel"].outfit == "#969EC0"
    for palette in schemed.values():
        assert (palette.hair, palette.eyes, palette.skin) == (plain.hair, plain.eyes, plain.skin)
