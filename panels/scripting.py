"""Turn a stored Panel row back into the engine's script objects, for the artist and the letterer.

The Panel row is the source of truth after planning: a user may edit the shot, the description or
the dialogue, or add panels by hand. Each draw therefore builds a one-panel Script from the row
(the webtoon's cast with its canonical looks and seeds, the panel's scene), so generated and
hand-made panels go through one code path. Values the engine does not know fall back to defaults
instead of failing the draw.
"""

from __future__ import annotations

from enum import StrEnum

from sketchdojo.engine.accessibility import PanelText, panel_alt_text, transcript
from sketchdojo.engine.layout import panel_size
from sketchdojo.engine.lettering import Bubble
from sketchdojo.engine.providers.base import DrawRequest, FaceBox, ReferenceImage
from sketchdojo.engine.script import (
    Action,
    ArtStyle,
    DialogueLine,
    Expression,
    PanelCharacter,
    PanelScript,
    Scene,
    Script,
    ScriptCharacter,
    Shot,
    StagePosition,
    TimeOfDay,
    Weather,
)


def _enum(kind: type[StrEnum], value, default):
    try:
        return kind(value)
    except ValueError:
        return default


def script_cast(webtoon) -> list[ScriptCharacter]:
    return [ScriptCharacter.model_validate(c) for c in (webtoon.script or {}).get("characters", [])]


def panel_script(panel, cast: list[ScriptCharacter]) -> PanelScript:
    """The panel as a script panel (sequence 1 of a one-panel script), limited to the known cast."""
    names = {c.name for c in cast}
    characters = [
        PanelCharacter(
            name=c["name"],
            position=_enum(StagePosition, c.get("position"), StagePosition.CENTER),
            expression=_enum(Expression, c.get("expression"), Expression.NEUTRAL),
            action=_enum(Action, c.get("action"), Action.STANDING),
        )
        for c in panel.characters_present
        if isinstance(c, dict) and c.get("name") in names
    ][:6]
    dialogue = []
    for bubble in panel.speech_bubbles:
        style = bubble.get("style") or "normal"
        speaker = bubble.get("speaker")
        if style != "narration" and speaker not in names:
            continue
        dialogue.append(
            DialogueLine(speaker=speaker if style != "narration" else None, text=bubble["text"], style=style)
        )
    sfx = [text[:24] for text in _element_texts(panel, "sfx", "sign", "text")][:4]
    props = _element_texts(panel, "prop")[:6]
    return PanelScript(
        sequence=1,
        scene=0,
        shot=_enum(Shot, panel.shot, Shot.MEDIUM),
        description=panel.visual_description or "A quiet moment.",
        characters=characters,
        dialogue=dialogue[:6],
        sfx=sfx,
        props=props,
    )


def _element_texts(panel, *element_types: str) -> list[str]:
    """The non-empty texts of the panel's visual elements of these types (untyped ones are SFX)."""
    texts = (
        str(e.get("text", "")).strip()
        for e in panel.visual_elements
        if isinstance(e, dict) and e.get("element_type", "sfx") in element_types
    )
    return [text for text in texts if text]


def panel_scene(panel) -> Scene:
    return Scene(
        index=0,
        location=(panel.location or "city")[:200],
        time_of_day=_enum(TimeOfDay, panel.time_of_day, TimeOfDay.DAY),
        weather=_enum(Weather, panel.weather, Weather.CLEAR),
        mood=panel.mood or "calm",
    )


def panel_draw_request(
    panel,
    *,
    seed: int,
    looks: dict[str, str] | None = None,
    references: dict[str, tuple[ReferenceImage, ...]] | None = None,
) -> DrawRequest:
    """What the image provider is asked to draw for this panel row, with the cast's canonical looks
    and reference images by name (`panels.looks.cast_looks`)."""
    webtoon = panel.webtoon
    cast = script_cast(webtoon)
    script_panel = panel_script(panel, cast)
    script = Script(
        title=(webtoon.title or "Untitled")[:200],
        synopsis=(webtoon.summary or webtoon.description or "")[:2000],
        style=_enum(ArtStyle, webtoon.style, ArtStyle.WEBTOON),
        characters=cast,
        scenes=[panel_scene(panel)],
        panels=[script_panel],
    )
    width, height = panel_size(script_panel.shot)
    return DrawRequest(
        script=script,
        panel=script_panel,
        style=script.style.value,
        width=width,
        height=height,
        seed=seed,
        looks=dict(looks or {}),
        references=dict(references or {}),
    )


def panel_bubbles(panel) -> list[Bubble]:
    return [Bubble.from_dict(b) for b in panel.speech_bubbles]


def panel_faces(panel) -> list[FaceBox]:
    return [FaceBox(name=f["name"], box=tuple(f["box"])) for f in (panel.generation_meta or {}).get("faces", [])]


def panel_sfx(panel) -> list[str]:
    return [str(e["text"]) for e in panel.visual_elements if e.get("element_type", "sfx") == "sfx" and e.get("text")]


def panel_text(panel, bubbles: list | None = None) -> PanelText:
    """The panel's alt text (from its script: who, where, what happens) and its transcript: of its own
    bubbles, or of `bubbles` (the same panel lettered in a translation's language)."""
    return PanelText(
        number=panel.sequence_number,
        alt=panel_alt_text(
            number=panel.sequence_number,
            location=panel.location,
            time_of_day=panel.time_of_day,
            weather=panel.weather,
            characters=panel.characters_present,
            description=panel.visual_description,
        ),
        transcript=transcript(panel.speech_bubbles if bubbles is None else bubbles, panel_sfx(panel)),
    )
