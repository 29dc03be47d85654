"""The engine's series memory: offline recaps, folding them in, and planning episode N from them."""

from sketchdojo.engine.planner import LocalStoryPlanner
from sketchdojo.engine.providers.base import PlanRequest
from sketchdojo.engine.providers.prompts import planner_user_prompt
from sketchdojo.engine.script import PanelCharacter
from sketchdojo.engine.series import (
    CharacterState,
    EpisodeRecap,
    EpisodeSummary,
    RecapRequest,
    SeriesContext,
    StoryMemory,
    keep_series_looks,
    memory_with_episode,
    previously_caption,
    recap_offline,
)

PROMPT = 'Mina finds a glowing map in the old library. Her cat Biscuit knocks over a lamp. "We follow it," Mina says.'


def _episode_one():
    return LocalStoryPlanner().plan(PlanRequest(prompt=PROMPT, panel_count=4, seed=1))


def test_the_offline_recap_tells_the_story_and_where_it_ends():
    script = _episode_one()

    recap = recap_offline(RecapRequest(script=script, episode_number=1))

    last = script.panels[-1]
    ending = " and ".join(c.name for c in last.characters)
    assert recap.summary == f"{PROMPT} It ends at the library with {ending}."
    mina = next(c for c in recap.characters if c.name == "Mina")
    assert mina.location == "library"
    assert "said: “We follow it”" in mina.knows


def test_a_recap_is_folded_into_the_memory_keeping_older_knowledge():
    memory = StoryMemory(
        episodes=[EpisodeSummary(episode_number=1, title="One", summary="First.")],
        characters=[
            CharacterState(name="Mina", location="library", knows=["the map glows"], relationships={"Biscuit": "cat"})
        ],
    )
    recap = EpisodeRecap(
        summary="Second.",
        characters=[
            CharacterState(
                name="Mina", location="forest", knows=["the storm hides a door"], relationships={"Jae": "rival"}
            ),
            CharacterState(name="Jae", location="forest"),
        ],
    )

    updated = memory_with_episode(memory, episode_number=2, title="Two", recap=recap)

    assert [(e.episode_number, e.title, e.summary) for e in updated.episodes] == [
        (1, "One", "First."),
        (2, "Two", "Second."),
    ]
    mina = updated.characters[0]
    assert mina.location == "forest"
    assert mina.knows == ["the map glows", "the storm hides a door"]
    assert mina.relationships == {"Biscuit": "cat", "Jae": "rival"}
    assert [c.name for c in updated.characters] == ["Mina", "Jae"]
    again = memory_with_episode(updated, episode_number=2, title="Two", recap=EpisodeRecap(summary="Redone."))
    assert [e.summary for e in again.episodes] == ["First.", "Redone."]


def test_recurring_characters_keep_the_look_the_series_gave_them():
    first = _episode_one()
    other = LocalStoryPlanner().plan(PlanRequest(prompt=PROMPT, panel_count=4, seed=777))
    assert other.character("Mina").seed != first.character("Mina").seed

    kept = keep_series_looks(other, first.characters)

    for name in ("Mina", "Biscuit"):
        assert kept.character(name).palette == first.character(name).palette
        assert kept.character(name).seed == first.character(name).seed
        assert kept.character(name).description == first.character(name).description


def test_episode_two_opens_with_previously_and_keeps_its_own_caption_after_it():
    memory = StoryMemory(episodes=[EpisodeSummary(episode_number=1, summary="Mina found a map. It glows.")])
    context = SeriesContext(episode_number=2, memory=memory, cast=tuple(_episode_one().characters))
    alone = LocalStoryPlanner().plan(PlanRequest(prompt="The map leads to a forest. A storm breaks.", panel_count=2))

    script = LocalStoryPlanner().plan(
        PlanRequest(prompt="The map leads to a forest. A storm breaks.", panel_count=2, series=context)
    )

    first = script.panels[0]
    assert first.caption == "Previously… Mina found a map. It glows."
    if alone.panels[0].caption:
        assert first.dialogue[0].text == alone.panels[0].caption
        assert first.dialogue[0].speaker is None
    assert {"Mina", "Biscuit"} <= {c.name for c in script.characters}
    first_with_mina = first.model_copy(update={"characters": [PanelCharacter(name="Mina")]})
    staged = script.model_copy(update={"panels": [first_with_mina, *script.panels[1:]]})
    recap = recap_offline(RecapRequest(script=staged, episode_number=2))
    mina = next(c for c in recap.characters if c.name == "Mina")
    assert mina.knows and not any(fact.startswith("Previously") for fact in mina.knows)


def test_a_first_episode_has_no_previously():
    assert previously_caption(SeriesContext(episode_number=1)) is None
    assert previously_caption(None) is None


def test_the_llm_prompt_carries_the_series():
    memory = StoryMemory(
        episodes=[EpisodeSummary(episode_number=1, title="The Map", summary="Mina found a map.")],
        characters=[
            CharacterState(
                name="Mina", location="library", knows=["the map glows"], relationships={"Biscuit": "her cat"}
            )
        ],
    )
    cast = tuple(_episode_one().characters)
    request = PlanRequest(prompt="Into the forest.", panel_count=3, series=SeriesContext(2, memory, cast))

    prompt = planner_user_prompt(request)

    assert "This is episode 2 of a series." in prompt
    assert "- Episode 1 “The Map”: Mina found a map." in prompt
    assert f"- Mina (human): {cast[0].description}" in prompt
    assert "- Mina, last at: library; knows: the map glows; relationships: Biscuit: her cat" in prompt
    assert "episode" not in planner_user_prompt(PlanRequest(prompt="Into the forest.", panel_count=3)).lower()


def test_a_long_previously_is_cut_at_a_sentence():
    summary = "Mina finds a map. " + "The forest is very dark and full of strange noises. " * 6
    context = SeriesContext(
        episode_number=2, memory=StoryMemory(episodes=[EpisodeSummary(episode_number=1, summary=summary)])
    )

    caption = previously_caption(context)

    assert caption == "Previously… Mina finds a map. " + " ".join(
        ["The forest is very dark and full of strange noises."] * 2
    )
    assert len(caption) <= 180
