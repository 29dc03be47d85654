"""`LocalStoryPlanner`: the offline, deterministic LLM provider (`local`), the embedded default.

The prompt is the story: its sentences are the beats in order, its places the scenes, its people,
animals and creatures the cast, its quoted lines the bubbles (verbatim, by the speaker the prompt
gives), its props and actions what the panels show, its language the webtoon's. When the prompt has
fewer sentences than panels the MOMENTS table (board.py) adds establishing shots, close-ups and
reactions; lines the planner writes (English prompts only) are built from the prompt's own nouns.
The same request and seed always give the same script.
"""

from __future__ import annotations

import random
import re

from pydantic import ValidationError

from sketchdojo.engine.planner.board import (
    LIGHTING,
    MOOD_OF,
    WEATHER_WORDS,
    Slot,
    bubble_style,
    lay_out,
    positions,
    written_line,
)
from sketchdojo.engine.planner.cast import apply_colour_scheme, speech_style_of, stable_seed
from sketchdojo.engine.planner.look import look_of
from sketchdojo.engine.planner.reader import Reading, read_prompt
from sketchdojo.engine.providers.base import LLMProvider, PlanRequest, ProviderError, ProviderMalformedOutput
from sketchdojo.engine.script import (
    MAX_CAST,
    MAX_PANELS,
    Action,
    ArtStyle,
    BubbleStyle,
    DialogueLine,
    Expression,
    PanelCharacter,
    Script,
    Shot,
    TimeOfDay,
    Weather,
)
from sketchdojo.engine.series import keep_series_looks, previously_caption

_GROUP = re.compile(
    r"\b(they|both|together|ellos|ellas|juntos|juntas|ils|elles|ensemble|beide|zusammen|함께|一緒)\b|함께|一緒"
)


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
        text = " ".join(p.strip() for p in (request.prompt or "", request.story_outline or "") if p and p.strip())
        if not text:
            raise ProviderError("The story prompt is empty.", provider=self.name)
        briefs = [
            (b.name.strip(), b.role or "supporting", b.description or "", speech_style_of(b.personality or {}))
            for b in request.characters
            if b.name and b.name.strip()
        ]
        # A later episode: the series' recurring cast is known by name, like the project's characters
        # (their looks are put back from the series after planning: series.keep_series_looks).
        known = {name for name, *_ in briefs}
        series_cast = request.series.cast if request.series else ()
        briefs += [(c.name, c.role, c.description, c.speech_style) for c in series_cast if c.name not in known][
            : max(0, MAX_CAST - len(briefs))
        ]
        reading = read_prompt(text, briefs, beats_wanted=panel_count)
        if not reading.sentences:
            raise ProviderError("The story prompt has no words to tell a story with.", provider=self.name)
        for person in reading.people:
            person.brief.extend(d for d in request.character_descriptions if person.name.lower() in d.lower())
        styles = {name: style_ for name, _, _, style_ in briefs}
        appearances = {b.name.strip(): dict(b.appearance or {}) for b in request.characters}
        people = reading.people[:MAX_CAST]
        characters = [
            look_of(
                p,
                appearances.get(p.name, {}),
                styles.get(p.name, "neutral"),
                str(request.seed),
                language=reading.language,
            )
            for p in people
        ]
        _assign_roles(characters, reading)
        characters = apply_colour_scheme(characters, request.color_scheme or "")
        rng = random.Random(stable_seed("plan", str(request.seed), text))
        slots = lay_out(reading, panel_count)
        scenes, scene_of = _scenes(reading, slots)
        panels = _panels(reading, slots, scene_of, scenes, characters, rng)
        _open_with_previously(panels[0], previously_caption(request.series))
        try:
            script = Script.model_validate(
                {
                    "title": (request.project_title or _title(reading))[:200],
                    "synopsis": text[:2000],
                    "style": style,
                    "language": reading.language,
                    "characters": characters,
                    "scenes": scenes,
                    "panels": panels,
                }
            )
        except ValidationError as error:
            raise ProviderMalformedOutput(
                f"The offline planner could not build a valid script: {error.errors()[0]['msg']}", provider=self.name
            ) from error
        return keep_series_looks(script, series_cast)


def _open_with_previously(panel: dict, previously: str | None) -> None:
    """Episode N opens with "Previously…" in the first narration box; the panel's own caption follows it."""
    if not previously:
        return
    if panel["caption"]:
        panel["dialogue"] = [
            DialogueLine(speaker=None, text=panel["caption"], style=BubbleStyle.NARRATION),
            *panel["dialogue"][:5],
        ]
    panel["caption"] = previously


def _assign_roles(characters, reading: Reading) -> None:
    """The project's roles stand; otherwise the first person is the protagonist and, only when the
    story has a conflict, a monster, ghost or the part of thief/suspect/villain is the antagonist."""
    if characters and not any(c.role == "protagonist" for c in characters):
        characters[0].role = "protagonist"
    if reading.conflict and not any(c.role == "antagonist" for c in characters):
        for c, p in zip(characters, reading.people, strict=False):
            if c.role != "protagonist" and (
                p.kind in ("monster", "ghost") or p.role_word in ("thief", "suspect", "villain")
            ):
                c.role = "antagonist"
                break


def _title(reading: Reading) -> str:
    first = next((s.narration or s.text for s in reading.sentences), reading.text)
    words = first.rstrip(".!?。").split()
    return " ".join(words[:8]) if len(words) > 1 else first[:60]


def _scenes(reading: Reading, slots: list[Slot]) -> tuple[list[dict], list[int]]:
    """A scene per place in prompt order; time and weather hold until the prompt changes them."""
    fallback = next((s.place for s in reading.sentences if s.place), None) or "city"
    fallback_words = next((s.place_words for s in reading.sentences if s.place), "")
    scenes: list[dict] = []
    scene_of: list[int] = []
    place, words = fallback, fallback_words
    time = next((s.time for s in reading.sentences if s.time), TimeOfDay.DAY)
    weather = next((s.weather for s in reading.sentences if s.weather), Weather.CLEAR)
    for slot in slots:
        sentences = slot.sentences or [slot.anchor]
        for s in sentences:
            if s.place:
                place, words = s.place, s.place_words
            time = s.time or time
            weather = s.weather or weather
        current = scenes[-1] if scenes else None
        if current is None or (current["location"], current["time_of_day"], current["weather"]) != (
            place,
            time,
            weather,
        ):
            expressions = [s.expression for s in sentences if s.expression]
            scenes.append(
                {
                    "index": len(scenes),
                    "location": place[:200],
                    "setting": " ".join(s.narration or s.text for s in sentences)[:2000] or words,
                    "time_of_day": time,
                    "weather": weather,
                    "lighting": LIGHTING[time],
                    "mood": MOOD_OF.get(expressions[0], "calm")
                    if expressions
                    else ("tense" if reading.conflict else "calm"),
                }
            )
        scene_of.append(len(scenes) - 1)
    return scenes, scene_of


def _panels(reading: Reading, slots, scene_of, scenes, characters, rng) -> list[dict]:
    names = {c.name for c in characters}
    style_of = {c.name: c.speech_style for c in characters}
    english = reading.language == "en"
    panels: list[dict] = []
    previous: list[str] = []
    used_lines: set[str] = set()
    for index, slot in enumerate(slots):
        sentences = slot.sentences or [slot.anchor]
        scene = scenes[scene_of[index]]
        quotes = [q for s in slot.sentences for q in s.quotes]
        dialogue = [
            DialogueLine(
                speaker=reading.quotes[q].speaker,
                text=reading.quotes[q].text[:300],
                style=bubble_style(reading.sentences[reading.quotes[q].sentence], reading.quotes[q].text),
            )
            for q in quotes
            if reading.quotes[q].speaker in names
        ]
        present = [n for s in sentences for n in s.names if n in names]
        present += [d.speaker for d in dialogue]
        # "they run", or a hug ("Lucía lo abraza"): the one the sentence does not name is still there
        together = any(_GROUP.search(s.text.lower()) or Action.HUGGING in s.actions for s in sentences)
        if together and len(present) < 2:
            present += [n for n in previous if n not in present]
        present = list(dict.fromkeys(present))[:6] or previous[:2] or [c.name for c in characters[:1]]
        if slot.moment is not None and slot.moment.focus == "place" and index == 0:
            present = []
        actions = [a for s in sentences for a in s.actions]
        props = list(dict.fromkeys(p for s in sentences for p in s.props))[:6]
        prop_words = list(dict.fromkeys(w for s in sentences for w in s.prop_words))
        expression = next((s.expression for s in sentences if s.expression), Expression.NEUTRAL)
        cast = []
        for i, (name, position) in enumerate(zip(present, positions(len(present)), strict=False)):
            action = Action.STANDING
            if actions:
                action = (
                    actions[0]
                    if i == 0 or actions[0] in (Action.HUGGING, Action.RUNNING, Action.CELEBRATING)
                    else Action.LOOKING
                )
            elif any(d.speaker == name for d in dialogue):
                action = Action.TALKING
            cast.append(PanelCharacter(name=name, position=position, expression=expression, action=action))
        if slot.moment is not None and slot.moment.speaks and english and not dialogue and len(present) >= 1:
            speaker = present[-1] if len(present) > 1 else present[0]
            other = next((n for n in present if n != speaker), None) or next(
                (c.name for c in characters if c.name != speaker), None
            )
            line = written_line(
                style_of.get(speaker, "neutral"),
                actions[0] if actions else None,
                other,
                prop_words[0].lower() if prop_words else None,
                sentences[0].place_words.lower() or None if sentences[0].place else scene["location"].replace("_", " "),
                rng,
                _thing(sentences[0].narration, speaker),
            )
            if line and line not in used_lines:
                used_lines.add(line)
                dialogue.append(DialogueLine(speaker=speaker, text=line[:300]))
        shot = slot.moment.shot if slot.moment else _shot(slot, len(present), index, len(slots))
        caption = None
        if slot.moment is None:
            # the prompt's own sentences; a sentence that frames a quoted line is told by its bubble
            caption = " ".join(s.narration for s in slot.sentences if s.narration and not s.quotes)[:300] or None
        panels.append(
            {
                "sequence": index + 1,
                "scene": scene_of[index],
                "shot": shot,
                "beat": _beat(index, len(slots), reading, slots),
                "description": _description(slot, scene, cast, prop_words, shot)[:2000],
                "characters": cast,
                "dialogue": dialogue[:6],
                "caption": caption,
                "sfx": [],
                "props": props,
            }
        )
        if present:
            previous = list(dict.fromkeys(present + previous))[:2]
    return panels


_OBJECT = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:discovers|finds|loses|needs|wants|builds|opens|guards|searches for|looks for|carries|"
    r"protects|paints|writes|fixes|bakes|cooks|plants|trains|learns|misses|remembers)\s+"
    r"(his|her|their|the|a|an)\s+([a-z][a-z ]{2,40}?)"
    r"(?=\s+(?:during|in|at|and|to|on|with|from|while|before|after)\b|[.,!?]|$)"
)


def _thing(narration: str, speaker: str) -> str | None:
    """What the speaker's sentence is about, in their own mouth: 'Alex discovers his lightning powers
    during a storm' -> 'My lightning powers'."""
    called = next((n for n in (speaker, *speaker.split()) if narration.startswith(n + " ")), None)
    match = _OBJECT.match(narration[len(called) :]) if called else None
    if not match:
        return None
    owner = "My" if match.group(1) in ("his", "her", "their") else "The"
    return f"{owner} {match.group(2).strip()}"


def _shot(slot: Slot, people: int, index: int, total: int) -> Shot:
    if index == 0:
        return Shot.WIDE
    if any(s.quotes for s in slot.sentences):
        return Shot.MEDIUM if people > 1 else Shot.CLOSE_UP
    if any(Action.RUNNING in s.actions or Action.FLYING in s.actions for s in slot.sentences):
        return Shot.WIDE
    return Shot.MEDIUM


def _beat(index: int, total: int, reading: Reading, slots) -> str:
    if index == 0:
        return "establishing"
    if total <= 2:
        return "resolution"
    peaks = [
        i
        for i, slot in enumerate(slots)
        if any(
            s.expression in (Expression.SCARED, Expression.ANGRY, Expression.SURPRISED) or "!" in s.text
            for s in (slot.sentences or [slot.anchor])
        )
    ]
    climax = peaks[-1] if peaks and 0 < peaks[-1] < total - 1 else max(1, round(total * 0.7) - 1)
    if index < climax:
        return "rising"
    if index == climax:
        return "climax"
    return "resolution"


def _description(slot: Slot, scene: dict, cast: list[PanelCharacter], prop_words: list[str], shot: Shot) -> str:
    place = scene["location"].replace("_", " ")
    when = f"{scene['time_of_day']}" + (
        f", {WEATHER_WORDS[Weather(scene['weather'])]}" if WEATHER_WORDS[Weather(scene["weather"])] else ""
    )
    people = "; ".join(f"{c.name} {c.action.value}, {c.expression.value}" for c in cast)
    sentences = slot.sentences or [slot.anchor]
    focus = slot.moment.focus if slot.moment else "story"
    lead = {
        "place": f"The {place}, {when}",
        "prop": f"Close on the {prop_words[0] if prop_words else place}",
        "face": "Close on " + (cast[-1].name if cast else "the scene"),
        "action": "The whole movement",
        "story": shot.value.replace("_", " ").capitalize() + f" at the {place}, {when}",
    }[focus]
    text = " ".join(s.text for s in sentences)
    things = f" Showing: {', '.join(prop_words)}." if prop_words else ""
    return f"{lead}. {people + '. ' if people else ''}{text}{things}"
