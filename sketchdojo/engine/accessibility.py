"""What a reader who cannot see the art gets: each panel's alt text and the transcript of its words.

The alt text is written from the panel's script: who is there (and what they do, with what
face), where and when, then what happens. The transcript is the panel's bubbles in reading order
with their speakers (narration, thoughts, shouts and whispers said as such), then its sound
effects. The reader page and the HTML export both show them; neither reads the art itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

ALT_TEXT_LIMIT = 600

_WEATHER = {"rain": "in the rain", "storm": "in a storm", "snow": "in the snow", "fog": "in the fog"}
_TIME = {"dawn": "at dawn", "dusk": "at dusk", "night": "at night"}
_MANNER = {"thought": "thinks", "shout": "shouts", "whisper": "whispers"}
# The offline planner opens a description with staging notes the alt text already says in words:
# "Wide at the village, night, storm." / "The village, night." / "Close on Alex." / "The whole movement."
_STAGING = re.compile(
    r"^(?:(?:extreme wide|wide|medium|close up|extreme close up) at the [^.]*|the [^.]*, (?:dawn|day|dusk|night)[^.]*"
    r"|close on [^.]*|the whole movement)\.\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TranscriptLine:
    """One bubble or sound effect: `speaker` is None for narration and sounds."""

    kind: str  # normal, thought, shout, whisper, narration, sound
    text: str
    speaker: str | None = None

    @property
    def label(self) -> str:
        """How a screen reader introduces the line: "Mina", "Mina (whispers)", "Narration", "Sound"."""
        if self.kind == "narration" or (self.speaker is None and self.kind != "sound"):
            return "Narration"
        if self.kind == "sound":
            return "Sound"
        manner = _MANNER.get(self.kind)
        return f"{self.speaker} ({manner})" if manner else str(self.speaker)


@dataclass(frozen=True)
class PanelText:
    """A panel's words for readers who do not see it: its alt text and its transcript."""

    number: int
    alt: str
    transcript: list[TranscriptLine] = field(default_factory=list)


def _who(characters: list[dict[str, Any]]) -> str:
    people = []
    for character in characters:
        if not isinstance(character, dict) or not str(character.get("name") or "").strip():
            continue
        doing = [
            str(character[key]).replace("_", " ")
            for key in ("action", "expression")
            if character.get(key) and character[key] not in ("standing", "neutral")
        ]
        people.append(character["name"].strip() + (f" ({', '.join(doing)})" if doing else ""))
    if len(people) <= 1:
        return "".join(people)
    return ", ".join(people[:-1]) + " and " + people[-1]


def _where(location: str, time_of_day: str, weather: str) -> str:
    parts = []
    if location.strip():
        parts.append("at the " + location.strip().replace("_", " "))
    if _TIME.get(time_of_day):
        parts.append(_TIME[time_of_day])
    if _WEATHER.get(weather):
        parts.append(_WEATHER[weather])
    return ", ".join(parts)


def _what(description: str, names: list[str]) -> str:
    text = " ".join(description.split())
    while True:
        stripped = _STAGING.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    # the planner's listing of who is there ("Alex casting, determined; Mina looking, scared.")
    first, _, rest = text.partition(". ")
    if names and rest and all(any(part.strip().startswith(n) for n in names) for part in first.split(";")):
        text = rest
    return text.strip()


def panel_alt_text(
    *,
    number: int,
    location: str = "",
    time_of_day: str = "",
    weather: str = "",
    characters: list[dict[str, Any]] | None = None,
    description: str = "",
) -> str:
    """ "Panel 2: Alex (casting, determined) and Mina (scared) at the village, at night, in a storm.
    Alex discovers his lightning powers." Who, where, then what happens, at most ALT_TEXT_LIMIT characters."""
    characters = characters or []
    who = _who(characters)
    where = _where(location, time_of_day, weather)
    scene = " ".join(part for part in (who, where) if part)
    if scene:
        scene = scene[0].upper() + scene[1:] + "."
    names = [str(c.get("name")) for c in characters if isinstance(c, dict) and c.get("name")]
    what = _what(description, names)
    text = " ".join(part for part in (f"Panel {number}:", scene, what) if part)
    if len(text) > ALT_TEXT_LIMIT:
        text = text[: ALT_TEXT_LIMIT - 1].rstrip() + "…"
    return text


def transcript(bubbles: list[dict[str, Any]], sounds: list[str] | None = None) -> list[TranscriptLine]:
    """The panel's bubbles in reading order (as lettered) with their speakers, then its sound effects."""
    lines = []
    for bubble in bubbles or []:
        if not isinstance(bubble, dict) or not str(bubble.get("text") or "").strip():
            continue
        kind = bubble.get("style") or "normal"
        speaker = bubble.get("speaker") if kind != "narration" else None
        lines.append(TranscriptLine(kind=kind, text=str(bubble["text"]).strip(), speaker=speaker or None))
    lines += [TranscriptLine(kind="sound", text=sound.strip()) for sound in sounds or [] if sound.strip()]
    return lines
