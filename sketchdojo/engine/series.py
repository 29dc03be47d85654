"""Series memory: what a series remembers between its episodes, and how episode N is told from it.

A project is a series and its webtoons are episodes. When an episode completes, it is recapped: a
summary and each character's state (where they are, what they know, their relationships). The
offline recap reads the script; an LLM provider writes it in one structured call (`EpisodeRecap`
is its schema). `memory_with_episode` folds a recap into the stored `StoryMemory`.

Planning episode N gets a `SeriesContext`: the memory and the series cast (each recurring
character's canonical look from the episode that introduced them). `keep_series_looks` puts those
looks back on a new script, so a character never changes face between episodes, whatever the
planner wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from sketchdojo.engine.script import BubbleStyle, Script, ScriptCharacter

MAX_EPISODES = 500
MAX_CHARACTERS = 50
MAX_FACTS = 12
MAX_RELATIONSHIPS = 20
SUMMARY_LENGTH = 4000
PREVIOUSLY = "Previously… "
# How much of the memory goes into a planner prompt: the latest episodes in full, the rest dropped.
PROMPT_EPISODES = 12

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Fact = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class CharacterState(_Strict):
    """Where a character stands at the end of the latest episode they were in."""

    name: Name
    location: Line = Field(default="", description="Where they are at the end of the episode.")
    knows: list[Fact] = Field(default_factory=list, max_length=MAX_FACTS, description="What they know.")
    relationships: dict[Name, Line] = Field(
        default_factory=dict, max_length=MAX_RELATIONSHIPS, description="Other character's name -> how they relate."
    )


class EpisodeSummary(_Strict):
    """One earlier episode, as the series remembers it."""

    episode_number: int = Field(ge=1)
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=SUMMARY_LENGTH)]


class StoryMemory(_Strict):
    """The whole memory of a series: its episodes in order and the state of each character."""

    episodes: list[EpisodeSummary] = Field(default_factory=list, max_length=MAX_EPISODES)
    characters: list[CharacterState] = Field(default_factory=list, max_length=MAX_CHARACTERS)

    def previous_episodes(self, before: int) -> list[EpisodeSummary]:
        return sorted((e for e in self.episodes if e.episode_number < before), key=lambda e: e.episode_number)


class EpisodeRecap(_Strict):
    """What one finished episode adds to the memory (the LLM's answer validates against this)."""

    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=SUMMARY_LENGTH)]
    characters: list[CharacterState] = Field(default_factory=list, max_length=MAX_CHARACTERS)


@dataclass(frozen=True)
class SeriesContext:
    """What the planner of episode `episode_number` knows of the series before it."""

    episode_number: int
    memory: StoryMemory = field(default_factory=StoryMemory)
    cast: tuple[ScriptCharacter, ...] = ()

    @property
    def previously(self) -> EpisodeSummary | None:
        earlier = self.memory.previous_episodes(self.episode_number)
        return earlier[-1] if earlier else None


@dataclass(frozen=True)
class RecapRequest:
    """A finished episode to recap, with the memory it continues."""

    script: Script
    episode_number: int
    memory: StoryMemory = field(default_factory=StoryMemory)


# --- the offline recap ----------------------------------------------------------------------------


def _sentences(text: str, limit: int) -> str:
    """The first sentences of `text` that fit in `limit` characters (at least a cut first one)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "), cut.rfind("。"))
    return cut[: end + 1] if end > 0 else cut.rstrip() + "…"


def recap_offline(request: RecapRequest) -> EpisodeRecap:
    """Recap an episode from its script alone: the story told, where it ends, who each character met,
    what they heard and said, and where they were last seen."""
    script = request.script
    last_panel = script.panels[-1]
    last_scene = script.scene_of(last_panel)
    ending = [c.name for c in last_panel.characters]
    summary = _sentences(script.synopsis, 1200)
    where = last_scene.location.replace("_", " ")
    summary += f" It ends at the {where}" + (f" with {_names(ending)}." if ending else ".")

    states: dict[str, CharacterState] = {}
    for character in script.characters:
        seen = [p for p in script.panels if any(c.name == character.name for c in p.characters)]
        spoken = [
            line
            for p in script.panels
            for line in p.dialogue
            if line.speaker == character.name and line.style is not BubbleStyle.NARRATION
        ]
        if not seen and not spoken:
            continue
        knows: list[str] = []
        for p in seen:
            for line in p.dialogue:
                if line.style is BubbleStyle.NARRATION or line.speaker == character.name:
                    continue
                knows.append(f"{line.speaker} said: “{line.text}”")
            if p.caption and not p.caption.startswith(PREVIOUSLY):  # the recap of a recap is noise
                knows.append(p.caption)
        knows += [f"said: “{line.text}”" for line in spoken]
        relationships = {}
        for p in seen:
            for other in p.characters:
                if other.name != character.name and other.name not in relationships:
                    relationships[other.name] = f"met in episode {request.episode_number}"
        location = script.scene_of(seen[-1]).location.replace("_", " ") if seen else ""
        states[character.name] = CharacterState(
            name=character.name,
            location=location,
            knows=[fact[:500] for fact in dict.fromkeys(knows)][:MAX_FACTS],
            relationships=dict(list(relationships.items())[:MAX_RELATIONSHIPS]),
        )
    return EpisodeRecap(summary=summary[:SUMMARY_LENGTH], characters=list(states.values()))


def _names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# --- folding a recap into the memory ----------------------------------------------------------------


def memory_with_episode(memory: StoryMemory, *, episode_number: int, title: str, recap: EpisodeRecap) -> StoryMemory:
    """The memory with this episode's summary (replacing an earlier recap of the same episode) and the
    characters' new states: location replaced, new facts after the old (the oldest dropped past
    MAX_FACTS), relationships merged (the newest word on a pair wins)."""
    episodes = [e for e in memory.episodes if e.episode_number != episode_number]
    episodes.append(EpisodeSummary(episode_number=episode_number, title=title[:200], summary=recap.summary))
    episodes.sort(key=lambda e: e.episode_number)
    states = {c.name: c for c in memory.characters}
    for new in recap.characters:
        old = states.get(new.name)
        if old is None:
            states[new.name] = new
            continue
        knows = list(dict.fromkeys([*old.knows, *new.knows]))[-MAX_FACTS:]
        relationships = {**old.relationships, **new.relationships}
        states[new.name] = CharacterState(
            name=new.name,
            location=new.location or old.location,
            knows=knows,
            relationships=dict(list(relationships.items())[-MAX_RELATIONSHIPS:]),
        )
    return StoryMemory(episodes=episodes[-MAX_EPISODES:], characters=list(states.values())[:MAX_CHARACTERS])


# --- planning an episode from the memory ------------------------------------------------------------

_LOOK_FIELDS = (
    "kind",
    "description",
    "palette",
    "hair_style",
    "build",
    "skin_tone",
    "age",
    "gender",
    "outfit",
    "accessories",
    "distinctive_features",
    "seed",
)


def keep_series_looks(script: Script, cast: tuple[ScriptCharacter, ...] | list[ScriptCharacter]) -> Script:
    """The script with every recurring character drawn as the series first drew them (their look
    fields and seed taken from `cast`); story fields (role, speech) stay as planned."""
    looks = {c.name: c for c in cast}
    if not any(c.name in looks for c in script.characters):
        return script
    characters = []
    for character in script.characters:
        stored = looks.get(character.name)
        if stored is not None:
            character = character.model_copy(update={name: getattr(stored, name) for name in _LOOK_FIELDS})
        characters.append(character)
    return Script.model_validate({**script.model_dump(), "characters": [c.model_dump() for c in characters]})


def previously_caption(context: SeriesContext | None, *, limit: int = 180) -> str | None:
    """ "Previously… <the last episode's summary>" for the first panel of an episode after the first."""
    last = context.previously if context else None
    if last is None:
        return None
    return PREVIOUSLY + _sentences(last.summary, limit - len(PREVIOUSLY))


def series_prompt(context: SeriesContext | None) -> str:
    """The series section of an LLM planner's prompt: the episode number, the summaries of earlier
    episodes, the recurring cast with their canonical looks, and each character's state."""
    if context is None or (not context.memory.episodes and not context.cast and not context.memory.characters):
        return ""
    parts = [
        f"This is episode {context.episode_number} of a series. Continue the story: keep what happened, "
        "keep every recurring character's name and look exactly, and open with a short narration caption "
        'recalling the previous episode ("Previously…").'
    ]
    earlier = context.memory.previous_episodes(context.episode_number)[-PROMPT_EPISODES:]
    if earlier:
        parts.append(
            "Previous episodes:\n"
            + "\n".join(
                f"- Episode {e.episode_number}" + (f" “{e.title}”" if e.title else "") + f": {e.summary}"
                for e in earlier
            )
        )
    if context.cast:
        parts.append(
            "Recurring cast (reuse these names and descriptions word for word when they appear):\n"
            + "\n".join(f"- {c.name} ({c.kind}): {c.description}" for c in context.cast)
        )
    if context.memory.characters:
        lines = []
        for state in context.memory.characters:
            line = f"- {state.name}"
            if state.location:
                line += f", last at: {state.location}"
            if state.knows:
                line += "; knows: " + " / ".join(state.knows)
            if state.relationships:
                line += "; relationships: " + ", ".join(f"{k}: {v}" for k, v in state.relationships.items())
            lines.append(line)
        parts.append("Where each character stands:\n" + "\n".join(lines))
    return "\n\n".join(parts)
