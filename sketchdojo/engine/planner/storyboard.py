"""Laying a read story out as panels: beats, stages (scenes), shots, cast placement, lines, captions, SFX.

The story shape is establishing -> rising -> climax -> resolution. `beat_plan` spreads exactly
`panel_count` panels over it. Each beat has candidate *moments* drawn from the story's events
(a discovery gives the strike, the reveal and the first test of the power; a threat gives the alarm,
the confrontation, the clash, the final strike...), each with a priority: short scripts keep the
moments that carry the story, long ones use them all and add reaction and detail panels. The stage
of a moment (which place, its approach or its heart, before or after the trouble) decides the scene,
so scenes change when the place, time or weather does.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sketchdojo.engine.planner import lexicon
from sketchdojo.engine.planner.cast import CastMember
from sketchdojo.engine.planner.reading import Event, StoryReading
from sketchdojo.engine.planner.voice import Voice
from sketchdojo.engine.script import (
    Action,
    BubbleStyle,
    DialogueLine,
    Expression,
    PanelCharacter,
    PanelScript,
    Scene,
    Shot,
    StagePosition,
    TimeOfDay,
    Weather,
)

BEATS = ("establishing", "rising", "climax", "resolution")
_BEAT_WEIGHTS = (0.2, 0.35, 0.3, 0.15)
_BEAT_SHOTS = {
    "establishing": (Shot.EXTREME_WIDE, Shot.WIDE, Shot.MEDIUM),
    "rising": (Shot.MEDIUM, Shot.WIDE, Shot.CLOSE_UP),
    "climax": (Shot.CLOSE_UP, Shot.WIDE, Shot.EXTREME_CLOSE_UP, Shot.MEDIUM),
    "resolution": (Shot.WIDE, Shot.MEDIUM, Shot.CLOSE_UP),
}
_MOODS = {
    "establishing": ("calm", "ominous"),
    "rising": ("curious", "tense"),
    "climax": ("intense", "intense"),
    "resolution": ("hopeful", "triumphant"),
}
_TIME_WORDS = {
    TimeOfDay.NIGHT: ("night", "tonight", "Night fell"),
    TimeOfDay.DAWN: ("morning", "this morning", "Dawn broke"),
    TimeOfDay.DUSK: ("evening", "this evening", "The sun was setting"),
    TimeOfDay.DAY: ("day", "today", "The day was bright"),
}
_WEATHER_CLAUSE = {
    Weather.STORM: "a storm raged over {where}",
    Weather.RAIN: "rain drummed on {where}",
    Weather.SNOW: "snow blanketed {where}",
    Weather.FOG: "fog crept through {where}",
    Weather.CLOUDY: "clouds hung low over {where}",
    Weather.CLEAR: "all was quiet at {where}",
}
_WEATHER_NOUN = {
    Weather.STORM: "storm",
    Weather.RAIN: "rain",
    Weather.SNOW: "snow",
    Weather.FOG: "fog",
    Weather.CLOUDY: "wind",
    Weather.CLEAR: "silence",
}
_ON_PLACES = (
    "the outskirts",
    "a rooftop",
    "the deck",
    "a sandy beach",
    "the shoreline",
    "a narrow",
    "the mountain summit",
    "a path",
    "a wide city avenue",
    "endless dunes",
)
_AT_PLACES = ("the school gates", "the drawbridge", "the heart", "the bridge", "a starship window", "the middle")
_CLEARED_SKY = {
    Weather.STORM: "the storm had passed",
    Weather.RAIN: "the rain had stopped",
    Weather.FOG: "the fog had lifted",
    Weather.SNOW: "the snow lay still",
    Weather.CLOUDY: "the clouds had parted",
}
_WEATHER_SKY = {
    Weather.STORM: "under a churning storm, lightning splitting the black clouds",
    Weather.RAIN: "in pouring rain",
    Weather.SNOW: "in falling snow",
    Weather.FOG: "wrapped in drifting fog",
    Weather.CLOUDY: "under grey clouds",
    Weather.CLEAR: "under a clear sky",
}


def beat_plan(panel_count: int) -> list[str]:
    """Which beat each panel serves: 1 -> a climactic panel, 2 -> setup and payoff, 3 -> + resolution."""
    if panel_count == 1:
        return ["climax"]
    if panel_count == 2:
        return ["establishing", "climax"]
    if panel_count == 3:
        return ["establishing", "climax", "resolution"]
    counts = [max(1, round(panel_count * w)) for w in _BEAT_WEIGHTS]
    while sum(counts) > panel_count:
        reducible = [i for i in range(4) if counts[i] > 1]
        counts[max(reducible, key=lambda i: (counts[i] / _BEAT_WEIGHTS[i], i))] -= 1
    while sum(counts) < panel_count:
        index = min((1, 2), key=lambda i: counts[i] / _BEAT_WEIGHTS[i])
        counts[index] += 1
    return [beat for beat, count in zip(BEATS, counts, strict=True) for _ in range(count)]


@dataclass(frozen=True)
class Stage:
    """Where and when a panel happens; equal stages share a scene."""

    place: str
    part: str  # approach or heart
    time: TimeOfDay
    weather: Weather
    mood: str = field(default="calm", compare=False)


@dataclass
class Draft:
    """One panel before it is numbered: what the moment decided."""

    key: str
    beat: str
    stage: Stage
    shots: tuple[Shot, ...]
    description: str
    characters: list[PanelCharacter] = field(default_factory=list)
    dialogue: list[DialogueLine] = field(default_factory=list)
    caption: str | None = None
    sfx: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Candidate:
    key: str
    priority: int
    event: Event | None = None


class Storyboard:
    """Turns a reading and a cast into scenes and panels, deterministically for one seeded rng."""

    def __init__(self, reading: StoryReading, cast: list[CastMember], rng: random.Random, *, main_place: str):
        self.reading = reading
        self.cast = cast
        self.rng = rng
        self.hero = next(m for m in cast if m.part == "hero")
        self.villain = next((m for m in cast if m.part == "antagonist"), None)
        self.helper = next((m for m in cast if m.part in ("helper", "companion")), None)
        self.threat = reading.threat
        self.element = reading.element
        self._plan_places(main_place)
        self._plan_times()
        self.voice = Voice(rng, self._words())
        self._said_intro = False

    # --- stages ---------------------------------------------------------------------------------------

    def _plan_places(self, main_place: str) -> None:
        reading = self.reading
        ordered = [canonical for _, canonical in reading.places]
        self.start_place = ordered[0] if ordered else main_place
        climax_event = next((e for e in reading.events if lexicon.EVENT_BEAT[e.kind] == "climax" and e.place), None)
        if reading.goal_place:
            self.climax_place = reading.goal_place
        elif climax_event:
            self.climax_place = climax_event.place or self.start_place
        else:
            self.climax_place = ordered[-1] if ordered else main_place
        word = next((w for w, c in reading.places if c == self.climax_place), self.climax_place)
        self.place_word = word if word in lexicon.PLACE_PEOPLE or " " not in word else self.climax_place

    def _plan_times(self) -> None:
        reading = self.reading
        weathers = list(dict.fromkeys(reading.weathers))
        self.weather = weathers[0] if weathers else Weather.CLEAR
        self.climax_weather = weathers[-1] if weathers else self.weather
        times = list(dict.fromkeys(reading.times))
        default = {Weather.STORM: TimeOfDay.NIGHT, Weather.FOG: TimeOfDay.DAWN}.get(self.weather, TimeOfDay.DAY)
        self.time = times[0] if times else default
        self.climax_time = times[-1] if times else self.time
        self.after_time, self.after_phrase = lexicon.NEXT_TIME[self.climax_time]
        self.after_weather = lexicon.CLEARED_WEATHER[self.climax_weather]

    def stage(self, beat: str, event: Event | None = None) -> Stage:
        dark = bool(self.threat)
        mood = _MOODS[beat][1 if dark else 0]
        if beat == "resolution":
            return Stage(self.climax_place, "heart", self.after_time, self.after_weather, mood)
        if beat == "climax":
            return Stage(self.climax_place, "heart", self.climax_time, self.climax_weather, mood)
        place = (event.place if event and event.place else None) or self.start_place
        part = "approach" if place == self.climax_place and self.start_place == self.climax_place else "heart"
        time = event.time if event and event.time else self.time
        weather = event.weather if event and event.weather else self.weather
        return Stage(place, part, time, weather, mood)

    # --- words ----------------------------------------------------------------------------------------

    def _words(self) -> dict[str, str]:
        threat = (self.threat.name or self.threat.label) if self.threat else "trouble"
        plural = bool(self.threat and self.threat.is_plural)
        goal = self._goal_phrase()
        time_noun, time_phrase, _ = _TIME_WORDS[self.time]
        power = self.element or "power"
        return {
            "hero": self.hero.call_name,
            "place": self.climax_place,
            "goal": goal,
            "threat": threat,
            "threat_cap": threat[:1].upper() + threat[1:],
            "the_threat_cap": self._threat_text()[:1].upper() + self._threat_text()[1:],
            "power": power,
            "power_cap": power.capitalize(),
            "time_noun": time_noun,
            "time_noun_cap": time_noun.capitalize(),
            "time_phrase": time_phrase,
            "place_in": lexicon.PLACE_IN.get(self.climax_place, f"in the {self.climax_place}"),
            "weather_noun": _WEATHER_NOUN[self.weather],
            "object": "this",
            "are": "are" if plural else "is",
            "they_re": "They're" if plural else "It's",
        }

    def _goal_phrase(self) -> str:
        text = self.reading.goal_text
        if not text:
            return f"this {self.climax_place}"
        words = text.split()
        if words[0] in ("his", "her", "their", "our"):
            words[0] = "my" if words[0] != "our" else "our"
        return " ".join(words[:4])

    @property
    def subject(self) -> str:
        return self.hero.call_name

    @property
    def pos(self) -> str:
        return {"he": "his", "she": "her"}.get(self.hero.pronoun, "their")

    def at(self, stage: Stage, *, capital: bool = False) -> str:
        """'on the outskirts of the village...', 'in a clearing deep in the forest...'."""
        where = self.where(stage)
        preposition = "on" if where.startswith(_ON_PLACES) else "at" if where.startswith(_AT_PLACES) else "in"
        return f"{preposition.capitalize() if capital else preposition} {where}"

    def where(self, stage: Stage) -> str:
        return lexicon.LOCATION_SETTINGS.get(stage.place, {}).get(stage.part, f"the {stage.place}")

    def setting_caption(self, stage: Stage) -> str:
        _, _, opening = _TIME_WORDS[stage.time]
        where = "the edge of the " + stage.place if stage.part == "approach" else "the " + stage.place
        return f"{opening}, and {_WEATHER_CLAUSE[stage.weather].format(where=where)}."

    # --- candidates -----------------------------------------------------------------------------------

    def candidates(self, beat: str, beat_events: list[Event]) -> list[Candidate]:
        threat = self.threat
        if beat == "establishing":
            found = [Candidate("vista", 2), Candidate("arrival", 1)]
            if threat:
                found.append(Candidate("omen", 3))
            if self.helper and self._helper_on_stage("establishing"):
                found.append(Candidate("helper_intro", 4))
            return found
        if beat == "rising":
            found = []
            for event in beat_events:
                found += [Candidate(key, prio, event) for key, prio in _EVENT_MOMENTS.get(event.kind, (("event", 1),))]
            if threat:
                found += [Candidate("alarm", 1 if not found else 2), Candidate("resolve", 3), Candidate("rush", 6)]
            unique = list({c.key: c for c in reversed(found)}.values())[::-1]  # a moment once, for its first event
            return unique or [Candidate("event", 1), Candidate("resolve", 2)]
        if beat == "climax":
            kinds = {e.kind for e in beat_events}
            escaping = "escape" in kinds or bool(threat and threat.is_disaster)
            if threat and escaping and not kinds & {"fight", "save"}:
                event = next((e for e in beat_events if e.kind == "escape"), None)
                found = [Candidate("chase", 2), Candidate("setback", 4)]
                if self.helper:
                    found.append(Candidate("rescue", 5))
                if self.element:
                    found.append(Candidate("power_up", 3))
                found.append(Candidate("leap", 1))
                return [Candidate(c.key, c.priority, event) for c in found]
            if threat:
                saving = bool(self.helper and self.is_goal(self.helper))
                found = [Candidate("confront", 3 if saving else 2), Candidate("clash", 4)]
                if self.helper:
                    found.append(Candidate("rescue", 2 if self.is_goal(self.helper) else 7))
                found += [Candidate("setback", 6), Candidate("power_up", 3), Candidate("final_strike", 1)]
                if not threat.is_disaster:
                    found.append(Candidate("defeat", 5))
                if escaping:
                    found.append(Candidate("leap", 8))
                event = beat_events[0] if beat_events else None
                return [Candidate(c.key, c.priority, event) for c in found]
            event = beat_events[-1] if beat_events else None
            return [Candidate("tension", 2, event), Candidate("peak", 1, event), Candidate("triumph", 3, event)]
        found = [Candidate("aftermath", 1), Candidate("reflect", 3), Candidate("celebrate", 4)]
        if self.helper and self.threat:
            found.insert(1, Candidate("gratitude", 2))
        elif self.helper:
            found.insert(1, Candidate("bond", 2))
        return found

    # --- moments --------------------------------------------------------------------------------------

    def draft(self, candidate: Candidate, beat: str, *, is_first: bool, is_only: bool) -> Draft:
        builder: Callable[..., Draft] = getattr(self, f"_m_{candidate.key}")
        draft = builder(candidate.event, beat)
        if is_first and draft.key != "vista":
            setting = self.setting_caption(draft.stage)
            draft.caption = self.voice.claim(f"{setting} {draft.caption}" if draft.caption else setting)
        if is_only:
            draft.caption = self.voice.claim(self.summary_caption())
        return draft

    def summary_caption(self) -> str:
        text = self.reading.text.strip().rstrip(".")
        return (text[:1].upper() + text[1:] + ".")[:300]

    def _hero(self, position=StagePosition.CENTER, expression=Expression.NEUTRAL, action=Action.STANDING):
        return PanelCharacter(name=self.hero.name, position=position, expression=expression, action=action)

    def _member(self, member: CastMember | None, position, expression, action) -> list[PanelCharacter]:
        if member is None:
            return []
        return [PanelCharacter(name=member.name, position=position, expression=expression, action=action)]

    def _say(self, member: CastMember | None, intent: str, bubble=BubbleStyle.NORMAL) -> list[DialogueLine]:
        if member is None:
            return []
        style = member.style if intent != "reflect" or member.style else "neutral"
        text = self.voice.line(intent, style)
        if text is None:
            return []
        return [DialogueLine(speaker=member.name, text=text, style=bubble)]

    def _sfx(self, *options: tuple[str, ...]) -> list[str]:
        chosen: list[str] = []
        for pool in options:
            if pool:
                pick = self.rng.choice(pool)
                if pick not in chosen:
                    chosen.append(pick)
        return chosen[:4]

    def _element_sfx(self) -> tuple[str, ...]:
        return lexicon.ELEMENT_SFX[self.element or "none"]

    def _power_visual(self) -> str:
        return lexicon.ELEMENT_VISUAL.get(self.element or "", "a flurry of blows")

    def deed(self, event: Event | None, fallback: str) -> str:
        """What the hero does in an event, as a present-tense phrase: 'travels through the foggy forest'."""
        if event is None:
            return fallback
        return f"{third_person(event.verb)} {event.obj}".strip()

    def _threat_text(self) -> str:
        if self.threat and self.threat.name:
            return self.threat.name
        return f"the {self.threat.label}" if self.threat else "the danger"

    def is_goal(self, member: CastMember) -> bool:
        """Whether this character is the one the hero must save ('her brother')."""
        return bool(self.reading.goal_person) and self.reading.goal_person in member.character.description.lower()

    def _toward(self) -> str:
        if self.start_place == self.climax_place:
            return f"across the {self.climax_place}"
        return f"toward the {self.climax_place}"

    def _does(self, singular: str, plural: str) -> str:
        """The verb form for the hero's pronoun: 'he staggers', 'they stagger'."""
        return plural if self.hero.pronoun == "they" else singular

    def _agree(self, plural: str, singular: str) -> str:
        return plural if self.threat and self.threat.is_plural else singular

    # establishing

    def _m_vista(self, event, beat) -> Draft:
        stage = self.stage(beat)
        sky = _WEATHER_SKY[stage.weather]
        return Draft(
            "vista",
            beat,
            stage,
            (Shot.EXTREME_WIDE, Shot.WIDE),
            f"Establishing view of {self.where(stage)} at {stage.time.value} {sky}. A small figure, "
            f"{self.subject}, walks the path.",
            characters=[self._hero(StagePosition.LEFT, Expression.NEUTRAL, Action.WALKING)],
            caption=self.voice.claim(self.setting_caption(stage)),
            sfx=self._sfx(lexicon.WEATHER_SFX[stage.weather]),
        )

    def _m_arrival(self, event, beat) -> Draft:
        stage = self.stage(beat)
        caption = None
        if not self._said_intro:
            self._said_intro = True
            caption = self.voice.claim(
                f"{self.subject} had no idea what this {_TIME_WORDS[stage.time][0]} would bring."
            )
        return Draft(
            "arrival",
            beat,
            stage,
            (Shot.WIDE, Shot.MEDIUM),
            f"{self.subject} walks through {self.where(stage)} {_WEATHER_SKY[stage.weather]}, looking around.",
            characters=[self._hero(StagePosition.CENTER, Expression.NEUTRAL, Action.WALKING)],
            dialogue=self._say(self.hero, "intro"),
            caption=caption,
        )

    def _m_omen(self, event, beat) -> Draft:
        stage = self.stage(beat)
        return Draft(
            "omen",
            beat,
            stage,
            (Shot.MEDIUM, Shot.CLOSE_UP),
            f"{self.subject} stops and stares into the darkness beyond {self.where(stage)}; shapes of "
            f"{self._threat_text()} shift at the edge of sight.",
            characters=[self._hero(StagePosition.RIGHT, Expression.SURPRISED, Action.LOOKING)],
            dialogue=self._say(self.hero, "uneasy", BubbleStyle.WHISPER),
            sfx=["rustle..."],
        )

    def _m_helper_intro(self, event, beat) -> Draft:
        stage = self.stage(beat)
        helper = self.helper
        assert helper is not None
        return Draft(
            "helper_intro",
            beat,
            stage,
            (Shot.MEDIUM, Shot.WIDE),
            f"{self.subject} talks with {helper.call_name} {self.at(stage)}.",
            characters=[
                self._hero(StagePosition.LEFT, Expression.NEUTRAL, Action.TALKING),
                *self._member(
                    helper, StagePosition.RIGHT, Expression.NEUTRAL if self.threat else Expression.HAPPY, Action.TALKING
                ),
            ],
            dialogue=self._say(helper, "chat" if self.threat else "intro")
            + self._say(self.hero, "reply" if self.threat else "intro"),
        )

    # rising

    def _is_power(self, event: Event | None) -> bool:
        if not self.element:
            return False
        if event is None:
            return True
        return any(w in event.obj for w in ("power", "magic", "abilit", "spell", self.element))

    def _m_trigger(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        if not self._is_power(event):
            return Draft(
                "trigger",
                beat,
                stage,
                (Shot.MEDIUM, Shot.WIDE),
                f"{self.subject} discovers {event.obj if event else 'something strange'} {self.at(stage)}.",
                characters=[self._hero(StagePosition.CENTER, Expression.SURPRISED, Action.LOOKING)],
                dialogue=self._say(self.hero, "wonder_object", BubbleStyle.THOUGHT),
            )
        strike = (
            "A bolt of lightning strikes"
            if self.element == "lightning"
            else f"{self._power_visual().capitalize()} bursts around"
        )
        sfx_pool = ("CRACK", "KRAKOOM", "KA-BOOM") if self.element == "lightning" else self._element_sfx()
        return Draft(
            "trigger",
            beat,
            stage,
            (Shot.WIDE, Shot.MEDIUM),
            f"{strike} {self.subject} {self.at(stage)}; {self._power_visual()} crackle around {self.pos} "
            f"hands as {self.hero.pronoun} {self._does('staggers', 'stagger')} back, stunned.",
            characters=[self._hero(StagePosition.CENTER, Expression.SURPRISED, Action.CASTING)],
            dialogue=self._say(self.hero, "wonder", BubbleStyle.THOUGHT),
            sfx=self._sfx(sfx_pool),
        )

    def _m_reveal(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        if not self._is_power(event):
            found = event.obj if event else "the discovery"
            return Draft(
                "reveal",
                beat,
                stage,
                (Shot.EXTREME_CLOSE_UP, Shot.CLOSE_UP),
                f"Close-up: {self.subject} holds up {found}, eyes wide, turning it in the light.",
                characters=[self._hero(StagePosition.CENTER, Expression.SURPRISED, Action.LOOKING)],
                dialogue=self._say(self.hero, "wonder_object", BubbleStyle.THOUGHT),
            )
        visual = self._power_visual()
        return Draft(
            "reveal",
            beat,
            stage,
            (Shot.EXTREME_CLOSE_UP, Shot.CLOSE_UP),
            f"Extreme close-up of {self.subject}'s open hand, {visual} dancing across the fingers; "
            f"{self.pos} wide eyes reflect the glow.",
            characters=[self._hero(StagePosition.CENTER, Expression.SURPRISED, Action.CASTING)],
            dialogue=self._say(self.hero, "wonder", BubbleStyle.THOUGHT),
            sfx=self._sfx(self._element_sfx()),
        )

    def _m_test(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        return Draft(
            "test",
            beat,
            stage,
            (Shot.MEDIUM, Shot.WIDE),
            f"{self.subject} raises a hand and, concentrating, sends {self._power_visual()} into a tree stump, "
            "which splits with a flash.",
            characters=[self._hero(StagePosition.LEFT, Expression.DETERMINED, Action.CASTING)],
            dialogue=self._say(self.hero, "test"),
            sfx=self._sfx(self._element_sfx()),
        )

    def _m_practice(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        return Draft(
            "practice",
            beat,
            stage,
            (Shot.MEDIUM, Shot.WIDE),
            f"{self.subject} practises again and again {self.at(stage)}, learning {event.obj if event else ''}.",
            characters=[
                self._hero(
                    StagePosition.CENTER, Expression.DETERMINED, Action.CASTING if self.element else Action.FIGHTING
                )
            ],
            dialogue=self._say(self.hero, "test"),
        )

    def _m_fail(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        return Draft(
            "fail",
            beat,
            stage,
            (Shot.MEDIUM, Shot.CLOSE_UP),
            f"{self.subject} tumbles backwards as the attempt fizzles out.",
            characters=[self._hero(StagePosition.RIGHT, Expression.ANGRY, Action.FALLING)],
            dialogue=self._say(self.hero, "fail", BubbleStyle.SHOUT),
            sfx=["FZZT"],
        )

    def _m_breakthrough(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        return Draft(
            "breakthrough",
            beat,
            stage,
            (Shot.CLOSE_UP, Shot.MEDIUM),
            f"Close on {self.subject}'s face lighting up: it finally works.",
            characters=[self._hero(StagePosition.CENTER, Expression.HAPPY, Action.CELEBRATING)],
            dialogue=self._say(self.hero, "breakthrough"),
        )

    def _m_encounter(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        other = self.helper
        met = re.split(r"\b(?:in|at|on|during|near|inside|under|by|while|who)\b", event.obj)[0].strip() if event else ""
        who = (
            f"{other.call_name}, {met}"
            if other and met and other.call_name.lower() not in met
            else met or (other.call_name if other else "a stranger")
        )
        return Draft(
            "encounter",
            beat,
            stage,
            (Shot.WIDE, Shot.MEDIUM),
            f"{self.at(stage, capital=True)}, {self.subject} meets {who}.",
            characters=[
                self._hero(StagePosition.LEFT, Expression.SURPRISED, Action.LOOKING),
                *self._member(other, StagePosition.RIGHT, Expression.NEUTRAL, Action.STANDING),
            ],
            dialogue=self._say(self.hero, "greet"),
        )

    def _m_meet_talk(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        other = self.helper
        return Draft(
            "meet_talk",
            beat,
            stage,
            (Shot.MEDIUM, Shot.CLOSE_UP),
            f"{self.subject} and {other.call_name if other else 'the stranger'} talk, wary at first.",
            characters=[
                self._hero(StagePosition.LEFT, Expression.NEUTRAL, Action.TALKING),
                *self._member(other, StagePosition.RIGHT, Expression.HAPPY, Action.TALKING),
            ],
            dialogue=self._say(other, "meet_reply") + self._say(self.hero, "greet"),
        )

    def _m_bond(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        other = self.helper
        return Draft(
            "bond",
            beat,
            stage,
            (Shot.MEDIUM, Shot.CLOSE_UP),
            (
                f"{self.subject} and {other.call_name if other else 'a new friend'} sit together, watching the "
                f"{'sunrise' if stage.time == TimeOfDay.DAWN else 'sky'} over the {stage.place}."
                if beat == "resolution"
                else f"{self.subject} smiles for the first time, side by side with "
                f"{other.call_name if other else 'a new friend'}."
            ),
            characters=[
                self._hero(StagePosition.LEFT, Expression.HAPPY, Action.SITTING),
                *self._member(other, StagePosition.RIGHT, Expression.HAPPY, Action.SITTING),
            ],
            dialogue=self._say(self.hero, "bond"),
        )

    def _m_sneak(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        return Draft(
            "sneak",
            beat,
            stage,
            (Shot.MEDIUM, Shot.WIDE),
            f"{self.subject} creeps low through {self.where(stage)}, keeping to the shadows.",
            characters=[
                self._hero(StagePosition.LEFT, Expression.SCARED, Action.WALKING),
                *self._member(self.helper, StagePosition.CENTER, Expression.SCARED, Action.WALKING),
            ],
            dialogue=self._say(self.hero, "whisper", BubbleStyle.WHISPER),
        )

    def _m_chase(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        chasers = self._member(self.villain, StagePosition.RIGHT, Expression.ANGRY, Action.RUNNING)
        return Draft(
            "chase",
            beat,
            stage,
            (Shot.WIDE, Shot.EXTREME_WIDE),
            f"{self.subject} sprints across {self.where(stage)}"
            + (f" with {self._threat_text()} close behind." if self.threat else ", escaping at full speed."),
            characters=[self._hero(StagePosition.LEFT, Expression.SCARED, Action.RUNNING), *chasers],
            dialogue=self._say(self.hero, "journey", BubbleStyle.SHOUT),
            sfx=["THUD THUD"],
        )

    def _m_hide(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        return Draft(
            "hide",
            beat,
            stage,
            (Shot.CLOSE_UP, Shot.MEDIUM),
            f"{self.subject} presses against a wall, holding {self.pos} breath.",
            characters=[self._hero(StagePosition.RIGHT, Expression.SCARED, Action.STANDING)],
            dialogue=self._say(self.hero, "whisper", BubbleStyle.WHISPER),
        )

    def _m_journey(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        return Draft(
            "journey",
            beat,
            stage,
            (Shot.EXTREME_WIDE, Shot.WIDE),
            f"{self.subject} {self.deed(event, 'sets out')}, crossing {self.where(stage)}.",
            characters=[self._hero(StagePosition.LEFT, Expression.DETERMINED, Action.WALKING)],
            dialogue=self._say(self.hero, "journey"),
            caption=self.voice.claim(f"The way to the {self.climax_place} was long."),
        )

    def _m_clue(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        return Draft(
            "clue",
            beat,
            stage,
            (Shot.CLOSE_UP, Shot.MEDIUM),
            f"{self.subject} kneels and points at a clue {self.at(stage)}.",
            characters=[self._hero(StagePosition.CENTER, Expression.DETERMINED, Action.POINTING)],
            dialogue=self._say(self.hero, "clue"),
        )

    def _m_work(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        return Draft(
            "work",
            beat,
            stage,
            (Shot.MEDIUM, Shot.CLOSE_UP),
            f"{self.at(stage, capital=True)}, {self.subject} {self.deed(event, 'works hard')}.",
            characters=[self._hero(StagePosition.CENTER, Expression.DETERMINED, Action.STANDING)],
            dialogue=self._say(self.hero, "test"),
            sfx=["CLANK"],
        )

    def _m_loss(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        return Draft(
            "loss",
            beat,
            stage,
            (Shot.CLOSE_UP, Shot.MEDIUM),
            f"{self.subject} falls to {self.pos} knees: {self.subject} {self.deed(event, 'loses everything')}.",
            characters=[self._hero(StagePosition.CENTER, Expression.SAD, Action.FALLING)],
            dialogue=self._say(self.hero, "setback", BubbleStyle.THOUGHT),
        )

    def _m_event(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        what = self.deed(event, "faces the unknown")
        return Draft(
            "event",
            beat,
            stage,
            (Shot.MEDIUM, Shot.WIDE),
            f"{self.at(stage, capital=True)}, {self.subject} {what}.",
            characters=[self._hero(StagePosition.CENTER, Expression.DETERMINED, Action.WALKING)],
            dialogue=self._say(self.hero, "resolve"),
        )

    def _m_alarm(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        helper = self.helper
        if helper is not None and self.is_goal(helper):
            return Draft(
                "alarm",
                beat,
                stage,
                (Shot.WIDE, Shot.MEDIUM),
                f"{self._threat_text().capitalize()} {self._agree('seize', 'seizes')} {helper.call_name} and "
                f"{self._agree('drag', 'drags')} {helper.call_name} away while {self.subject} reaches out.",
                characters=[
                    self._hero(StagePosition.LEFT, Expression.SCARED, Action.RUNNING),
                    *self._member(helper, StagePosition.RIGHT, Expression.SCARED, Action.FALLING),
                    *self._member(self.villain, StagePosition.RIGHT, Expression.ANGRY, Action.RUNNING),
                ],
                dialogue=self._say(helper, "taken", BubbleStyle.SHOUT),
                sfx=self._sfx(lexicon.IMPACT_SFX),
            )
        return Draft(
            "alarm",
            beat,
            stage,
            (Shot.WIDE, Shot.MEDIUM),
            f"{helper.call_name if helper else 'A voice'} runs toward {self.subject}; behind, "
            f"{self._threat_text()} {self._agree('pour', 'pours')} toward the {self.climax_place}.",
            characters=[
                self._hero(StagePosition.LEFT, Expression.SURPRISED, Action.LOOKING),
                *self._member(helper, StagePosition.RIGHT, Expression.SCARED, Action.RUNNING),
            ],
            dialogue=self._say(helper, "alarm", BubbleStyle.SHOUT) if helper else [],
            sfx=self._sfx(lexicon.IMPACT_SFX),
        )

    def _m_resolve(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        return Draft(
            "resolve",
            beat,
            stage,
            (Shot.CLOSE_UP, Shot.MEDIUM),
            f"Close on {self.subject}'s face, jaw set, "
            + (f"{self._power_visual()} gathering" if self.element else "fists clenched")
            + f" as {self.hero.pronoun} {self._does('refuses', 'refuse')} to give up.",
            characters=[self._hero(StagePosition.CENTER, Expression.DETERMINED, Action.STANDING)],
            dialogue=self._say(self.hero, "resolve"),
        )

    def _m_rush(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        return Draft(
            "rush",
            beat,
            stage,
            (Shot.WIDE, Shot.EXTREME_WIDE),
            f"{self.subject} races {self._toward()} as {self._threat_text()} {self._agree('close', 'closes')} in.",
            characters=[self._hero(StagePosition.LEFT, Expression.DETERMINED, Action.RUNNING)],
            dialogue=self._say(self.hero, "journey", BubbleStyle.SHOUT),
            sfx=["TMP TMP"],
        )

    # climax

    def _m_confront(self, event, beat) -> Draft:
        stage = self.stage(beat)
        foes = self._member(self.villain, StagePosition.RIGHT, Expression.ANGRY, Action.WALKING)
        return Draft(
            "confront",
            beat,
            stage,
            (Shot.CLOSE_UP, Shot.WIDE),
            f"{self.subject} plants {self.pos} feet and points at {self._threat_text()} "
            f"{self._agree('swarming', 'rampaging through')} {self.where(stage)}"
            + (f"; the {self.climax_place} is under attack." if self.reading.goal_place else "."),
            characters=[self._hero(StagePosition.LEFT, Expression.DETERMINED, Action.POINTING), *foes],
            dialogue=self._say(self.hero, "defy", BubbleStyle.SHOUT) + self._say(self.villain, "taunt"),
        )

    def _m_clash(self, event, beat) -> Draft:
        stage = self.stage(beat)
        return Draft(
            "clash",
            beat,
            stage,
            (Shot.CLOSE_UP, Shot.MEDIUM),
            f"{self.subject} meets the first attack head on, {self._power_visual()} against "
            f"{'claws of shadow' if self.threat and self.threat.modifier == 'shadow' else self._threat_text()}.",
            characters=[
                self._hero(StagePosition.LEFT, Expression.DETERMINED, Action.FIGHTING),
                *self._member(self.villain, StagePosition.RIGHT, Expression.ANGRY, Action.FIGHTING),
            ],
            dialogue=self._say(self.hero, "effort", BubbleStyle.SHOUT),
            sfx=self._sfx(lexicon.IMPACT_SFX, self._element_sfx()),
        )

    def _m_rescue(self, event, beat) -> Draft:
        stage = self.stage(beat)
        return Draft(
            "rescue",
            beat,
            stage,
            (Shot.MEDIUM, Shot.WIDE),
            f"{self.subject} shields {self.helper.call_name if self.helper else 'the people'} from a blow.",
            characters=[
                self._hero(StagePosition.CENTER, Expression.DETERMINED, Action.FIGHTING),
                *self._member(self.helper, StagePosition.LEFT, Expression.SCARED, Action.FALLING),
                *self._member(self.villain, StagePosition.RIGHT, Expression.ANGRY, Action.FIGHTING),
            ],
            dialogue=self._say(self.hero, "protect", BubbleStyle.SHOUT),
            sfx=self._sfx(lexicon.IMPACT_SFX),
        )

    def _m_setback(self, event, beat) -> Draft:
        stage = self.stage(beat)
        return Draft(
            "setback",
            beat,
            stage,
            (Shot.MEDIUM, Shot.WIDE),
            f"{self.subject} is thrown to the ground; {self._threat_text()} "
            f"{self._agree('loom', 'looms')} over {self.pos} fallen form.",
            characters=[
                self._hero(StagePosition.LEFT, Expression.ANGRY, Action.FALLING),
                *self._member(self.villain, StagePosition.RIGHT, Expression.ANGRY, Action.STANDING),
                *self._member(self.helper, StagePosition.CENTER, Expression.SCARED, Action.POINTING),
            ],
            dialogue=self._say(self.villain, "taunt")
            + self._say(self.helper, "scared", BubbleStyle.SHOUT)
            + self._say(self.hero, "setback"),
            sfx=self._sfx(("THUD", "CRASH", "WHUMP")),
        )

    def _m_power_up(self, event, beat) -> Draft:
        stage = self.stage(beat)
        glow = self._power_visual() if self.element else "fierce resolve"
        return Draft(
            "power_up",
            beat,
            stage,
            (Shot.EXTREME_CLOSE_UP, Shot.CLOSE_UP),
            f"Extreme close-up of {self.subject}'s eyes blazing with {glow}.",
            characters=[self._hero(StagePosition.CENTER, Expression.DETERMINED, Action.CASTING)],
            dialogue=self._say(self.hero, "resolve", BubbleStyle.THOUGHT),
            sfx=self._sfx(self._element_sfx()),
        )

    def _m_final_strike(self, event, beat) -> Draft:
        stage = self.stage(beat)
        return Draft(
            "final_strike",
            beat,
            stage,
            (Shot.WIDE, Shot.EXTREME_WIDE),
            (
                f"Wide action: {self.subject} unleashes {self._power_visual()} across the {self.climax_place}, "
                f"blasting {self._threat_text()} apart."
                if self.element
                else f"Wide action: {self.subject} lands the decisive blow, sending {self._threat_text()} flying "
                f"across the {self.climax_place}."
            ),
            characters=[
                self._hero(
                    StagePosition.CENTER, Expression.DETERMINED, Action.CASTING if self.element else Action.FIGHTING
                ),
                *self._member(self.villain, StagePosition.RIGHT, Expression.SCARED, Action.FALLING),
            ],
            dialogue=self._say(self.hero, "finisher", BubbleStyle.SHOUT),
            sfx=self._sfx(("KA-BOOM", "BOOM"), self._element_sfx()),
        )

    def _m_leap(self, event, beat) -> Draft:
        stage = self.stage(beat)
        return Draft(
            "leap",
            beat,
            stage,
            (Shot.WIDE, Shot.EXTREME_WIDE),
            f"Wide action: {self.subject} leaps clear at the last instant as {self._threat_text()} "
            f"{self._agree('crash', 'thunders')} past, {self.where(stage)} shaking.",
            characters=[
                self._hero(StagePosition.LEFT, Expression.DETERMINED, Action.RUNNING),
                *self._member(self.helper, StagePosition.CENTER, Expression.SCARED, Action.RUNNING),
            ],
            dialogue=self._say(self.hero, "finisher", BubbleStyle.SHOUT),
            sfx=self._sfx(("RUMBLE", "WHOOOSH", "KRRRSH"), lexicon.IMPACT_SFX),
        )

    def _m_defeat(self, event, beat) -> Draft:
        stage = self.stage(beat)
        return Draft(
            "defeat",
            beat,
            stage,
            (Shot.MEDIUM, Shot.CLOSE_UP),
            f"{self._threat_text().capitalize()} {self._agree('dissolve and flee', 'reels back and flees')} as "
            f"{self.subject} stands firm.",
            characters=[
                *self._member(self.villain, StagePosition.RIGHT, Expression.SCARED, Action.FALLING),
                self._hero(StagePosition.LEFT, Expression.DETERMINED, Action.STANDING),
            ],
            dialogue=self._say(self.villain, "defeated", BubbleStyle.SHOUT),
            sfx=self._sfx(("FSSSSH", "POOF", "WHUMM")),
        )

    def _m_tension(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        what = self.deed(event, "faces the moment of truth")
        physical = bool(event and event.kind in ("compete", "escape", "fight", "build"))
        return Draft(
            "tension",
            beat,
            stage,
            (Shot.MEDIUM, Shot.WIDE),
            f"Everything comes down to this: {self.subject} {what}.",
            characters=[
                self._hero(StagePosition.LEFT, Expression.DETERMINED, Action.STANDING),
                *self._member(self.helper, StagePosition.RIGHT, Expression.SURPRISED, Action.LOOKING),
            ],
            dialogue=self._say(self.hero, "effort" if physical else "brave") + self._say(self.helper, "encourage"),
        )

    def _m_peak(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        what = self.deed(event, "does it")
        return Draft(
            "peak",
            beat,
            stage,
            (Shot.CLOSE_UP, Shot.EXTREME_CLOSE_UP),
            f"Close on {self.subject} at the decisive moment: {self.subject} {what}.",
            characters=[
                self._hero(StagePosition.LEFT, Expression.DETERMINED, Action.POINTING),
                *self._member(self.helper, StagePosition.RIGHT, Expression.SURPRISED, Action.LOOKING),
            ],
            dialogue=self._say(self.hero, "breakthrough", BubbleStyle.SHOUT),
        )

    def _m_triumph(self, event, beat) -> Draft:
        stage = self.stage(beat, event)
        return Draft(
            "triumph",
            beat,
            stage,
            (Shot.WIDE, Shot.MEDIUM),
            f"{self.subject} throws both arms up {self.at(stage)}: it worked.",
            characters=[
                self._hero(StagePosition.CENTER, Expression.HAPPY, Action.CELEBRATING),
                *self._member(self.helper, StagePosition.RIGHT, Expression.HAPPY, Action.CELEBRATING),
            ],
            dialogue=self._say(self.hero, "bond") if self.helper else self._say(self.hero, "reflect"),
        )

    # resolution

    def _m_aftermath(self, event, beat) -> Draft:
        stage = self.stage(beat)
        sky = _CLEARED_SKY.get(self.climax_weather)
        if self.threat:
            saved = self.helper.call_name if self.helper and self.is_goal(self.helper) else f"the {self.climax_place}"
            outcome = f"{self._threat_text()} {self._agree('were', 'was')} gone and {saved} was safe"
            after = f"the {self.climax_place} safe behind {self.pos} back"
        else:
            outcome = self.ending()
            after = "smiling"
        caption = (
            f"{self.after_phrase}, {sky + ' and ' if sky and not self.threat else sky + ', ' if sky else ''}{outcome}."
        )
        return Draft(
            "aftermath",
            beat,
            stage,
            (Shot.WIDE, Shot.EXTREME_WIDE),
            f"{_TIME_WORDS[stage.time][2]} over {self.where(stage)}; {self.subject} stands in the light, {after}.",
            characters=[
                self._hero(StagePosition.CENTER, Expression.HAPPY, Action.STANDING),
                *self._member(self.helper, StagePosition.RIGHT, Expression.HAPPY, Action.CELEBRATING),
            ],
            dialogue=self._say(self.helper, "thanks" if self.threat else "encourage")
            if self.helper
            else self._say(self.hero, "reflect", BubbleStyle.NARRATION),
            caption=self.voice.claim(caption),
        )

    def ending(self) -> str:
        """How a story without a villain ends, from its last event: 'Mia had found a friend'."""
        event = self.reading.events[-1] if self.reading.events else None
        kind = event.kind if event else ""
        hero = self.subject
        obj = event.obj if event else ""
        return {
            "meet": f"{hero} had found a friend",
            "learn": f"{hero} had learned {obj}",
            "search": "the search was over",
            "build": f"{hero}'s work was finished",
            "escape": f"{hero} was free",
            "compete": f"{hero} had won",
            "discover": f"{hero} understood {self.pos} new {self.element or 'gift'}",
            "return": f"{hero} was home at last",
            "save": "everyone was safe",
            "fight": f"{hero} had won",
            "lose": f"{hero} had found the strength to go on",
        }.get(kind, f"{hero} was ready for whatever came next").strip()

    def _m_gratitude(self, event, beat) -> Draft:
        stage = self.stage(beat)
        return Draft(
            "gratitude",
            beat,
            stage,
            (Shot.MEDIUM, Shot.CLOSE_UP),
            f"{self.helper.call_name if self.helper else 'Someone'} thanks {self.subject}, both smiling.",
            characters=[
                self._hero(StagePosition.LEFT, Expression.HAPPY, Action.TALKING),
                *self._member(self.helper, StagePosition.RIGHT, Expression.HAPPY, Action.TALKING),
            ],
            dialogue=self._say(self.helper, "thanks") + self._say(self.hero, "thanks_reply"),
        )

    def _m_reflect(self, event, beat) -> Draft:
        stage = self.stage(beat)
        return Draft(
            "reflect",
            beat,
            stage,
            (Shot.CLOSE_UP, Shot.MEDIUM),
            f"Close on {self.subject} looking out over the {self.climax_place}, a quiet smile.",
            characters=[self._hero(StagePosition.CENTER, Expression.HAPPY, Action.LOOKING)],
            dialogue=self._say(self.hero, "reflect", BubbleStyle.NARRATION),
        )

    def _m_celebrate(self, event, beat) -> Draft:
        stage = self.stage(beat)
        people = lexicon.PLACE_PEOPLE.get(self.climax_place, ("people", ""))[0]
        return Draft(
            "celebrate",
            beat,
            stage,
            (Shot.WIDE, Shot.MEDIUM),
            f"The {people} gather around {self.subject}, cheering.",
            characters=[
                self._hero(StagePosition.CENTER, Expression.HAPPY, Action.CELEBRATING),
                *self._member(self.helper, StagePosition.LEFT, Expression.HAPPY, Action.CELEBRATING),
            ],
            dialogue=self._say(self.hero, "thanks_reply") or self._say(self.helper, "hope"),
            sfx=["CHEER!"],
        )

    # fillers for long scripts

    def filler(self, beat: str, index: int) -> Draft:
        """An extra panel for long scripts: a reaction, the villain pressing in, a telling detail.
        Each one is different (the index picks the variant) and fits the story it is in."""
        stage = self.stage(beat)
        present = self.helper if self.helper is not None and self._helper_on_stage(beat) else None
        options: list[Callable[[Stage, str, int], Draft]] = [self._detail]
        if present is not None:
            options.insert(0, self._reaction)
        if beat == "climax" and self.villain is not None:
            options.insert(0, self._villain_presses)
        if beat != "climax":
            options.append(self._hero_moment)
        return options[index % len(options)](stage, beat, index)

    def _helper_on_stage(self, beat: str) -> bool:
        """A companion the hero meets in the story is not there before the meeting."""
        met_later = self.helper is not None and self.helper.part == "companion" and "meet" in self.reading.kinds()
        return not (met_later and beat == "establishing")

    def _villain_presses(self, stage: Stage, beat: str, index: int) -> Draft:
        villain = self.villain
        assert villain is not None
        moves = ("lunges again", "rears up, roaring", "circles, looking for an opening", "strikes from the side")
        return Draft(
            f"villain{index}",
            beat,
            stage,
            (Shot.CLOSE_UP, Shot.MEDIUM),
            f"Close on {self._threat_text()}: {villain.call_name} {moves[index % len(moves)]}.",
            characters=self._member(villain, StagePosition.RIGHT, Expression.ANGRY, Action.FIGHTING),
            dialogue=self._say(villain, "taunt"),
            sfx=self._sfx(lexicon.IMPACT_SFX),
        )

    def _reaction(self, stage: Stage, beat: str, index: int) -> Draft:
        other = self.helper
        assert other is not None
        danger = bool(self.threat)
        if beat == "climax":
            expression, intent = (Expression.SCARED, "scared") if danger else (Expression.SURPRISED, "encourage")
        elif beat == "resolution":
            expression, intent = Expression.HAPPY, "thanks" if danger else "encourage"
        else:
            expression, intent = Expression.SURPRISED, "hope" if danger else "intro"
        looks = ("watches", "calls out to", "grabs the arm of", "glances at")
        return Draft(
            f"reaction{index}",
            beat,
            stage,
            (Shot.CLOSE_UP, Shot.MEDIUM),
            f"{other.call_name} {looks[index % len(looks)]} {self.subject} {self.at(stage)}.",
            characters=[
                *self._member(other, StagePosition.LEFT, expression, Action.LOOKING),
                self._hero(StagePosition.RIGHT, Expression.NEUTRAL, Action.STANDING),
            ],
            dialogue=self._say(other, intent),
        )

    def _hero_moment(self, stage: Stage, beat: str, index: int) -> Draft:
        acts = (
            ("pauses to catch {pos} breath", Action.STANDING, "uneasy" if self.threat else "intro"),
            ("looks back the way {they} came", Action.LOOKING, "journey"),
            ("sits for a moment, thinking", Action.SITTING, "bond" if self.helper else "reflect"),
        )
        text, action, intent = acts[index % len(acts)]
        text = text.format(pos=self.pos, they=self.hero.pronoun)
        return Draft(
            f"hero{index}",
            beat,
            stage,
            (Shot.MEDIUM, Shot.WIDE),
            f"{self.subject} {text} {self.at(stage)}.",
            characters=[self._hero(StagePosition.CENTER, Expression.NEUTRAL, action)],
            dialogue=self._say(self.hero, intent, BubbleStyle.THOUGHT),
        )

    def _detail(self, stage: Stage, beat: str, index: int) -> Draft:
        details = {
            Weather.STORM: ("rain lashing the ground as lightning forks overhead", "a shutter banging in the wind"),
            Weather.RAIN: ("raindrops rippling in puddles", "rain streaming off a gutter"),
            Weather.SNOW: ("snowflakes settling on a cold stone", "footprints filling with snow"),
            Weather.FOG: ("fog curling between shapes", "a lantern haloed in mist"),
            Weather.CLOUDY: ("clouds racing overhead", "grey light on wet stones"),
            Weather.CLEAR: ("sunlight on the path ahead", "a bird taking off from a rooftop"),
        }[stage.weather]
        return Draft(
            f"detail{index}",
            beat,
            stage,
            (Shot.EXTREME_CLOSE_UP, Shot.EXTREME_WIDE),
            f"Detail of {self.where(stage)}: {details[index % len(details)]}.",
            sfx=self._sfx(lexicon.WEATHER_SFX[stage.weather]),
        )


_EVENT_MOMENTS: dict[str, tuple[tuple[str, int], ...]] = {
    "discover": (("trigger", 1), ("reveal", 3), ("test", 5)),
    "learn": (("practice", 1), ("fail", 4), ("breakthrough", 3)),
    "meet": (("encounter", 1), ("meet_talk", 2), ("bond", 4)),
    "escape": (("sneak", 1), ("chase", 2), ("hide", 4)),
    "search": (("journey", 1), ("clue", 3)),
    "build": (("work", 1), ("breakthrough", 3)),
    "lose": (("loss", 1),),
}


_BASE_VERBS = frozenset(base.split()[0] for bases in lexicon.EVENT_VERBS.values() for base in bases)


def third_person(verb: str) -> str:
    """'find' -> 'finds', 'fall in love with' -> 'falls in love with'; other forms stay as written."""
    head, _, tail = verb.partition(" ")
    if head not in _BASE_VERBS:
        return verb
    if head.endswith(("s", "sh", "ch", "x", "z", "o")):
        head += "es"
    elif head.endswith("y") and head[-2] not in "aeiou":
        head = head[:-1] + "ies"
    else:
        head += "s"
    return f"{head} {tail}".strip()


def choose(candidates: list[Candidate], count: int) -> list[Candidate | None]:
    """The `count` most important candidates in story order; None marks a filler slot."""
    if count >= len(candidates):
        slots: list[Candidate | None] = list(candidates)
        fillers = count - len(candidates)
        for i in range(fillers):
            slots.insert(min(len(slots), 1 + (i * (len(candidates) + 1)) // max(1, fillers)), None)
        return slots
    ranked = sorted(range(len(candidates)), key=lambda i: (candidates[i].priority, i))[:count]
    return [candidates[i] for i in sorted(ranked)]


def scene_and_panels(board: Storyboard, beats: list[str]) -> tuple[list[Scene], list[PanelScript]]:
    """Build every panel of the script, with scenes opened whenever the stage changes."""
    reading = board.reading
    by_beat: dict[str, list[Event]] = {b: [] for b in BEATS}
    for event in reading.events:
        beat = lexicon.EVENT_BEAT[event.kind]
        if by_beat["climax"] and beat == "rising":
            beat = "climax"  # what happens after the showdown is part of it ("...before escaping")
        by_beat[beat].append(event)
    if not by_beat["climax"] and by_beat["rising"]:
        # The last event is the peak; a one-event story both builds up to it and peaks on it.
        last = by_beat["rising"][-1]
        if len(by_beat["rising"]) > 1 or reading.threat:
            by_beat["rising"].pop()
        by_beat["climax"].append(last)
    counts = {b: beats.count(b) for b in BEATS}
    drafts: list[Draft] = []
    for beat in BEATS:
        if not counts[beat]:
            continue
        candidates = board.candidates(beat, by_beat[beat])
        if beat == "establishing" and not counts["rising"]:
            # No room for the rising beat: its most important moment opens the story instead.
            rising = board.candidates("rising", by_beat["rising"])
            if rising and rising[0].event is not None:
                candidates = [Candidate(rising[0].key, 0, rising[0].event), *candidates]
        slots = choose(candidates, counts[beat])
        filler_index = 0
        for slot in slots:
            is_first = not drafts
            if slot is None:
                drafts.append(board.filler(beat, filler_index))
                filler_index += 1
            else:
                drafts.append(board.draft(slot, beat, is_first=is_first, is_only=len(beats) == 1))

    scenes: list[Scene] = []
    index_of: dict[Stage, int] = {}
    panels: list[PanelScript] = []
    previous_shots: list[Shot] = []
    for sequence, draft in enumerate(drafts, start=1):
        if draft.stage not in index_of:
            index_of[draft.stage] = len(scenes)
            scenes.append(_scene(board, draft.stage, len(scenes)))
            if sequence > 1 and not draft.caption and draft.stage.place != drafts[sequence - 2].stage.place:
                draft.caption = board.voice.claim(f"At the {draft.stage.place}...")
        shot = _pick_shot(draft, previous_shots)
        previous_shots.append(shot)
        panels.append(
            PanelScript(
                sequence=sequence,
                scene=index_of[draft.stage],
                shot=shot,
                beat=draft.beat,
                description=draft.description[:2000],
                characters=_unique_characters(draft.characters)[:6],
                dialogue=draft.dialogue[:6],
                caption=draft.caption,
                sfx=[s[:24] for s in draft.sfx][:4],
            )
        )
    return scenes, panels


def _unique_characters(characters: list[PanelCharacter]) -> list[PanelCharacter]:
    seen: set[str] = set()
    unique = []
    for character in characters:
        if character.name not in seen:
            seen.add(character.name)
            unique.append(character)
    return unique


def _pick_shot(draft: Draft, previous: list[Shot]) -> Shot:
    """The moment's preferred shot, unless that would make three identical shots in a row."""
    options = list(draft.shots) + [s for s in _BEAT_SHOTS[draft.beat] if s not in draft.shots]
    for shot in options:
        if len(previous) >= 2 and previous[-1] == previous[-2] == shot:
            continue
        return shot
    return options[0]


def _scene(board: Storyboard, stage: Stage, index: int) -> Scene:
    lighting = lexicon.LIGHTING.get((stage.time, stage.weather), lexicon.LIGHTING_BY_TIME[stage.time])
    sky = _WEATHER_SKY[stage.weather]
    return Scene(
        index=index,
        location=stage.place,
        setting=f"{board.where(stage)[:1].upper()}{board.where(stage)[1:]}, at {stage.time.value}, {sky}.",
        time_of_day=stage.time,
        weather=stage.weather,
        lighting=lighting,
        mood=stage.mood,
    )
