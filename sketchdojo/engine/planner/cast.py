"""The cast: each character's canonical look, palette, voice and image seed, from briefs or from the story.

Characters the project defines (`CharacterBrief`) keep their names, roles and looks; free-text
colours ("silver", "electric_blue", "fair") become hex colours through word tables, and unknown
words get a stable hash-derived colour, so the artist draws a character the same in every panel and
every run. When the story needs someone nobody defined (the hero of a prompt with no characters,
the monsters, a villager to save), the cast is completed from what `read_story` found.
"""

from __future__ import annotations

import colorsys
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from sketchdojo.engine.planner import lexicon
from sketchdojo.engine.planner.lexicon import word_set
from sketchdojo.engine.planner.reading import StoryReading
from sketchdojo.engine.providers.base import CharacterBrief
from sketchdojo.engine.script import Palette, ScriptCharacter

# The script holds at most this many characters.
MAX_CAST = 12

# Speech styles the dialogue writer knows, and words that mean them.
SPEECH_STYLES = ("confident", "shy", "formal", "sarcastic", "cheerful", "gruff", "neutral", "monstrous", "menacing")
_STYLE_ALIASES = {
    "bold": "confident",
    "brash": "confident",
    "cocky": "confident",
    "brave": "confident",
    "arrogant": "confident",
    "impulsive": "confident",
    "timid": "shy",
    "quiet": "shy",
    "soft-spoken": "shy",
    "soft_spoken": "shy",
    "nervous": "shy",
    "shy": "shy",
    "polite": "formal",
    "noble": "formal",
    "eloquent": "formal",
    "wise": "formal",
    "proper": "formal",
    "witty": "sarcastic",
    "cynical": "sarcastic",
    "dry": "sarcastic",
    "snarky": "sarcastic",
    "sarcastic": "sarcastic",
    "bubbly": "cheerful",
    "happy": "cheerful",
    "optimistic": "cheerful",
    "energetic": "cheerful",
    "cheerful": "cheerful",
    "friendly": "cheerful",
    "grumpy": "gruff",
    "stoic": "gruff",
    "blunt": "gruff",
    "rough": "gruff",
    "gruff": "gruff",
    "evil": "menacing",
    "cruel": "menacing",
    "cold": "menacing",
    "menacing": "menacing",
}
_SPEAKING_THREATS = word_set("sorcerer witch villain demon vampire pirate bandit thief bully ninja army alien robot")
_NATURAL_HAIR = ("black", "dark_brown", "brown", "chestnut", "auburn", "blonde", "ginger", "raven")
_NATURAL_EYES = ("brown", "hazel", "green", "blue", "grey", "amber")


def stable_seed(*parts: str) -> int:
    """A 32-bit seed that is the same on every machine and run (unlike `hash()` of a string)."""
    digest = hashlib.sha256("\x1f".join(p.strip().lower() for p in parts).encode()).digest()
    return int.from_bytes(digest[:4], "big")


def _hex(r: float, g: float, b: float) -> str:
    return "#{:02X}{:02X}{:02X}".format(*(max(0, min(255, round(c * 255))) for c in (r, g, b)))


def _hashed_colour(word: str) -> str:
    seed = stable_seed("colour", word)
    hue = (seed % 360) / 360
    saturation = 0.45 + ((seed >> 9) % 30) / 100
    value = 0.5 + ((seed >> 17) % 35) / 100
    return _hex(*colorsys.hsv_to_rgb(hue, saturation, value))


def _shade(colour: str, factor: float) -> str:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, light, s = colorsys.rgb_to_hls(r, g, b)
    return _hex(*colorsys.hls_to_rgb(h, max(0.05, min(0.95, light * factor)), s))


# A project's colour scheme recolours what characters wear (never their hair, eyes or skin):
# scheme -> (saturation factor, lightness target or None, hue shift toward warm (+) or cool (-)).
_SCHEMES: dict[str, tuple[float, float | None, float]] = {
    "vibrant": (1.35, None, 0.0),
    "pastel": (0.6, 0.78, 0.0),
    "dark": (0.9, 0.28, 0.0),
    "muted": (0.5, None, 0.0),
    "monochrome": (0.0, None, 0.0),
    "warm": (1.1, None, 0.06),
    "cool": (1.1, None, -0.06),
}


def _recolour(colour: str, scheme: tuple[float, float | None, float]) -> str:
    saturation, lightness, warmth = scheme
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, light, s = colorsys.rgb_to_hls(r, g, b)
    if warmth:
        target = 0.08 if warmth > 0 else 0.6  # orange or blue
        distance = ((target - h + 0.5) % 1.0) - 0.5  # the short way round the colour wheel
        h = (h + distance * min(1.0, abs(warmth) * 4)) % 1.0
    if lightness is not None:
        light += (lightness - light) * 0.75
    return _hex(*colorsys.hls_to_rgb(h, light, max(0.0, min(1.0, s * saturation))))


def apply_colour_scheme(members: list[CastMember], scheme: str) -> list[CastMember]:
    """Recolour outfits and accents by the project's colour scheme; unknown schemes change nothing."""
    rule = _SCHEMES.get(_normalise(scheme))
    if rule is None:
        return members
    for member in members:
        palette = member.character.palette
        recoloured = palette.model_copy(
            update={"outfit": _recolour(palette.outfit, rule), "accent": _recolour(palette.accent, rule)}
        )
        member.character = member.character.model_copy(update={"palette": recoloured})
    return members


def _normalise(word: str) -> str:
    return re.sub(r"[\s-]+", "_", str(word).strip().lower())


def colour_of(word: Any, *, skin: bool = False) -> str:
    """'silver' -> '#C8CCD4'; 'dark brown' -> a darker brown; 'moonbeam' -> a stable made-up colour.
    Skin words use the skin-tone table, and unknown skin words pick a real skin tone."""
    text = _normalise(word)
    if re.fullmatch(r"#[0-9a-f]{6}", text):
        return text.upper()
    table = lexicon.SKIN_TONES if skin else lexicon.COLOUR_WORDS
    if text in table:
        return table[text]
    if not skin and text in lexicon.SKIN_TONES and text not in lexicon.COLOUR_WORDS:
        return lexicon.SKIN_TONES[text]
    parts = [p for p in text.split("_") if p]
    for modifier, factor in (("dark", 0.7), ("deep", 0.7), ("light", 1.3), ("pale", 1.35), ("bright", 1.15)):
        if len(parts) > 1 and parts[0] == modifier:
            rest = "_".join(parts[1:])
            if rest in table:
                return _shade(table[rest], factor)
    for part in reversed(parts):
        if part in table:
            return table[part]
    if skin:
        tones = list(lexicon.SKIN_TONES.values())
        return tones[stable_seed("skin", text) % len(tones)]
    return _hashed_colour(text or "none")


@dataclass
class CastMember:
    """A character as the storyboard uses it: the script entry plus its part in this story."""

    character: ScriptCharacter
    part: str  # hero, antagonist, helper, companion, extra
    call_name: str  # what others call them in dialogue ("Alex")
    pronoun: str = "they"

    @property
    def name(self) -> str:
        return self.character.name

    @property
    def style(self) -> str:
        return self.character.speech_style


def speech_style_of(personality: dict[str, Any], fallback: str = "neutral") -> str:
    """The personality's speech_style, or one read from its traits, or the fallback."""
    declared = _normalise(personality.get("speech_style", "") or "")
    if declared in SPEECH_STYLES:
        return declared
    if declared in _STYLE_ALIASES:
        return _STYLE_ALIASES[declared]
    for word in re.split(r"[\s,]+", declared):
        if word in _STYLE_ALIASES:
            return _STYLE_ALIASES[word]
    traits = personality.get("traits") or []
    if isinstance(traits, str):
        traits = re.split(r"[\s,]+", traits)
    for trait in traits:
        key = _normalise(trait)
        if key in _STYLE_ALIASES:
            return _STYLE_ALIASES[key]
    return fallback


def _words_colour(text: str, part: str) -> str | None:
    """'silver hair' in a free-text description -> the colour word before 'hair'."""
    match = re.search(rf"\b([a-z]+(?:[ -][a-z]+)?)\s+{part}\b", text.lower())
    if not match:
        return None
    words = [w for w in re.split(r"[ -]", match.group(1)) if w not in ("with", "and", "has", "her", "his", "the")]
    return "_".join(words) or None


_OUTFIT_PATTERN = re.compile(r"\b(" + "|".join(lexicon.OUTFIT_WORDS) + r")s?\b")


def _outfit(text: str, role: str, name: str) -> tuple[str, str]:
    match = _OUTFIT_PATTERN.search(text.lower())
    if match:
        return lexicon.OUTFIT_WORDS[match.group(1)]
    options = lexicon.ROLE_OUTFITS.get(role, lexicon.ROLE_OUTFITS["supporting"])
    colour = options[stable_seed("outfit", name) % len(options)]
    return colour, "a practical jacket and trousers"


def _accent(outfit: str, element: str | None, name: str) -> str:
    if element:
        return lexicon.ELEMENT_ACCENT[element]
    r, g, b = (int(outfit[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, _, s = colorsys.rgb_to_hls(r, g, b)
    shift = 0.45 + (stable_seed("accent", name) % 10) / 100
    return _hex(*colorsys.hls_to_rgb((h + shift) % 1.0, 0.55, max(0.55, s)))


def _word(value: Any) -> str:
    return str(value).replace("_", " ").strip()


def _features(appearance: dict[str, Any]) -> list[str]:
    raw = appearance.get("distinctive_features") or []
    if isinstance(raw, str):
        raw = [raw]
    return [str(f).strip()[:120] for f in raw if str(f).strip()][:6]


def _describe(
    *,
    appearance: dict[str, Any],
    hair: str,
    eyes: str,
    skin: str,
    outfit_phrase: str,
    features: list[str],
    summary: str,
) -> str:
    species = str(appearance.get("species", "")).strip()
    who = " ".join(_word(appearance[key]) for key in ("height", "build", "age_range", "gender") if appearance.get(key))
    if species:
        text = f"A {who + ' ' if who else ''}{species} with {_word(hair)} fur and {_word(eyes)} eyes"
    else:
        if not appearance.get("gender"):
            who = f"{who} person".strip()
        hair_style = _word(appearance.get("hair_style", "")) or "short"
        text = f"{who} with {hair_style} {_word(hair)} hair, {_word(eyes)} eyes and {_word(skin)} skin"
    if outfit_phrase:
        text += f", wearing {outfit_phrase}"
    if features:
        text += f"; {', '.join(features)}"
    text = text[0].upper() + text[1:] + "."
    if summary:
        summary = summary.strip().rstrip(".")
        text += f" {summary[:1].upper()}{summary[1:]}."
    return text[:2000]


def character_from_brief(
    brief: CharacterBrief, *, element: str | None, extra_text: str = "", fallback_style: str = "neutral"
) -> ScriptCharacter:
    """A project's character as the artist must draw it: exact colours from its appearance words."""
    appearance = dict(brief.appearance or {})
    text = f"{brief.description} {extra_text}"
    hair = appearance.get("hair_color") or _words_colour(text, "hair") or _pick(_NATURAL_HAIR, brief.name, "hair")
    eyes = appearance.get("eye_color") or _words_colour(text, "eyes") or _pick(_NATURAL_EYES, brief.name, "eyes")
    skin = appearance.get("skin_tone") or _pick(tuple(lexicon.SKIN_TONES), brief.name, "skin")
    outfit_colour, outfit_phrase = _outfit(f"{brief.description} {brief.role} {extra_text}", brief.role, brief.name)
    if appearance.get("species"):
        outfit_phrase = "a collar" if appearance["species"] in ("cat", "dog", "fox") else ""
    if appearance.get("outfit_color"):
        outfit_colour = colour_of(appearance["outfit_color"])
    if appearance.get("outfit"):
        outfit_phrase = _word(appearance["outfit"])
    features = _features(appearance)
    return ScriptCharacter(
        name=brief.name.strip()[:200],
        role=brief.role or "supporting",
        description=_describe(
            appearance=appearance,
            hair=str(hair),
            eyes=str(eyes),
            skin=str(skin),
            outfit_phrase=outfit_phrase,
            features=features,
            summary=brief.description,
        ),
        palette=Palette(
            hair=colour_of(hair),
            eyes=colour_of(eyes),
            skin=colour_of(skin, skin=True),
            outfit=outfit_colour,
            accent=colour_of(appearance["accent_color"])
            if appearance.get("accent_color")
            else _accent(outfit_colour, element, brief.name),
        ),
        hair_style=_word(appearance.get("hair_style", "")) or "short",
        build=_word(appearance.get("build", "")) or "average",
        speech_style=speech_style_of(dict(brief.personality or {}), fallback_style),
        distinctive_features=features,
        seed=stable_seed(brief.name),
    )


def _pick(options: tuple[str, ...], name: str, what: str) -> str:
    return options[stable_seed(what, name) % len(options)]


def _antagonist(reading: StoryReading) -> ScriptCharacter:
    threat = reading.threat
    assert threat is not None
    name = threat.character_name
    body, eyes = lexicon.THREAT_MODIFIER_COLOURS.get(threat.modifier, (None, None))
    body = body or _hashed_colour(f"{threat.noun} body")
    eyes = eyes or "#E0202E"
    look = threat.look[0].upper() + threat.look[1:]
    if threat.is_plural:
        look += f"; one of a horde of {threat.label}"
    speaking = threat.noun in _SPEAKING_THREATS or bool(threat.name)
    return ScriptCharacter(
        name=name,
        role="antagonist",
        description=f"{look}.",
        palette=Palette(hair=_shade(body, 0.8), eyes=eyes, skin=body, outfit=_shade(body, 0.6), accent=eyes),
        hair_style="none" if not speaking else "short",
        build="hulking" if threat.noun in ("monster", "giant", "troll", "beast", "dragon", "kraken") else "average",
        speech_style="menacing" if speaking else "monstrous",
        distinctive_features=["glowing eyes"],
        seed=stable_seed(name),
    )


def _derived_person(
    name: str,
    *,
    role: str,
    summary: str,
    element: str | None = None,
    style: str = "neutral",
    appearance: dict[str, Any] | None = None,
    extra_text: str = "",
) -> ScriptCharacter:
    brief = CharacterBrief(
        name=name, role=role, description=summary, appearance=appearance or {}, personality={"speech_style": style}
    )
    return character_from_brief(brief, element=element, extra_text=extra_text)


_TITLE_LOOKS: dict[str, dict[str, str]] = {
    "Elder": {"age_range": "elderly", "hair_color": "white", "hair_style": "long"},
    "Captain": {"age_range": "adult", "hair_style": "tied back"},
    "Commander": {"age_range": "adult", "hair_style": "cropped"},
    "Officer": {"age_range": "adult", "hair_style": "cropped"},
    "Class Rep": {"age_range": "teen", "hair_style": "bob"},
    "Dr.": {"age_range": "adult", "hair_style": "messy"},
}
_GENDER_OF_PRONOUN = {"he": "male", "she": "female"}
_ANIMALS = frozenset({"cat", "dog", "fox", "robot"})
_RELATIVE_LOOKS: dict[str, dict[str, str]] = {
    "sister": {"gender": "female", "age_range": "child"},
    "brother": {"gender": "male", "age_range": "child"},
    "mother": {"gender": "female", "age_range": "adult"},
    "father": {"gender": "male", "age_range": "adult"},
    "grandmother": {"gender": "female", "age_range": "elderly", "hair_color": "white"},
    "grandfather": {"gender": "male", "age_range": "elderly", "hair_color": "grey"},
    "princess": {"gender": "female", "age_range": "young"},
    "prince": {"gender": "male", "age_range": "young"},
    "king": {"gender": "male", "age_range": "adult"},
    "queen": {"gender": "female", "age_range": "adult"},
    "mentor": {"age_range": "elderly"},
    "teacher": {"age_range": "adult"},
}


def _given_name(reading: StoryReading, salt: str, taken: set[str]) -> str:
    start = stable_seed(reading.text, salt)
    for offset in range(len(lexicon.GIVEN_NAMES)):
        candidate = lexicon.GIVEN_NAMES[(start + offset) % len(lexicon.GIVEN_NAMES)]
        if candidate not in taken:
            return candidate
    return f"{salt.title()} {len(taken)}"


def build_cast(
    briefs: tuple[CharacterBrief, ...],
    reading: StoryReading,
    *,
    character_descriptions: tuple[str, ...] = (),
    main_place: str = "village",
) -> list[CastMember]:
    """The project's characters plus whoever the story needs and nobody defined (at most 12)."""
    extra_text = " ".join(character_descriptions)
    members: list[CastMember] = []
    unique: dict[str, CharacterBrief] = {}
    for brief in briefs:
        if brief.name.strip() and brief.name.strip().casefold() not in unique:
            unique[brief.name.strip().casefold()] = brief
    briefs = tuple(unique.values())[:MAX_CAST]
    hero_brief = _hero_brief(briefs, reading)
    for brief in briefs:
        is_hero = brief is hero_brief
        character = character_from_brief(
            brief, element=reading.element if is_hero else None, extra_text=(extra_text if is_hero else "")
        )
        part = "hero" if is_hero else {"antagonist": "antagonist", "background": "extra"}.get(brief.role, "helper")
        gender = str((brief.appearance or {}).get("gender", "")).lower()
        pronoun = {"male": "he", "female": "she"}.get(gender, reading.pronoun if is_hero else "they")
        call = reading.hero_name if is_hero and _names_brief(reading.hero_name, brief) else call_name_of(brief.name)
        members.append(CastMember(character=character, part=part, call_name=call, pronoun=pronoun))
    taken = {m.name for m in members} | {m.call_name for m in members}

    if hero_brief is None:
        name = reading.hero_name or _hero_name(reading)
        summary = _hero_summary(reading, extra_text)
        looks = {"age_range": "young", "gender": _GENDER_OF_PRONOUN.get(reading.pronoun, "")}
        hero = _derived_person(
            name,
            role="protagonist",
            summary=summary,
            element=reading.element,
            appearance=looks,
        )
        call = call_name_of(name)
        members.insert(0, CastMember(character=hero, part="hero", call_name=call, pronoun=reading.pronoun))
        taken |= {name, call}

    threat = reading.threat
    has_antagonist = any(m.part == "antagonist" for m in members)
    if threat and not threat.is_disaster and not has_antagonist and len(members) < MAX_CAST:
        villain = _antagonist(reading)
        if villain.name not in taken:
            members.append(CastMember(character=villain, part="antagonist", call_name=villain.name))
            taken.add(villain.name)

    others = list(reading.other_names)
    if hero_brief is not None and reading.hero_name and not _names_brief(reading.hero_name, hero_brief):
        others.insert(0, reading.hero_name)  # named in the story, but the project's protagonist leads
    for other in others:
        if len(members) >= MAX_CAST or other in taken or (threat and other == threat.name):
            continue
        person = _derived_person(other, role="supporting", summary=f"{other}, who crosses {_hero_call(members)}'s path")
        members.append(CastMember(character=person, part="helper", call_name=call_name_of(other)))
        taken.add(other)

    for companion in reading.companions[:2]:
        if len(members) >= MAX_CAST or any(m.part in ("helper", "companion") for m in members):
            break
        given = _given_name(reading, companion, taken)
        kind = lexicon.COMPANION_WORDS[companion]
        is_animal = kind in _ANIMALS
        summary = f"a talking {kind}" if is_animal else f"{_hero_call(members)}'s {kind}"
        looks = {"species": kind, "build": "small"} if is_animal else _RELATIVE_LOOKS.get(kind, {})
        person = _derived_person(
            given, role="supporting", summary=summary, style=_companion_style(kind), appearance=looks
        )
        members.append(CastMember(character=person, part="companion", call_name=given))
        taken.add(given)

    meet = next((e for e in reading.events if e.kind == "meet" and e.obj), None)
    if meet and len(members) < MAX_CAST and not any(m.part in ("helper", "companion") for m in members):
        phrase = re.split(r"\b(?:in|at|on|during|near|while|and|after|before)\b", meet.obj)[0].strip()
        words = phrase.split()
        head = words[-1] if words else "stranger"
        if words and words[0] in ("the", "his", "her", "their"):
            words[0] = "a"
        given = _given_name(reading, "met", taken)
        is_animal = head in _ANIMALS or head in lexicon.THREATS or head in ("creature", "dragon", "bird", "owl")
        looks = {"species": head, "build": "small"} if is_animal else {}
        person = _derived_person(given, role="supporting", summary=" ".join(words) or "a stranger", appearance=looks)
        members.append(CastMember(character=person, part="companion", call_name=given))
        taken.add(given)

    needs_someone = bool(reading.goal_text or threat) and not any(m.part in ("helper", "companion") for m in members)
    if needs_someone and len(members) < MAX_CAST:
        people, title = lexicon.PLACE_PEOPLE.get(main_place, ("people", "Neighbour"))
        if any(title in m.name.split() for m in members):
            title = "Neighbour"
        given = _given_name(reading, title, taken)
        name = f"{title} {given}"
        summary = f"one of the {people}, who speaks for them"
        style = "formal" if title in ("Elder", "Captain", "Commander", "Knight", "Dr.") else "cheerful"
        person = _derived_person(
            name,
            role="supporting",
            summary=f"{title.rstrip('.')} of the {main_place}, {summary}",
            style=style,
            appearance=_TITLE_LOOKS.get(title, {"age_range": "adult"}),
        )
        members.append(CastMember(character=person, part="helper", call_name=name))
    return members[:MAX_CAST]  # the hero comes first among those derived, so it always stays


def call_name_of(name: str) -> str:
    """What others call a character: the first name, or the whole name after a title ('Captain Rosa')."""
    words = name.split()
    if len(words) > 1 and words[0].lower().rstrip(".") in lexicon.TITLES:
        return name
    return words[0] if words else name


def _companion_style(kind: str) -> str:
    return {
        "mentor": "formal",
        "teacher": "formal",
        "king": "formal",
        "queen": "formal",
        "cat": "sarcastic",
        "sister": "cheerful",
        "brother": "cheerful",
        "friend": "cheerful",
        "best friend": "cheerful",
        "grandfather": "gruff",
        "dog": "cheerful",
        "robot": "formal",
    }.get(kind, "neutral")


def _hero_call(members: list[CastMember]) -> str:
    return next((m.call_name for m in members if m.part == "hero"), "the hero")


def _hero_brief(briefs: tuple[CharacterBrief, ...], reading: StoryReading) -> CharacterBrief | None:
    if not briefs:
        return None
    if reading.hero_name:
        for brief in briefs:
            if reading.hero_name == brief.name or reading.hero_name in brief.name.split():
                return brief
    for brief in briefs:
        if brief.role == "protagonist":
            return brief
    if reading.hero_name:
        return None  # the story's hero is someone the project has not described: derive them
    return briefs[0] if briefs[0].role != "antagonist" else None


def _names_brief(name: str | None, brief: CharacterBrief) -> bool:
    return bool(name) and (name == brief.name or name in brief.name.split())


def _hero_name(reading: StoryReading) -> str:
    names = lexicon.HERO_NAMES
    return names[stable_seed("hero", reading.text) % len(names)]


def _hero_summary(reading: StoryReading, extra_text: str) -> str:
    noun = reading.hero_noun or "hero"
    bits = [f"A young {noun}"]
    if reading.element:
        bits.append(f"with {reading.element} powers")
    text = " ".join(bits)
    if extra_text:
        text += f"; {extra_text.strip().rstrip('.')}"
    return text
