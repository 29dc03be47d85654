"""What we say to the models: the planner's instructions and schema, and each panel's image prompt.

Both LLM providers send the same instructions (story, art style, the project's characters with their
canonical descriptions, the exact panel count, every allowed enum value) and validate the answer the
same way. Both image providers build the same prompt from the panel, its scene and the canonical look
of each character present, so a character keeps one look whoever draws it. The letterer adds all text
later, so every image prompt keeps text and speech bubbles out of the art.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sketchdojo.engine.providers.base import DrawRequest, PlanRequest, ProviderMalformedOutput
from sketchdojo.engine.script import (
    Action,
    ArtStyle,
    BubbleStyle,
    Expression,
    Script,
    ScriptCharacter,
    Shot,
    StagePosition,
    TimeOfDay,
    Weather,
)
from sketchdojo.engine.series import EpisodeRecap, RecapRequest, series_prompt

SCRIPT_TOOL_NAME = "submit_script"
SCRIPT_SCHEMA_NAME = "webtoon_script"

PLANNER_SYSTEM_PROMPT = """You are the story planner of a webtoon studio. You turn a story idea into a \
script for a vertical-scroll comic: a title, a one-paragraph synopsis, the cast with a canonical visual \
description for each character (repeated to the artist in every panel, so be concrete: age, build, hair, \
clothes, colours), the scenes, and the panels in reading order.

Rules:
- Write exactly the number of panels asked for, numbered 1..n in the `sequence` field.
- Scenes are numbered 0..m-1 in `index`; every panel names the scene it happens in.
- Every character in a panel and every speaker of dialogue is a cast member, spelled exactly as in the cast.
- Narration has style "narration" and speaker null.
- Dialogue is short (one or two sentences per bubble); at most 6 bubbles and 4 sound effects per panel.
- Panel descriptions say what is seen (setting, poses, action), never text or speech bubbles: the \
letterer adds the words.
- Palette colours are hex codes like "#1a2b3c"; seeds are integers from 0 to 4294967295.
- Give the story a beginning, a turn and an ending across the panels; vary the shots."""


def _values(enum: type) -> str:
    return ", ".join(member.value for member in enum)


def _brief_lines(request: PlanRequest) -> list[str]:
    lines = []
    for brief in request.characters:
        line = f"- {brief.name} ({brief.role})"
        if brief.description:
            line += f": {brief.description}"
        if brief.appearance:
            line += f" Appearance: {json.dumps(brief.appearance, ensure_ascii=False, sort_keys=True)}."
        if brief.personality:
            line += f" Personality: {json.dumps(brief.personality, ensure_ascii=False, sort_keys=True)}."
        lines.append(line)
    lines.extend(f"- {text}" for text in request.character_descriptions if text.strip())
    return lines


def planner_user_prompt(request: PlanRequest) -> str:
    """The user message: the story and every constraint the answer is checked against."""
    parts = [f"Story: {request.prompt.strip()}"]
    if request.project_title:
        parts.append(f"Project title: {request.project_title}")
    if request.story_outline:
        parts.append(f"Story outline: {request.story_outline.strip()}")
    parts.append(f'Art style: {request.art_style} (set "style" to "{request.art_style}").')
    if request.color_scheme:
        parts.append(f"Colour scheme: {request.color_scheme}")
    cast = _brief_lines(request)
    if cast:
        parts.append(
            "The project's characters (put each in the cast under exactly this name, keeping their look):\n"
            + "\n".join(cast)
        )
    series = series_prompt(request.series)
    if series:
        parts.append(series)
    parts.append(f"Number of panels: exactly {request.panel_count}.")
    parts.append(
        "Allowed values:\n"
        f"- shot: {_values(Shot)}\n"
        f"- time_of_day: {_values(TimeOfDay)}\n"
        f"- weather: {_values(Weather)}\n"
        f"- character position: {_values(StagePosition)}\n"
        f"- expression: {_values(Expression)}\n"
        f"- action: {_values(Action)}\n"
        f"- dialogue style: {_values(BubbleStyle)}\n"
        f"- style: {_values(ArtStyle)}"
    )
    return "\n\n".join(parts)


def planner_schema_prompt() -> str:
    """For servers without structured output: the schema spelled out in the instructions."""
    schema = json.dumps(Script.model_json_schema(), separators=(",", ":"))
    return f"Answer with one JSON object only (no prose, no code fence) matching this JSON schema:\n{schema}"


def repair_prompt(problem: str, panel_count: int) -> str:
    return (
        f"That script was rejected: {problem}\n"
        f"Send the whole corrected script again, with exactly {panel_count} panels, following every rule."
    )


# Keywords OpenAI's strict structured output accepts; anything else is dropped from the strict variant.
_STRICT_KEYWORDS = {
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "anyOf",
    "$ref",
    "$defs",
    "description",
    "title",
    "pattern",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
}


def _strict(node: Any) -> Any:
    if isinstance(node, list):
        return [_strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:  # strict mode allows nothing beside a reference
        return {"$ref": node["$ref"]}
    out = {}
    for key, value in node.items():
        if key not in _STRICT_KEYWORDS:
            continue
        if key in ("properties", "$defs"):
            out[key] = {name: _strict(child) for name, child in value.items()}
        else:
            out[key] = _strict(value)
    if out.get("type") == "object" or "properties" in out:
        out["additionalProperties"] = False
        out["required"] = list(out.get("properties", {}))
    return out


def script_json_schema(*, strict: bool) -> dict[str, Any]:
    """The Script schema, as is, or in the form OpenAI's strict structured output requires.

    Strict mode needs every property required and `additionalProperties: false` everywhere, and
    rejects keywords like `default` and `maxLength`. The strict variant is a relaxation of the real
    schema (the model must spell out what would default), and the answer is still validated with
    `Script.model_validate`, so nothing the real schema forbids gets through.
    """
    schema = copy.deepcopy(Script.model_json_schema())
    return _strict(schema) if strict else schema


def _summarise(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors()[:8]:
        where = ".".join(str(part) for part in error["loc"]) or "script"
        problems.append(f"{where}: {error['msg']}")
    more = exc.error_count() - len(problems)
    return "; ".join(problems) + (f"; and {more} more" if more > 0 else "")


def decode_answer(answer: str | dict[str, Any], *, provider: str) -> dict[str, Any]:
    """A structured answer as a JSON object: raw text is decoded (a code fence around it is tolerated,
    some local models fence their JSON even in JSON mode), or ProviderMalformedOutput says why not."""
    if isinstance(answer, str):
        text = answer.strip()
        if text.startswith("```"):
            text = text.strip("`").removeprefix("json").strip()
        try:
            answer = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ProviderMalformedOutput(f"the answer is not valid JSON ({exc.msg})", provider=provider) from exc
    if not isinstance(answer, dict):
        raise ProviderMalformedOutput("the answer is not a JSON object", provider=provider)
    return answer


def parse_script(answer: str | dict[str, Any], request: PlanRequest, *, provider: str) -> Script:
    """Validate an answer into a Script with exactly the panels asked for, or raise ProviderMalformedOutput."""
    answer = decode_answer(answer, provider=provider)
    answer = {**answer, "style": request.art_style}
    try:
        script = Script.model_validate(answer)
    except ValidationError as exc:
        raise ProviderMalformedOutput(_summarise(exc), provider=provider) from exc
    if len(script.panels) != request.panel_count:
        raise ProviderMalformedOutput(
            f"it has {len(script.panels)} panels, exactly {request.panel_count} were asked for", provider=provider
        )
    return script


# --- image prompts ---------------------------------------------------------------------------------

STYLE_WORDS = {
    ArtStyle.WEBTOON: "Korean webtoon style digital illustration, clean line art, soft cel shading, vivid colours",
    ArtStyle.MANGA: "black and white manga illustration, crisp ink lines, screentone shading",
    ArtStyle.COMIC: "American comic book art, bold ink outlines, flat colours, halftone shading",
    ArtStyle.ANIME: "anime key visual, cel shading, expressive eyes, detailed background",
    ArtStyle.REALISTIC: "realistic cinematic illustration, natural proportions, detailed lighting",
    ArtStyle.SKETCH: "pencil sketch, loose graphite lines, cross-hatching on paper",
    ArtStyle.CHIBI: "chibi style, cute super-deformed characters with big heads and small bodies, pastel colours",
    ArtStyle.PAINTING: "painterly digital painting, visible brush strokes, rich colour",
}

# Stability AI's style presets: 3d-model analog-film anime cinematic comic-book digital-art enhance
# fantasy-art isometric line-art low-poly modeling-compound neon-punk origami photographic pixel-art
# tile-texture. The nearest per art style (the style words above do the rest).
STABILITY_STYLE_PRESETS = {
    ArtStyle.WEBTOON: "anime",
    ArtStyle.MANGA: "line-art",
    ArtStyle.COMIC: "comic-book",
    ArtStyle.ANIME: "anime",
    ArtStyle.REALISTIC: "cinematic",
    ArtStyle.SKETCH: "line-art",
    ArtStyle.CHIBI: "anime",
    ArtStyle.PAINTING: "fantasy-art",
}

SHOT_WORDS = {
    Shot.EXTREME_WIDE: "extreme wide establishing shot, small figures in a vast setting",
    Shot.WIDE: "wide shot, full figures in their surroundings",
    Shot.MEDIUM: "medium shot, characters from the waist up",
    Shot.CLOSE_UP: "close-up on the face and shoulders",
    Shot.EXTREME_CLOSE_UP: "extreme close-up on the eyes and expression",
}

NEGATIVE_PROMPT = (
    "text, letters, words, writing, captions, speech bubbles, word balloons, thought bubbles, sound effect "
    "lettering, signature, watermark, logo, frame, panel borders, multiple panels, split screen, "
    "deformed hands, extra limbs, extra fingers, blurry, low quality"
)

# Prompts longer than this are cut (DALL·E 3 takes 4,000 characters; Stability AI 10,000).
IMAGE_PROMPT_LIMIT = 3900


def character_look(character: ScriptCharacter, looks: dict[str, str] | None = None) -> str:
    """A character's canonical look, word for word: the stored look in `looks`, else the script's description.

    Never rebuilt from the palette: a project character's stored description/appearance is the only
    source of its look, and it reaches every panel in the same words.
    """
    if looks and looks.get(character.name, "").strip():
        return looks[character.name].strip().rstrip(".")
    return character.description.strip().rstrip(".")


def canonical_look(description: str, appearance: dict[str, Any] | None = None) -> str:
    """The look text of a stored character: its description, then its appearance fields as written.

    `appearance` values are kept verbatim ("hair": "silver spiky" -> "hair: silver spiky"), in key order.
    """
    parts = [description.strip().rstrip(".")] if description.strip() else []
    for key in sorted(appearance or {}):
        value = appearance[key]
        if isinstance(value, list | tuple):
            value = ", ".join(str(v) for v in value)
        if str(value).strip():
            parts.append(f"{str(key).replace('_', ' ')}: {str(value).strip()}")
    return "; ".join(parts)


def image_prompt(request: DrawRequest) -> str:
    """Panel, scene, shot and the canonical looks of the characters present, in the request's art style."""
    panel, script = request.panel, request.script
    scene = script.scene_of(panel)
    style = ArtStyle(request.style) if request.style in ArtStyle._value2member_map_ else ArtStyle.WEBTOON
    parts = [
        STYLE_WORDS[style],
        SHOT_WORDS[Shot(panel.shot)],
        panel.description.rstrip("."),
        f"Setting: {scene.location}" + (f", {scene.setting.rstrip('.')}" if scene.setting else ""),
        f"{TimeOfDay(scene.time_of_day).value}, {Weather(scene.weather).value} weather, "
        f"{scene.lighting} lighting, {scene.mood} mood",
    ]
    for present in panel.characters:
        character = script.character(present.name)
        look = character_look(character, request.looks)
        parts.append(
            f"{character.name}: "
            + (f"{look}; " if look else "")
            + f"{Expression(present.expression).value} expression, "
            f"{Action(present.action).value}, {StagePosition(present.position).value} of the frame"
        )
    parts.append("no text, no speech bubbles, no lettering")
    prompt = ". ".join(part for part in parts if part) + "."
    return prompt[:IMAGE_PROMPT_LIMIT]


MAX_SEED = 4294967295


def _hash_seed(*parts: object) -> int:
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).digest()
    return int.from_bytes(digest[:4], "big")


def character_seed(key: str | int) -> int:
    """A character's one stored seed, derived from a stable key (its id or name); 0..MAX_SEED."""
    return _hash_seed("character", key)


def derive_panel_seed(character_seeds: list[int] | tuple[int, ...], panel_number: int, *, base: int = 0) -> int:
    """A panel's seed from its characters' stored seeds (order does not matter) and its number.

    Deterministic: the same cast and panel number always give the same seed; another panel number or
    cast gives another. A panel with no character uses `base` (e.g. the webtoon's seed) instead.
    """
    return _hash_seed("panel", base, *sorted(int(seed) for seed in character_seeds), panel_number)


def panel_seed(request: DrawRequest) -> int:
    """The seed a provider sends for this panel: the request's (the pipeline derives it per panel)."""
    return request.seed % (MAX_SEED + 1)


def negative_prompt(request: DrawRequest) -> str:
    """The request's negative prompt, or the default one (no text, no bubbles, no artefacts)."""
    return request.negative_prompt.strip() or NEGATIVE_PROMPT


def nearest_shape(width: int, height: int, shapes: dict[Any, float]) -> Any:
    """The key of `shapes` (name or size -> width/height ratio) closest in log ratio to width x height."""
    ratio = math.log(width / height)
    return min(shapes, key=lambda name: abs(math.log(shapes[name]) - ratio))


class MalformedAnswer(ProviderMalformedOutput):
    """A malformed answer, with the model's reply kept so the repair round can show it back."""

    def __init__(self, message: str, *, provider: str, reply: Any):
        super().__init__(message, provider=provider)
        self.reply = reply


@dataclass(frozen=True)
class StructuredAsk:
    """One kind of structured answer a planner asks for: the script, or an episode recap.

    `name` names the JSON schema (OpenAI) and the tool (Anthropic); `schema(strict)` is its JSON schema;
    `parse(answer)` validates a decoded or raw answer, raising ProviderMalformedOutput.
    """

    name: str
    description: str
    system: str
    schema: Callable[[bool], dict[str, Any]]
    parse: Callable[[Any], Any]
    json_mode_prompt: Callable[[], str]
    what: str = "story"  # what a refusal says the model would not write


def script_ask(request: PlanRequest, *, provider: str) -> StructuredAsk:
    return StructuredAsk(
        name=SCRIPT_SCHEMA_NAME,
        description="Submit the finished webtoon script.",
        system=PLANNER_SYSTEM_PROMPT,
        schema=lambda strict: script_json_schema(strict=strict),
        parse=lambda answer: parse_script(answer, request, provider=provider),
        json_mode_prompt=planner_schema_prompt,
    )


def ask_with_one_repair(
    first_message: str,
    *,
    ask: Callable[[list[dict[str, Any]]], Any],
    repair_turn: Callable[[MalformedAnswer, str], list[dict[str, Any]]],
    feedback: Callable[[str], str],
    provider: str,
    failure: str,
) -> Any:
    """A structured conversation: ask; a malformed answer goes back once with what was wrong.

    `ask` sends the messages so far and returns the validated answer or raises `MalformedAnswer`;
    `repair_turn(error, feedback_text)` gives the messages to add (the model's reply and our feedback,
    in the provider's own format). A second malformed answer raises `ProviderMalformedOutput`
    starting with `failure`.
    """
    messages: list[dict[str, Any]] = [{"role": "user", "content": first_message}]
    try:
        return ask(messages)
    except MalformedAnswer as first:
        messages += repair_turn(first, feedback(str(first)))
    try:
        return ask(messages)
    except MalformedAnswer as second:
        raise ProviderMalformedOutput(f"{failure} after a repair attempt: {second}", provider=provider) from second


def plan_with_one_repair(
    request: PlanRequest,
    *,
    ask: Callable[[list[dict[str, Any]]], Script],
    repair_turn: Callable[[MalformedAnswer, str], list[dict[str, Any]]],
    provider: str,
    label: str,
    model: str,
) -> Script:
    """The planners' conversation for the script (see `ask_with_one_repair`)."""
    return ask_with_one_repair(
        planner_user_prompt(request),
        ask=ask,
        repair_turn=repair_turn,
        feedback=lambda problem: repair_prompt(problem, request.panel_count),
        provider=provider,
        failure=f"{label} ({model}) did not return a valid script",
    )


# --- episode recaps (the series memory) ------------------------------------------------------------

RECAP_SCHEMA_NAME = "episode_recap"

RECAP_SYSTEM_PROMPT = (
    "You keep the story memory of a webtoon series. Given the script of the episode that just finished and "
    "what the series remembered before it, write what the series must remember now: a summary of this episode "
    "(what happens, in order, and how it ends; a few sentences, in the script's language) and, for each "
    "character in it, where they are at the end, what they now know, and how they relate to the others. Use "
    "the characters' names exactly as in the script."
)


class _Relationship(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(description="The other character's name.")
    relationship: str = Field(description="How they relate: friend, rival, owes a debt to, ...")


class _CharacterRecap(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    location: str = Field(description="Where they are at the end of the episode.")
    knows: list[str] = Field(description="What they know now (short facts).")
    relationships: list[_Relationship]


class RecapAnswer(BaseModel):
    """The recap as a model writes it (relationships as a list: strict JSON schemas allow no free maps)."""

    model_config = ConfigDict(extra="forbid")
    summary: str
    characters: list[_CharacterRecap]

    def to_recap(self) -> EpisodeRecap:
        return EpisodeRecap.model_validate(
            {
                "summary": self.summary,
                "characters": [
                    {
                        "name": c.name,
                        "location": c.location,
                        "knows": c.knows,
                        "relationships": {r.name: r.relationship for r in c.relationships},
                    }
                    for c in self.characters
                ],
            }
        )


def recap_json_schema(*, strict: bool) -> dict[str, Any]:
    schema = copy.deepcopy(RecapAnswer.model_json_schema())
    return _strict(schema) if strict else schema


def recap_user_prompt(request: RecapRequest) -> str:
    """The finished episode's script and the memory so far."""
    parts = [f"Episode {request.episode_number} has just finished."]
    earlier = request.memory.previous_episodes(request.episode_number)
    if earlier:
        parts.append(
            "The series so far:\n" + "\n".join(f"- Episode {e.episode_number}: {e.summary}" for e in earlier[-12:])
        )
    if request.memory.characters:
        states = [c.model_dump(mode="json") for c in request.memory.characters]
        parts.append("What the characters knew before this episode: " + json.dumps(states, ensure_ascii=False))
    script = request.script.model_dump(mode="json", exclude={"characters": {"__all__": {"palette", "seed"}}})
    parts.append("The script of this episode: " + json.dumps(script, ensure_ascii=False, separators=(",", ":")))
    return "\n\n".join(parts)


def recap_schema_prompt() -> str:
    schema = json.dumps(RecapAnswer.model_json_schema(), separators=(",", ":"))
    return f"Answer with one JSON object only (no prose, no code fence) matching this JSON schema:\n{schema}"


def recap_repair_prompt(problem: str) -> str:
    return f"That recap was rejected: {problem}\nSend the whole corrected recap again, following the schema."


def parse_recap(answer: str | dict[str, Any], *, provider: str) -> EpisodeRecap:
    """Validate an answer into an EpisodeRecap, or raise ProviderMalformedOutput."""
    answer = decode_answer(answer, provider=provider)
    try:
        return RecapAnswer.model_validate(answer).to_recap()
    except ValidationError as exc:
        raise ProviderMalformedOutput(_summarise(exc), provider=provider) from exc


def recap_ask(*, provider: str) -> StructuredAsk:
    return StructuredAsk(
        name=RECAP_SCHEMA_NAME,
        description="Submit the recap of the finished episode.",
        system=RECAP_SYSTEM_PROMPT,
        schema=lambda strict: recap_json_schema(strict=strict),
        parse=lambda answer: parse_recap(answer, provider=provider),
        json_mode_prompt=recap_schema_prompt,
        what="episode recap",
    )
