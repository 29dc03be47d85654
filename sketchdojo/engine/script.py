"""The story script: the one structure every LLM provider's output must validate against.

A script is what the planner hands to the artist and the letterer: the cast with canonical looks,
the scenes (where, when, weather, mood) and exactly `panel_count` panels (shot, description, who is
there doing what, what they say). `Script.model_validate(...)` rejects anything inconsistent
(unknown scene or speaker, holes in the panel sequence), so a malformed answer is never passed on.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

HexColour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]

MAX_PANELS = 20
MAX_CAST = 12


class ArtStyle(StrEnum):
    WEBTOON = "webtoon"
    MANGA = "manga"
    COMIC = "comic"
    ANIME = "anime"
    REALISTIC = "realistic"
    SKETCH = "sketch"
    CHIBI = "chibi"
    PAINTING = "painting"


class Shot(StrEnum):
    EXTREME_WIDE = "extreme_wide"
    WIDE = "wide"
    MEDIUM = "medium"
    CLOSE_UP = "close_up"
    EXTREME_CLOSE_UP = "extreme_close_up"


class BubbleStyle(StrEnum):
    NORMAL = "normal"
    THOUGHT = "thought"
    SHOUT = "shout"
    WHISPER = "whisper"
    NARRATION = "narration"


class TimeOfDay(StrEnum):
    DAWN = "dawn"
    DAY = "day"
    DUSK = "dusk"
    NIGHT = "night"


class Weather(StrEnum):
    CLEAR = "clear"
    CLOUDY = "cloudy"
    RAIN = "rain"
    STORM = "storm"
    SNOW = "snow"
    FOG = "fog"


class StagePosition(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class Expression(StrEnum):
    NEUTRAL = "neutral"
    HAPPY = "happy"
    ANGRY = "angry"
    SAD = "sad"
    SURPRISED = "surprised"
    SCARED = "scared"
    DETERMINED = "determined"


class Action(StrEnum):
    STANDING = "standing"
    WALKING = "walking"
    RUNNING = "running"
    FIGHTING = "fighting"
    CASTING = "casting"
    POINTING = "pointing"
    SITTING = "sitting"
    FALLING = "falling"
    LOOKING = "looking"
    TALKING = "talking"
    CELEBRATING = "celebrating"
    HUGGING = "hugging"
    EATING = "eating"
    DRINKING = "drinking"
    CRYING = "crying"
    SLEEPING = "sleeping"
    READING = "reading"
    HOLDING = "holding"
    STEALING = "stealing"
    FLYING = "flying"
    SWIMMING = "swimming"
    WAVING = "waving"
    PHONING = "phoning"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=False)


class Palette(_Strict):
    """A character's colours: drawn the same in every panel."""

    hair: HexColour
    eyes: HexColour
    skin: HexColour
    outfit: HexColour
    accent: HexColour


class ScriptCharacter(_Strict):
    """One member of the cast with its canonical look. The look fields use the keys of
    `sketchdojo.engine.vocabulary` (HAIR_STYLES, SKIN_TONES, BUILDS, AGES, GARMENTS, ACCESSORIES,
    KINDS); an unknown word is kept and drawn as the nearest known one."""

    name: ShortText
    kind: str = Field(default="human", description="human, or an animal/creature kind: cat, dog, dragon, robot, ...")
    role: str = "supporting"
    description: LongText = Field(description="Canonical visual description, repeated in every image prompt.")
    palette: Palette
    hair_style: str = "short"
    build: str = "average"
    skin_tone: str = "light"
    age: str = "adult"
    gender: str = Field(default="neutral", description="Gender presentation: feminine, masculine or neutral.")
    outfit: str = Field(default="shirt", description="Garment: coat, dress, armour, uniform, hoodie, suit, ...")
    accessories: list[str] = Field(default_factory=list, max_length=6)
    speech_style: str = "neutral"
    distinctive_features: list[str] = Field(default_factory=list)
    seed: int = Field(ge=0, lt=2**32, description="Image seed kept for this character across panels.")


class Scene(_Strict):
    index: int = Field(ge=0)
    location: ShortText = Field(description="A place word the artist knows: village, forest, city, school, sea, ...")
    setting: LongText = ""
    time_of_day: TimeOfDay = TimeOfDay.DAY
    weather: Weather = Weather.CLEAR
    lighting: str = "natural"
    mood: str = "calm"


class PanelCharacter(_Strict):
    name: ShortText
    position: StagePosition = StagePosition.CENTER
    expression: Expression = Expression.NEUTRAL
    action: Action = Action.STANDING


class DialogueLine(_Strict):
    speaker: str | None = Field(default=None, description="A character's name; None for narration.")
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    style: BubbleStyle = BubbleStyle.NORMAL


class PanelScript(_Strict):
    sequence: int = Field(ge=1, le=MAX_PANELS)
    scene: int = Field(ge=0)
    shot: Shot = Shot.MEDIUM
    beat: str = Field(default="", description="Story role of the panel: establishing, rising, climax, resolution.")
    description: LongText
    characters: list[PanelCharacter] = Field(default_factory=list, max_length=6)
    dialogue: list[DialogueLine] = Field(default_factory=list, max_length=6)
    caption: str | None = Field(default=None, max_length=300)
    sfx: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=24)]] = Field(
        default_factory=list, max_length=4
    )
    props: list[str] = Field(default_factory=list, max_length=6, description="Things to draw: sandwich, phone, ...")


class Script(_Strict):
    title: ShortText
    synopsis: LongText
    style: ArtStyle = ArtStyle.WEBTOON
    language: str = Field(default="en", max_length=35, description="BCP 47 tag of the story's language.")
    characters: list[ScriptCharacter] = Field(default_factory=list, max_length=MAX_CAST)
    scenes: list[Scene] = Field(min_length=1, max_length=MAX_PANELS)
    panels: list[PanelScript] = Field(min_length=1, max_length=MAX_PANELS)

    @model_validator(mode="after")
    def _consistent(self) -> Script:
        names = {c.name for c in self.characters}
        if len(names) != len(self.characters):
            raise ValueError("character names must be unique")
        scene_ids = {s.index for s in self.scenes}
        if sorted(scene_ids) != list(range(len(self.scenes))):
            raise ValueError("scene indexes must be 0..n-1")
        if [p.sequence for p in self.panels] != list(range(1, len(self.panels) + 1)):
            raise ValueError("panel sequences must run 1..n in order")
        for p in self.panels:
            if p.scene not in scene_ids:
                raise ValueError(f"panel {p.sequence} refers to unknown scene {p.scene}")
            for c in p.characters:
                if c.name not in names:
                    raise ValueError(f"panel {p.sequence} has unknown character {c.name!r}")
            for line in p.dialogue:
                if line.style is BubbleStyle.NARRATION:
                    continue
                if line.speaker is None or line.speaker not in names:
                    raise ValueError(f"panel {p.sequence} has dialogue by unknown speaker {line.speaker!r}")
        return self

    def character(self, name: str) -> ScriptCharacter:
        return next(c for c in self.characters if c.name == name)

    def scene_of(self, panel: PanelScript) -> Scene:
        return self.scenes[panel.scene]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "webtoon"
