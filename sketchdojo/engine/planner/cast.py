"""Colours and voices of the cast: stable seeds, free-text colours to hex, colour schemes, speech styles.

Free-text colours ("silver", "electric_blue", "fair") become hex colours through word tables, and
unknown words get a stable hash-derived colour, so the artist draws a character the same in every
panel and every run. The look itself is read in look.py.
"""

from __future__ import annotations

import colorsys
import hashlib
import re
from typing import Any

from sketchdojo.engine.planner import lexicon
from sketchdojo.engine.script import ScriptCharacter

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


def apply_colour_scheme(characters: list[ScriptCharacter], scheme: str) -> list[ScriptCharacter]:
    """Recolour outfits and accents by the project's colour scheme; unknown schemes change nothing."""
    rule = _SCHEMES.get(_normalise(scheme))
    if rule is None:
        return characters
    return [
        c.model_copy(
            update={
                "palette": c.palette.model_copy(
                    update={"outfit": _recolour(c.palette.outfit, rule), "accent": _recolour(c.palette.accent, rule)}
                )
            }
        )
        for c in characters
    ]


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
