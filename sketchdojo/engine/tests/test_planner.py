# ruff: noqa: RUF001
"""The offline story planner (`local` LLM provider): request checks, briefs read in full, colours, determinism.

The stories themselves (place, cast, quotes, language, ending) are in test_planner_stories.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sketchdojo.engine.planner import LocalStoryPlanner
from sketchdojo.engine.planner.cast import colour_of
from sketchdojo.engine.planner.reader import read_prompt
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

    assert [p.sequence for p in script.panels] == list(range(1, panel_count + 1))
    assert script.panels[-1].beat == ("establishing" if panel_count == 1 else "resolution")


def test_the_same_seed_gives_the_same_script():
    assert guide_script(12, seed=7).model_dump_json() == guide_script(12, seed=7).model_dump_json()


def test_the_project_brief_reaches_the_look_in_full():
    alex = guide_script().character("Alex Thunder")

    assert (alex.kind, alex.role, alex.hair_style, alex.build, alex.skin_tone, alex.gender) == (
        "human", "protagonist", "spiky", "athletic", "pale", "masculine",
    )  # fmt: skip
    assert (alex.palette.hair, alex.palette.eyes, alex.palette.skin) == ("#C8CCD4", "#2F8CFF", "#F9E0D0")
    assert alex.speech_style == "confident"
    assert alex.distinctive_features == ["lightning-shaped scar on forehead"]


def test_a_description_in_the_prompt_is_read_in_full():
    script = plan(
        "Mara, a tall old woman with long wavy red hair, green eyes and dark skin, wears a yellow raincoat, "
        "a blue scarf and round glasses. Mara walks in the park.",
        panel_count=3,
    )
    mara = script.character("Mara")

    assert (mara.hair_style, mara.build, mara.age, mara.gender, mara.skin_tone, mara.outfit) == (
        "long", "tall", "elder", "feminine", "dark", "raincoat",
    )  # fmt: skip
    assert mara.accessories == ["scarf", "glasses"]
    assert (mara.palette.hair, mara.palette.eyes, mara.palette.skin) == (
        colour_of("red"), colour_of("green"), "#5C3A24",
    )  # fmt: skip
    assert mara.palette.outfit == colour_of("yellow")
    assert mara.palette.accent == colour_of("blue")
    assert "long red hair" in mara.description and "yellow raincoat" in mara.description


def test_blonde_and_silver_hair_are_different_colours():
    blonde = plan("Ines has blonde hair. Ines reads.", panel_count=2).character("Ines").palette.hair
    silver = plan("Ines has silver hair. Ines reads.", panel_count=2).character("Ines").palette.hair

    assert (blonde, silver) == ("#E9CF86", "#C8CCD4")


def test_an_animals_colour_is_its_fur():
    miso = plan("Miso, a black cat, sleeps on the sofa. Miso dreams.", panel_count=2).character("Miso")

    assert (miso.kind, miso.palette.hair, miso.palette.skin) == ("cat", colour_of("black"), colour_of("black"))


def test_a_prompt_with_nobody_in_it_is_a_webtoon_of_the_place_with_no_invented_hero():
    script = plan("Rain falls on the empty street at night. The lamps flicker.", panel_count=3)

    assert script.characters == []
    assert [(s.location, s.time_of_day, s.weather) for s in script.scenes] == [("street", "night", "rain")]
    assert [p.caption for p in script.panels] == [
        None,
        "Rain falls on the empty street at night.",
        "The lamps flicker.",
    ]
    assert all(p.dialogue == [] and p.characters == [] for p in script.panels)


def test_a_lone_character_thinks_about_what_the_prompt_says_they_do():
    lines = [d.text for p in guide_script(4).panels for d in p.dialogue]

    assert lines == [  # Alex's brief says he speaks confidently
        "Listen. My lightning powers. I can't stop now.",
        "Listen. My lightning powers... here, in the village?",
    ]


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


def test_the_local_provider_is_the_planner():
    assert isinstance(get_llm_provider("local"), LocalStoryPlanner)


@pytest.mark.parametrize(
    ("request_kwargs", "message"),
    [
        ({"prompt": GUIDE_PROMPT, "panel_count": 0}, "panel_count must be between 1 and 20."),
        ({"prompt": GUIDE_PROMPT, "panel_count": 21}, "panel_count must be between 1 and 20."),
        ({"prompt": "   ", "panel_count": 4}, "The story prompt is empty."),
        ({"prompt": "... !!!", "panel_count": 4}, "The story prompt has no words to tell a story with."),
        ({"prompt": GUIDE_PROMPT, "panel_count": 4, "art_style": "cubist"}, "Unknown art style 'cubist'"),
    ],
)
def test_bad_requests_are_refused_with_a_clear_message(request_kwargs, message):
    with pytest.raises(ProviderError) as error:
        LocalStoryPlanner().plan(PlanRequest(**request_kwargs))

    assert str(error.value).startswith(message)


def test_the_art_style_is_carried_into_the_script():
    assert plan(panel_count=2, art_style="Manga").style == "manga"


def test_the_colour_scheme_recolours_outfits_but_never_hair_eyes_or_skin():
    plain = guide_script().character("Alex Thunder").palette
    schemed = {
        scheme: plan(characters=(ALEX,), color_scheme=scheme).character("Alex Thunder").palette
        for scheme in ("monochrome", "pastel", "neon")
    }

    grey = schemed["monochrome"].outfit

    assert schemed["neon"] == plain
    assert grey[1:3] == grey[3:5] == grey[5:7]
    assert schemed["pastel"].outfit not in (plain.outfit, grey)
    for palette in schemed.values():
        assert (palette.hair, palette.eyes, palette.skin) == (plain.hair, plain.eyes, plain.skin)


def test_a_hair_style_word_carries_the_hair_colour_and_wins_over_the_length():
    script = LocalStoryPlanner().plan(
        PlanRequest(
            prompt="Nina works the night shift at the hospital. The robot Bip brings her a cake.",
            panel_count=3,
            characters=(CharacterBrief(name="Nina", description="a nurse with a short black bob and glasses"),),
        )
    )
    nina = script.character("Nina")

    assert (nina.hair_style, nina.palette.hair, nina.accessories) == ("bob", colour_of("black"), ["glasses"])


def test_a_russian_brief_gives_hair_and_eye_colours_and_gender():
    script = plan(
        "Ольга, женщина с рыжими волосами и зелёными глазами, печёт торт в пекарне утром. Она улыбается.",
        panel_count=3,
    )
    olga = script.character("Ольга")

    assert (olga.palette.hair, olga.palette.eyes, olga.gender) == (colour_of("ginger"), colour_of("green"), "feminine")
    assert [scene.location for scene in script.scenes] == ["bakery"]


def test_russian_first_names_give_their_gender_when_the_brief_does_not():
    script = plan("Сергей и Никита ждут Анну на вокзале. Анна приходит. Саша машет рукой.", panel_count=4)

    assert {c.name: c.gender for c in script.characters} == {
        "Сергей": "masculine",
        "Никита": "masculine",
        "Анна": "feminine",
        "Саша": "neutral",
    }


def test_a_harbor_is_the_harbor_town_not_the_open_sea():
    script = plan("Rosa sails out at dawn. A storm rises over the sea. They reach the harbor at night.", panel_count=4)

    assert [scene.location for scene in script.scenes] == ["sea", "harbor_town"]


@pytest.mark.parametrize(
    ("prompt", "actions"),
    [
        ("Tom comes home late.", []),  # not Spanish 'come' (eats)
        ("Mara lit a candle.", []),  # not French 'lit' (reads)
        ("Tom is sort of tired.", []),  # not French 'sort' (a spell)
        ("Ana walks into the courtyard.", ["walking"]),  # not French 'court' (runs)
        ("Marie court vers la gare. Elle mange.", ["running", "eating"]),
    ],
)
def test_english_words_are_not_read_as_another_languages_verbs(prompt, actions):
    reading = read_prompt(prompt, [])

    assert [a.value for s in reading.sentences for a in s.actions] == actions


def test_a_german_name_that_starts_a_sentence_before_its_verb_is_cast_and_adverbs_are_not():
    script = plan(
        "Jonas trainiert auf dem verschneiten Berg. Plötzlich kommt ein Wolf aus dem Wald. Lena rennt zum Dorf.",
        panel_count=4,
    )

    assert [(c.name, c.kind) for c in script.characters] == [("Jonas", "human"), ("Wolf", "wolf"), ("Lena", "human")]
    assert [scene.location for scene in script.scenes] == ["mountain", "forest", "village"]
