# ruff: noqa: RUF001, RUF003
"""A character's canonical look, read in full from every description of them.

`look_of(person, appearance, speech_style, seed)` -> `ScriptCharacter` with vocabulary keys (hair
style, build, skin tone, age, gender, outfit, accessories, kind) and a palette whose colours come
from the words of the brief ("long red hair" -> red hair, long; "yellow raincoat" -> yellow outfit).
What the brief does not say is picked from natural options, stable per name.
"""

from __future__ import annotations

import re
from typing import Any

from sketchdojo.engine import vocabulary as vocab
from sketchdojo.engine.planner import lexicon
from sketchdojo.engine.planner.cast import colour_of, stable_seed
from sketchdojo.engine.planner.reader import Person, _Matcher
from sketchdojo.engine.script import Palette, ScriptCharacter

# colour words in the languages the vocabulary covers -> an English colour `colour_of` knows
_COLOUR_ALIASES = {
    "rojo": "red",
    "roja": "red",
    "pelirrojo": "red",
    "pelirroja": "red",
    "azul": "blue",
    "verde": "green",
    "negro": "black",
    "negra": "black",
    "blanco": "white",
    "blanca": "white",
    "amarillo": "yellow",
    "amarilla": "yellow",
    "rubio": "blonde",
    "rubia": "blonde",
    "castaño": "brown",
    "castaña": "brown",
    "gris": "grey",
    "morado": "purple",
    "morada": "purple",
    "rosa": "pink",
    "naranja": "orange",
    "rouge": "red",
    "bleu": "blue",
    "bleue": "blue",
    "vert": "green",
    "verte": "green",
    "noir": "black",
    "noire": "black",
    "blanc": "white",
    "blanche": "white",
    "jaune": "yellow",
    "blond": "blonde",
    "rot": "red",
    "blau": "blue",
    "grün": "green",
    "schwarz": "black",
    "weiß": "white",
    "gelb": "yellow",
    "redhead": "red",
    "ginger": "ginger",
    "brunette": "brown",
    "golden": "gold",
    "platinum": "platinum",
}
_COLOURS = frozenset(lexicon.COLOUR_WORDS) | frozenset(_COLOUR_ALIASES) | {"grey", "gray"}
_NATURAL_HAIR = ("black", "dark_brown", "brown", "chestnut", "auburn", "blonde")
_NATURAL_EYES = ("brown", "hazel", "green", "blue", "grey", "amber")
# what a brief leaves open, a story in Chinese, Japanese or Korean fills in as its readers would picture it
_EAST_ASIAN = frozenset(("zh", "ja", "ko"))
_EAST_ASIAN_HAIR = ("black", "jet_black", "dark_brown", "black")
_EAST_ASIAN_EYES = ("brown", "dark_brown", "amber")
_EAST_ASIAN_SKIN = ("pale", "light", "light", "tan")
_SKIN_TONES = vocab.keys(vocab.SKIN_TONES)
_FUR = ("orange", "grey", "black", "white", "brown", "cream")

_HAIR = _Matcher.of(vocab.HAIR_STYLES)
_GARMENT = _Matcher.of(vocab.GARMENTS)
_ACCESSORY = _Matcher.of(vocab.ACCESSORIES)
_SKIN = _Matcher.of(vocab.SKIN_TONES)
_BUILD = _Matcher.of(vocab.BUILDS)
_AGE = _Matcher.of(vocab.AGES)
_GENDER_WORDS = {
    "feminine": re.compile(
        r"\b(she|her|woman|girl|lady|mujer|chica|niña|femme|fille|frau|mädchen|feminine|female|она|её|женщина|девушка|девочка)\b"
    ),
    "masculine": re.compile(
        r"\b(he|him|his|man|boy|gentleman|hombre|chico|niño|homme|garçon|mann|junge|masculine|male|он|его|мужчина|парень|мальчик)\b"
    ),
}


# Russian colour adjectives by stem ('рыжими волосами', 'в красном плаще', 'зелёные глаза')
_RUSSIAN_COLOURS = {
    "рыж": "ginger", "черн": "black", "чёрн": "black", "бел": "white", "светл": "blonde", "рус": "light_brown",
    "каштанов": "chestnut", "сед": "silver", "серебрист": "silver", "сер": "grey", "золот": "golden",
    "красн": "red", "розов": "pink", "оранжев": "orange", "жёлт": "yellow", "желт": "yellow",
    "зелён": "green", "зелен": "green", "голуб": "sky_blue", "син": "blue", "фиолетов": "purple",
    "коричнев": "brown", "карь": "brown", "кар": "brown",
}  # fmt: skip
_RUSSIAN_ADJECTIVE_END = re.compile(r"(?:ыми|ими|ого|его|ому|ему|ый|ий|ой|ая|яя|ое|ее|ые|ие|ую|юю|ом|ем|ых|их)$")


# Russian first names ending in -а/-я are women's, except these men's names and diminutives
_RUSSIAN_MEN_IN_A = frozenset(
    [
        "никита",
        "илья",
        "кузьма",
        "фома",
        "лука",
        "миша",
        "гоша",
        "лёша",
        "леша",
        "паша",
        "дима",
        "ваня",
        "петя",
        "вова",
        "коля",
        "толя",
        "серёжа",
        "сережа",
        "алёша",
        "алеша",
        "гриша",
        "юра",
        "витя",
        "слава",
        "стёпа",
        "степа",
        "боря",
        "федя",
    ]
)
_RUSSIAN_EITHER = frozenset(("саша", "женя", "валя"))


def _russian_name_gender(name: str) -> str:
    """Russian names tell their gender ('Анна', 'Сергей'); other names, and ambiguous ones, do not."""
    first = (name.split() or [""])[0].lower()
    if not first or first in _RUSSIAN_EITHER or not all("\u0400" <= c <= "\u04ff" for c in first):
        return "neutral"
    if first in _RUSSIAN_MEN_IN_A:
        return "masculine"
    return "feminine" if first[-1] in "ая" else "neutral" if first[-1] in "ьоеиуюы" else "masculine"


def _colour_word(word: str) -> str | None:
    word = word.lower().strip("-")
    if word in _COLOURS:
        return _COLOUR_ALIASES.get(word, word)
    if "\u0400" <= word[:1] <= "\u04ff":
        return _RUSSIAN_COLOURS.get(_RUSSIAN_ADJECTIVE_END.sub("", word))
    return None


def _colour_before(text: str, noun_pattern: str) -> str | None:
    """The colour word within three words before the noun ('long wavy red hair', 'dark brown eyes')."""
    for m in re.finditer(rf"((?:[\w-]+[ ,]+){{0,3}})(?:{noun_pattern})\b", text):
        words = re.findall(r"[\w]+(?:-\w+)?", m.group(1))
        colours = [c for c in (_colour_word(w) for w in words) if c]
        if colours:
            mods = [w for w in words if w in ("dark", "light", "pale", "bright", "deep")]
            return f"{mods[-1]}_{colours[-1]}" if mods and mods[-1] != colours[-1] else colours[-1]
    return None


def _colour_after(text: str, noun_pattern: str) -> str | None:
    """Spanish/French order: 'pelo rojo', 'cheveux noirs'."""
    m = re.search(rf"(?:{noun_pattern})\s+(\w+)", text)
    return _colour_word(m.group(1).rstrip("s")) or _colour_word(m.group(1)) if m else None


def look_of(
    person: Person, appearance: dict[str, Any], speech_style: str, seed_text: str, *, language: str = "en"
) -> ScriptCharacter:
    # the part the story gives someone ("the grandmother", "la abuela") says something of their look too
    text = " ".join(
        [*person.brief, person.role_word or "", *(f"{k} {v}" for k, v in appearance.items() if isinstance(v, str))]
    ).lower()
    name = person.name
    # a hair style names the hair too: "a short black bob", "red braids", "a silver ponytail"
    hair_noun = (
        r"(?:hair|-haired|haired|pelo|cabello|cheveux|haare|haar|волос\w*|bob|ponytail|pigtails|braids?|bun|curls"
        r"|mohawk|afro|dreadlocks|locks|mane)(?![\w])"
    )
    hair_colour = (
        _COLOUR_ALIASES.get(str(appearance.get("hair_color", "")).lower(), appearance.get("hair_color"))
        or _colour_before(text, hair_noun)
        or _colour_after(text, hair_noun)
        or next(
            (
                _colour_word(w)
                for w in ("blonde", "blond", "redhead", "brunette", "rubia", "rubio")
                if re.search(rf"\b{w}\b", text)
            ),
            None,
        )
    )
    eye_colour = (
        appearance.get("eye_color")
        or _colour_before(text, r"eyes|-eyed|eyed|ojos|yeux|augen|глаз\w*")
        or _colour_after(text, r"ojos|yeux")
    )
    hair_phrase = " ".join(m.group(0) for m in re.finditer(rf"(?:[\w-]+ ){{0,3}}(?:{hair_noun})", text)) or text
    given_style = str(appearance.get("hair_style", "")).replace("_", " ").lower()
    styles = (
        [k for _, k, _ in _HAIR.find(given_style)]
        or [k for _, k, _ in _HAIR.find(hair_phrase)]
        or [k for _, k, w in _HAIR.find(text) if " " in w or k in ("ponytail", "bun", "braids", "bald", "bob")]
    )
    garments = _GARMENT.find(text)
    outfit = garments[0][1] if garments else None
    outfit_colour = (
        _colour_before(text, re.escape(garments[0][2].lower()))
        or _colour_after(text, re.escape(garments[0][2].lower()))
        if garments
        else None
    )
    accessories = []
    for _, key, _ in _ACCESSORY.find(text):
        if key not in accessories:
            accessories.append(key)
    accent = next((c for _, _, w in _ACCESSORY.find(text) if (c := _colour_before(text, re.escape(w.lower())))), None)
    without_hair = re.sub(rf"(?:[\w-]+ ){{0,3}}(?:{hair_noun})", " ", text)
    skins = [
        k
        for _, k, w in _SKIN.find(text)
        if re.search(rf"{re.escape(w.lower())}(?:-skinned| skin|-skin)", text)
        or (len(w) > 5 and w not in ("brown", "black", "dark", "light"))
    ]
    skin_tone = str(appearance.get("skin_tone", "")).lower() or (
        skins[0]
        if skins
        else _EAST_ASIAN_SKIN[stable_seed("skin", name) % len(_EAST_ASIAN_SKIN)]
        if language in _EAST_ASIAN
        else _SKIN_TONES[stable_seed("skin", name) % len(_SKIN_TONES)]
    )
    if skin_tone not in _SKIN_TONES:
        skin_tone = next((k for _, k, _ in _SKIN.find(skin_tone)), "light")
    builds = [k for _, k, _ in _BUILD.find(str(appearance.get("build", "")))] or [
        k for _, k, _ in _BUILD.find(without_hair)
    ]
    ages = [k for _, k, _ in _AGE.find(str(appearance.get("age_range", "")).replace("_", " "))] or [
        k for _, k, _ in _AGE.find(text)
    ]
    years = re.search(r"\b(\d{1,2})[- ]year[- ]old\b|\b(\d{1,2}) (?:años|ans|jahre)\b", text)
    if years:
        n = int(years.group(1) or years.group(2))
        ages = ["child" if n < 13 else "teen" if n < 20 else "adult" if n < 60 else "elder"]
    gender = str(appearance.get("gender", "")).lower()
    gender = {"female": "feminine", "male": "masculine", "woman": "feminine", "man": "masculine"}.get(gender, gender)
    if gender not in ("feminine", "masculine", "neutral"):
        scores = {g: len(p.findall(text)) for g, p in _GENDER_WORDS.items()}
        gender = max(scores, key=scores.get) if max(scores.values()) else _russian_name_gender(name)

    human = person.kind == "human"
    if human:
        natural = _EAST_ASIAN_HAIR if language in _EAST_ASIAN else _NATURAL_HAIR
        hair = colour_of(hair_colour or natural[stable_seed("hair", name) % len(natural)])
        skin = colour_of(skin_tone, skin=True)
    else:
        fur = (
            hair_colour
            or _colour_before(text + " " + person.kind_word, re.escape(person.kind_word or person.kind))
            or _FUR[stable_seed("fur", name) % len(_FUR)]
        )
        hair = skin = colour_of(fur)
    natural_eyes = _EAST_ASIAN_EYES if language in _EAST_ASIAN and human else _NATURAL_EYES
    eyes = colour_of(eye_colour or natural_eyes[stable_seed("eyes", name) % len(natural_eyes)])
    outfit_hex = colour_of(outfit_colour) if outfit_colour else colour_of(f"outfit {name} {seed_text}")
    accent_hex = colour_of(accent) if accent else colour_of(f"accent {name} {seed_text}")
    # a shaped style ("short black bob", "long braids") says more than the length or texture beside it
    styles.sort(key=lambda k: k not in ("bob", "ponytail", "bun", "braids", "bald"))
    hair_style = styles[0] if styles else ("short" if stable_seed("style", name) % 2 else "long")
    if "bald" in styles:
        hair_style = "bald"
    character = {
        "name": name[:200],
        "kind": person.kind,
        "role": person.project_role or "supporting",
        "palette": Palette(hair=hair, eyes=eyes, skin=skin, outfit=outfit_hex, accent=accent_hex),
        "hair_style": hair_style,
        "build": builds[0] if builds else "average",
        "skin_tone": skin_tone,
        "age": ages[0] if ages else "adult",
        "gender": gender,
        "outfit": outfit or ("shirt" if human else "none"),
        "accessories": accessories[:6],
        "speech_style": speech_style,
        "distinctive_features": [str(f)[:200] for f in appearance.get("distinctive_features", []) if f][:6],
        "seed": stable_seed("character", name, seed_text),
    }
    character["description"] = _describe(character, hair_colour, eye_colour, outfit_colour, person)[:2000]
    return ScriptCharacter.model_validate(character)


def _describe(c: dict, hair_colour, eye_colour, outfit_colour, person: Person) -> str:
    words = lambda v: str(v).replace("_", " ")  # noqa: E731
    if c["kind"] != "human":
        fur = words(hair_colour) + " " if hair_colour else ""
        base = f"a {c['build'] if c['build'] != 'average' else ''} {fur}{person.kind_word or c['kind']}".replace(
            "  ", " "
        )
        return base + (f", with {', '.join(c['accessories'])}" if c["accessories"] else "")
    who = {"feminine": "woman", "masculine": "man"}.get(c["gender"], "person")
    if c["age"] == "child":
        who = {"feminine": "girl", "masculine": "boy"}.get(c["gender"], "child")
    elif c["age"] in ("teen", "elder"):
        who = f"{c['age']} {who}"
    parts = [
        f"a {c['build']} {who}" + (f", the {person.role_word}" if person.role_word else ""),
        f"{c['skin_tone']} skin",
        f"{c['hair_style']} {words(hair_colour) + ' ' if hair_colour else ''}hair"
        if c["hair_style"] != "bald"
        else "bald",
        f"{words(eye_colour)} eyes" if eye_colour else "",
        f"wearing a {words(outfit_colour) + ' ' if outfit_colour else ''}{c['outfit']}",
        f"with {', '.join(c['accessories'])}" if c["accessories"] else "",
    ]
    return ", ".join(p for p in parts if p)
