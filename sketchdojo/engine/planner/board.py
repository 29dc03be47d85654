"""The storyboard as data: the prompt's sentences are the beats, in order; extra panels come from the
MOMENTS table; lines the planner writes come from the LINES table, filled with the prompt's nouns.

To add a kind of panel, add one `Moment` row; to add a way a character reacts to an action, add one
row to LINES. Nothing here knows a genre.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from sketchdojo.engine.planner.reader import Reading, Sentence
from sketchdojo.engine.script import Action, BubbleStyle, Expression, Shot, StagePosition, TimeOfDay, Weather


@dataclass(frozen=True)
class Moment:
    """An extra panel laid next to a sentence when the prompt has fewer sentences than panels."""

    name: str
    applies: Callable[[Sentence, Reading], bool]
    shot: Shot
    before: bool  # True: the panel comes before the sentence's own panel
    focus: str  # what the description shows: "place", "prop", "face", "action"
    speaks: bool  # the planner may write a line for it (prompt in English only)


MOMENTS: tuple[Moment, ...] = (
    Moment("establishing", lambda s, r: s.index == 0 and bool(s.place), Shot.EXTREME_WIDE, True, "place", False),
    Moment("arrival", lambda s, r: s.index > 0 and bool(s.place), Shot.WIDE, True, "place", False),
    Moment("prop_close_up", lambda s, r: bool(s.props), Shot.CLOSE_UP, False, "prop", True),
    Moment("reaction", lambda s, r: bool(s.quotes) or s.expression is not None, Shot.CLOSE_UP, False, "face", True),
    Moment("action_wide", lambda s, r: bool(s.actions), Shot.WIDE, False, "action", True),
    Moment("look", lambda s, r: bool(s.names), Shot.MEDIUM, False, "face", True),
)

# Panels that linger on a sentence when the prompt is short, in turn: each shows it another way.
LINGER: tuple[Moment, ...] = (
    Moment("look", lambda s, r: True, Shot.MEDIUM, False, "face", True),
    Moment("close_look", lambda s, r: True, Shot.CLOSE_UP, False, "face", True),
    Moment("wide_look", lambda s, r: True, Shot.WIDE, False, "place", False),
    Moment("detail", lambda s, r: True, Shot.EXTREME_CLOSE_UP, False, "face", False),
)

# Lines a character may say in a planner-written panel: (action in the sentence, template).
# Slots: {other} (another character present), {prop}, {place}, {thing} (what the speaker's sentence
# is about, from the prompt: "his lightning powers" -> "my lightning powers"). A row whose slot is
# missing is skipped.
LINES: tuple[tuple[Action | None, str], ...] = (
    (Action.STEALING, "Hey! {other}, that {prop} is mine!"),
    (Action.STEALING, "Not my {prop}, {other}!"),
    (Action.HUGGING, "{other}... I missed you."),
    (Action.HUGGING, "Don't let go, {other}."),
    (Action.EATING, "This {prop} is all mine, {other}."),
    (Action.DRINKING, "Another {prop}, {other}?"),
    (Action.CRYING, "{other}, please don't cry."),
    (Action.RUNNING, "{other}, faster! To the {place}!"),
    (Action.WALKING, "So this is the {place}, {other}."),
    (Action.FIGHTING, "You won't win this, {other}!"),
    (Action.READING, "{other}, listen to what this {prop} says."),
    (Action.PHONING, "{other}? Pick up the {prop}..."),
    (Action.HOLDING, "{other}, this {prop} is for you."),
    (Action.LOOKING, "{other}, do you see that {prop}?"),
    (Action.FLYING, "Hold on, {other}! Over the {place}!"),
    (Action.CELEBRATING, "We did it, {other}!"),
    (None, "{other}, about the {prop}..."),
    (None, "{other}... the {place} feels different now."),
    (None, "{other}? Are you still at the {place}?"),
    (None, "{thing}... here, in the {place}?"),
    (None, "{thing}. I can't stop now."),
)
_STYLE_OPENERS = {
    "formal": "Excuse me. ",
    "shy": "U-um... ",
    "cheerful": "Oh! ",
    "gruff": "Tch. ",
    "sarcastic": "Great. ",
    "confident": "Listen. ",
}


@dataclass
class Slot:
    """One panel before it becomes a `PanelScript`."""

    sentences: list[Sentence]
    moment: Moment | None = None
    anchor: Sentence | None = None


def lay_out(reading: Reading, panel_count: int) -> list[Slot]:
    """Sentences in prompt order on exactly `panel_count` panels: merged when there are more
    sentences than panels, completed from MOMENTS when there are fewer."""
    sentences = reading.sentences
    if not sentences:
        raise ValueError("a reading with no sentence cannot be laid out")
    if len(sentences) >= panel_count:
        slots, start = [], 0
        for i in range(panel_count):
            end = round((i + 1) * len(sentences) / panel_count)
            slots.append(Slot(sentences=sentences[start:end]))
            start = end
        return slots
    slots = [Slot(sentences=[s]) for s in sentences]
    missing = panel_count - len(slots)
    for moment in MOMENTS:
        for s in sentences:
            if missing == 0:
                return slots
            if not moment.applies(s, reading) or (s is sentences[-1] and not moment.before):
                continue  # the story ends where the prompt ends: nothing is added after its last sentence
            at = next(i for i, slot in enumerate(slots) if slot.moment is None and slot.sentences[0] is s)
            slots.insert(at if moment.before else at + 1, Slot(sentences=[], moment=moment, anchor=s))
            missing -= 1
    turn = 0
    while missing > 0:  # still short: linger on the sentences, with another camera each time
        for s in sentences[:-1] or sentences:
            if missing == 0:
                break
            at = next(i for i, slot in enumerate(slots) if slot.moment is None and slot.sentences[0] is s)
            moment = LINGER[turn % len(LINGER)]
            turn += 1
            slots.insert(at + 1 if len(sentences) > 1 else at, Slot(sentences=[], moment=moment, anchor=s))
            missing -= 1
    return slots


def written_line(
    speaker_style: str,
    action: Action | None,
    other: str | None,
    prop: str | None,
    place: str | None,
    rng: random.Random,
    thing: str | None = None,
) -> str | None:
    """A line built from the prompt's own nouns, in the speaker's style; None when no row fits."""
    slots = {"other": other, "prop": prop, "place": place, "thing": thing}
    rows = [t for a, t in LINES if a == action] + [t for a, t in LINES if a is None]
    usable = [t for t in rows if all(slots[k] for k in ("other", "prop", "place", "thing") if "{" + k + "}" in t)]
    if not usable:
        return None
    preferred = [t for t in usable if t in [r for a, r in LINES if a == action]] or usable
    text = rng.choice(preferred).format(**{k: v or "" for k, v in slots.items()})
    return _STYLE_OPENERS.get(speaker_style, "") + text


def bubble_style(sentence: Sentence, quote: str) -> BubbleStyle:
    low = sentence.text.lower()
    if any(w in low for w in ("whisper", "murmur", "susurr", "chuchot", "flüster", "속삭", "囁")):
        return BubbleStyle.WHISPER
    if any(
        w in low for w in ("shout", "yell", "scream", "grit", "crie", "schrei", "ruft", "소리쳤", "叫")
    ) or quote.endswith("!!"):
        return BubbleStyle.SHOUT
    if any(w in low for w in ("thinks", "wonders", "piensa", "pense", "denkt", "생각", "思")):
        return BubbleStyle.THOUGHT
    return BubbleStyle.NORMAL


def positions(count: int) -> list[StagePosition]:
    return (
        [[StagePosition.CENTER], [StagePosition.LEFT, StagePosition.RIGHT]][min(count, 2) - 1]
        if count <= 2
        else [(StagePosition.LEFT, StagePosition.CENTER, StagePosition.RIGHT)[i % 3] for i in range(count)]
    )


LIGHTING = {
    TimeOfDay.NIGHT: "moonlight and lamps",
    TimeOfDay.DUSK: "warm low sun",
    TimeOfDay.DAWN: "pale first light",
    TimeOfDay.DAY: "natural daylight",
}
WEATHER_WORDS = {
    Weather.RAIN: "in the rain",
    Weather.STORM: "in a storm",
    Weather.SNOW: "in falling snow",
    Weather.FOG: "in fog",
    Weather.CLOUDY: "under grey clouds",
    Weather.CLEAR: "",
}
MOOD_OF = {
    Expression.SCARED: "tense",
    Expression.ANGRY: "tense",
    Expression.SAD: "melancholy",
    Expression.HAPPY: "warm",
    Expression.SURPRISED: "tense",
    Expression.DETERMINED: "tense",
}
