"""Prompt building and answer validation shared by the planners and the artists."""

from __future__ import annotations

import json

import pytest

from sketchdojo.engine.providers.base import PlanRequest, ProviderMalformedOutput
from sketchdojo.engine.providers.prompts import (
    STABILITY_STYLE_PRESETS,
    image_prompt,
    nearest_shape,
    panel_seed,
    parse_script,
    planner_user_prompt,
)
from sketchdojo.engine.providers.stability import ASPECT_RATIOS
from sketchdojo.engine.providers.tests.samples import draw_request, script_payload
from sketchdojo.engine.script import ArtStyle


def test_every_art_style_has_a_stability_preset_from_its_published_list():
    published = {
        "3d-model", "analog-film", "anime", "cinematic", "comic-book", "digital-art", "enhance", "fantasy-art",
        "isometric", "line-art", "low-poly", "modeling-compound", "neon-punk", "origami", "photographic",
        "pixel-art", "tile-texture",
    }  # fmt: skip

    assert set(STABILITY_STYLE_PRESETS) == set(ArtStyle)
    assert set(STABILITY_STYLE_PRESETS.values()) <= published


@pytest.mark.parametrize(
    ("size", "ratio"),
    [((800, 520), "3:2"), ((800, 640), "5:4"), ((800, 800), "1:1"), ((900, 1600), "9:16"), ((1600, 900), "16:9")],
)
def test_the_aspect_ratio_is_the_nearest_stability_offers(size, ratio):
    assert nearest_shape(*size, ASPECT_RATIOS) == ratio


def test_the_image_prompt_keeps_text_out_and_names_every_character_present():
    prompt = image_prompt(draw_request(shot="close_up", style="comic"))

    assert prompt.startswith("American comic book art")
    assert "close-up on the face and shoulders" in prompt
    assert "Mina: A wiry teenage courier with a red scarf; determined expression" in prompt
    assert "ponytail hair" not in prompt  # the look is never rebuilt from the palette
    assert "Jun" not in prompt
    assert prompt.endswith("no text, no speech bubbles, no lettering.")


def test_providers_send_the_panel_seed_the_request_carries():
    assert panel_seed(draw_request()) == 31
    assert panel_seed(draw_request(with_character=False)) == 31


def test_the_planner_prompt_carries_free_character_descriptions_and_the_outline():
    request = PlanRequest(
        prompt="A duel at dawn.",
        panel_count=5,
        art_style="manga",
        character_descriptions=("Kai, a swordsman with a scar over one eye",),
        story_outline="Two rivals meet again.",
    )

    prompt = planner_user_prompt(request)

    assert "- Kai, a swordsman with a scar over one eye" in prompt
    assert "Story outline: Two rivals meet again." in prompt
    assert 'Art style: manga (set "style" to "manga").' in prompt
    assert "Number of panels: exactly 5." in prompt


def test_a_fenced_json_answer_is_accepted_and_given_the_requested_style(plan_request):
    answer = "```json\n" + json.dumps(script_payload(3)) + "\n```"

    script = parse_script(answer, plan_request, provider="openai")

    assert len(script.panels) == 3
    assert script.style == ArtStyle.WEBTOON


def test_an_answer_that_breaks_the_script_rules_names_the_problem(plan_request):
    answer = script_payload(3)
    answer["panels"][0]["shot"] = "dutch_angle"

    with pytest.raises(ProviderMalformedOutput) as raised:
        parse_script(answer, plan_request, provider="anthropic")

    assert str(raised.value).startswith("panels.0.shot: Input should be 'extreme_wide'")
    assert raised.value.provider == "anthropic"


def test_a_json_array_is_not_a_script(plan_request):
    with pytest.raises(ProviderMalformedOutput, match="not a JSON object"):
        parse_script("[1, 2]", plan_request, provider="openai")
