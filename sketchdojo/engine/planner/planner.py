"""`LocalStoryPlanner`: the offline, deterministic LLM provider (`local`), the embedded default.

A user with no API keys still gets a real story: the prompt (with the project's outline, title and
character descriptions) is read for events, threat, power, goal, places, times and weather; the
cast is built from the project's characters and completed from the story; the storyboard lays the
moments on establishing -> rising -> climax -> resolution across exactly `panel_count` panels. The
same request and seed always give the same script; another seed rephrases it.
"""

from __future__ import annotations

import random
import re

from pydantic import ValidationError

from sketchdojo.engine.planner import lexicon
from sketchdojo.engine.planner.cast import CastMember, apply_colour_scheme, build_cast, stable_seed
from sketchdojo.engine.planner.reading import LOCATION_PATTERN, StoryReading, read_story
from sketchdojo.engine.planner.storyboard import Storyboard, beat_plan, scene_and_panels
from sketchdojo.engine.providers.base import LLMProvider, PlanRequest, ProviderError, ProviderMalformedOutput
from sketchdojo.engine.script import MAX_PANELS, ArtStyle, Script, Weather

_FANTASY_WORDS = re.compile(r"\b(mage|magic|wizard|witch|knight|sword|dragon|spell|kingdom|elf|sorcer\w*)\b")
_MODERN_SCHOOL = re.compile(r"\b(student|class|exam|homework|teacher)\b")
_TITLE_WEATHER = {Weather.STORM: "Storm", Weather.RAIN: "Rain", Weather.SNOW: "Snow", Weather.FOG: "Mist"}


class LocalStoryPlanner(LLMProvider):
    """Plans a webtoon script from text alone, with no network and no model."""

    name = "local"

    def plan(self, request: PlanRequest) -> Script:
        panel_count = request.panel_count
        if not isinstance(panel_count, int) or not 1 <= panel_count <= MAX_PANELS:
            raise ProviderError(f"panel_count must be between 1 and {MAX_PANELS}.", provider=self.name)
        try:
            style = ArtStyle(str(request.art_style).strip().lower())
        except ValueError:
            choices = ", ".join(s.value for s in ArtStyle)
            raise ProviderError(
                f"Unknown art style {request.art_style!r}; choose one of {choices}.", provider=self.name
            ) from None
        text = _story_text(request)
        if not text:
            raise ProviderError("The story prompt is empty.", provider=self.name)

        hero_brief = next((b for b in request.characters if b.role == "protagonist"), None)
        hero_gender = str((hero_brief.appearance or {}).get("gender", "")) if hero_brief else ""
        cast_text = " ".join(
            [*(f"{b.description} {b.name}" for b in request.characters), *request.character_descriptions]
        )
        reading = read_story(
            text,
            cast_names=[b.name for b in request.characters],
            cast_text=cast_text,
            hero_gender=hero_gender,
        )
        main_place = _main_place(reading, f"{text} {cast_text}".lower(), request.project_title or "")
        cast = build_cast(
            request.characters,
            reading,
            character_descriptions=request.character_descriptions,
            main_place=reading.goal_place or main_place,
        )
        apply_colour_scheme(cast, request.color_scheme or "")
        rng = random.Random(stable_seed("plan", str(request.seed), text))
        board = Storyboard(reading, cast, rng, main_place=main_place)
        scenes, panels = scene_and_panels(board, beat_plan(panel_count))
        try:
            return Script.model_validate(
                {
                    "title": _title(reading, board, cast)[:200],
                    "synopsis": _synopsis(reading, board),
                    "style": style,
                    "characters": [m.character for m in cast],
                    "scenes": scenes,
                    "panels": panels,
                }
            )
        except ValidationError as error:
            raise ProviderMalformedOutput(
                f"The offline planner could not build a valid script: {error.errors()[0]['msg']}", provider=self.name
            ) from error


def _story_text(request: PlanRequest) -> str:
    parts = [request.prompt or "", request.story_outline or ""]
    sentences = [p.strip().rstrip(".") for p in parts if p and p.strip()]
    return ". ".join(sentences) + ("." if sentences else "")


def _main_place(reading: StoryReading, lowered: str, project_title: str) -> str:
    """Where the story happens when the text does not say: the project title's place, the threat's
    lair, else by genre."""
    if reading.places:
        return reading.places[0][1]
    titled = LOCATION_PATTERN.search(project_title.lower())
    if titled:
        return lexicon.LOCATION_WORDS[titled.group(1)]
    if reading.threat and not reading.threat.is_disaster:
        return reading.threat.lair
    if _MODERN_SCHOOL.search(lowered):
        return "school"
    if _FANTASY_WORDS.search(lowered):
        return "village"
    return "city"


def _title(reading: StoryReading, board: Storyboard, cast: list[CastMember]) -> str:
    hero = board.hero.call_name
    threat = reading.threat
    weather = _TITLE_WEATHER.get(board.weather)
    if threat and not threat.is_disaster:
        if threat.name:
            return f"{hero} versus {threat.name}"
        if weather and threat.modifier:
            modifier = threat.modifier.capitalize()
            plural = modifier + "s" if modifier in ("Shadow", "Ghost", "Flame", "Demon", "Spirit") else modifier
            return f"{hero} and the {weather} of {plural}"
        return f"{hero} and the {' '.join(w.capitalize() for w in threat.label.split())}"
    if threat:
        return f"{hero} and the {threat.noun.capitalize()}"
    for event in reading.events:
        if event.kind not in ("meet", "search", "discover", "build") or not event.obj:
            continue
        words = re.split(r"\b(?:in|at|on|during|and|who|while|through|to|that|with|from)\b", event.obj)[0].split()
        words = [w for w in words if w not in ("a", "an", "the", "his", "her", "their", "its", "some")][:3]
        if words and not any(w in lexicon.LOCATION_WORDS for w in words):
            return f"{hero} and the {' '.join(w.capitalize() for w in words)}"
    if reading.element:
        return f"{hero} and the {reading.element.capitalize()} Within"
    return f"{hero} of the {board.climax_place.capitalize()}"


def _synopsis(reading: StoryReading, board: Storyboard) -> str:
    opening = board.setting_caption(board.stage("establishing"))
    story = reading.text.strip()
    if board.threat and not board.threat.is_disaster:
        verb = "are" if board.threat.is_plural else "is"
        foe = board.threat.name or f"the {board.threat.label}"
        ending = f"{board.after_phrase}, {foe} {verb} beaten and the {board.climax_place} is safe."
    elif board.threat:
        ending = f"{board.after_phrase}, the {board.threat.noun} is behind them and {board.hero.call_name} is safe."
    else:
        ending = f"{board.after_phrase}, {board.ending()}."
    people = lexicon.PLACE_PEOPLE.get(board.climax_place)
    if people and board.threat and not board.threat.is_disaster:
        ending = ending.rstrip(".") + f", its {people[0]} cheering."
    return f"{opening} {story} {ending}"[:2000]
