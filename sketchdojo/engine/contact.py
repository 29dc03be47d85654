"""Contact sheets of the offline artist: one image per style, one of every non-human kind, one of
every setting, so a person can check at a glance that each reads as what it claims to be.

    python -m sketchdojo.engine.contact OUTDIR

writes `styles.png`, `cast.png`, `kinds.png`, `settings.png`, `props.png` and `poses.png` (every
action, two characters where it takes two) into OUTDIR, each a labelled grid of panels.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from sketchdojo.engine.artist import LocalPanelArtist
from sketchdojo.engine.artist.painter import Painter
from sketchdojo.engine.artist.props import PROP_DRAWERS, draw_prop
from sketchdojo.engine.artist.styles import style_spec
from sketchdojo.engine.providers.base import DrawRequest
from sketchdojo.engine.script import Action, ArtStyle, Script
from sketchdojo.engine.vocabulary import NON_HUMAN_KINDS, SETTINGS

TILE = (300, 400)
LABEL = 28
PALETTES = (
    {"hair": "#E8C872", "eyes": "#2E6FBF", "skin": "#F3D3BC", "outfit": "#B23A48", "accent": "#2A9D8F"},
    {"hair": "#1B1B1B", "eyes": "#5A3A1A", "skin": "#7A4A2A", "outfit": "#2E4A7D", "accent": "#F2A900"},
)


def _script(characters: list[dict], location: str, action: str = "standing", shot: str = "wide") -> Script:
    return Script.model_validate(
        {
            "title": "Contact sheet",
            "synopsis": "Every drawing the offline artist knows.",
            "characters": characters,
            "scenes": [{"index": 0, "location": location}],
            "panels": [
                {
                    "sequence": 1,
                    "scene": 0,
                    "shot": shot,
                    "description": "A panel.",
                    "characters": [{"name": c["name"], "action": action, "position": "center"} for c in characters],
                }
            ],
        }
    )


def _person(name: str, i: int, **look) -> dict:
    return {"name": name, "description": name, "palette": PALETTES[i % 2], "seed": 11 + i, **look}


def _draw(script: Script, style: str = "webtoon") -> Image.Image:
    request = DrawRequest(script, script.panels[0], style, TILE[0], TILE[1], 7)
    return LocalPanelArtist().draw(request).image


def sheet(tiles: list[tuple[str, Image.Image]], columns: int = 6) -> Image.Image:
    """A labelled grid of equally sized tiles."""
    rows = (len(tiles) + columns - 1) // columns
    out = Image.new("RGB", (columns * TILE[0], rows * (TILE[1] + LABEL)), (250, 250, 250))
    pen = ImageDraw.Draw(out)
    font = ImageFont.load_default(size=20)
    for n, (label, tile) in enumerate(tiles):
        x, y = (n % columns) * TILE[0], (n // columns) * (TILE[1] + LABEL)
        out.paste(tile, (x, y + LABEL))
        pen.text((x + 6, y + 3), label, fill=(20, 20, 20), font=font)
    return out


def style_sheet() -> Image.Image:
    cast = [
        _person("Ana", 0, hair_style="ponytail", gender="feminine", outfit="dress"),
        _person("Ben", 1, hair_style="short", gender="masculine", outfit="coat", skin_tone="dark"),
    ]
    script = _script(cast, "street", "talking")
    return sheet([(style.value, _draw(script, style.value)) for style in ArtStyle], columns=4)


CAST_BRIEFS = (
    ("long/feminine/dress", {"hair_style": "long", "gender": "feminine", "outfit": "dress", "skin_tone": "pale"}),
    ("bald/dark/suit", {"hair_style": "bald", "gender": "masculine", "outfit": "suit", "skin_tone": "dark"}),
    ("ponytail/hoodie", {"hair_style": "ponytail", "gender": "feminine", "outfit": "hoodie", "skin_tone": "tan"}),
    ("braids/child/raincoat", {"hair_style": "braids", "age": "child", "outfit": "raincoat", "skin_tone": "brown"}),
    ("bun/elder/robe/glasses", {"hair_style": "bun", "age": "elder", "outfit": "robe", "accessories": ["glasses"]}),
    ("spiky/armour/cape", {"hair_style": "spiky", "gender": "masculine", "outfit": "armour", "accessories": ["cape"]}),
    ("curly/uniform/hat", {"hair_style": "curly", "outfit": "uniform", "accessories": ["hat"], "skin_tone": "brown"}),
    ("short/heavy/coat/scarf", {"hair_style": "short", "build": "heavy", "outfit": "coat", "accessories": ["scarf"]}),
    ("bob/spacesuit", {"hair_style": "bob", "gender": "feminine", "outfit": "spacesuit"}),
    ("blonde long", {"hair_style": "long", "gender": "feminine", "palette": {**PALETTES[0], "hair": "#F2D98A"}}),
    ("silver short", {"hair_style": "short", "gender": "masculine", "palette": {**PALETTES[0], "hair": "#C8CCD6"}}),
    ("shirt/athletic", {"hair_style": "short", "build": "athletic", "gender": "masculine", "outfit": "shirt"}),
)


def cast_sheet() -> Image.Image:
    tiles = []
    for i, (label, look) in enumerate(CAST_BRIEFS):
        tiles.append((label, _draw(_script([_person(f"P{i}", i, **look)], "studio"))))
    return sheet(tiles)


def kind_sheet() -> Image.Image:
    tiles = []
    for i, kind in enumerate(NON_HUMAN_KINDS):
        script = _script([_person(kind.title(), i, kind=kind)], "park")
        tiles.append((kind, _draw(script)))
    return sheet(tiles)


def prop_sheet() -> Image.Image:
    tiles = []
    for key in PROP_DRAWERS:
        tile = Image.new("RGB", (TILE[0] * 2, TILE[1] * 2), (236, 232, 222))
        painter = Painter(tile, style_spec("webtoon"), ambient=(255, 255, 255), ambient_strength=0.0, seed=1)
        draw_prop(painter, key, TILE[0], TILE[1], TILE[1] * 0.9)
        tiles.append((key, painter.finish(TILE)))
    return sheet(tiles, columns=10)


# where an action reads best: a swimmer in the sea, a sleeper in a bedroom
POSE_PLACES = {"swimming": "sea", "sleeping": "bedroom", "flying": "city", "reading": "library", "eating": "cafe"}


def pose_sheet() -> Image.Image:
    pair = [
        _person("Ana", 0, hair_style="ponytail", gender="feminine", outfit="dress"),
        _person("Ben", 1, hair_style="short", gender="masculine", outfit="coat", skin_tone="dark"),
    ]
    tiles = []
    for action in Action:
        cast = pair if action in (Action.HUGGING, Action.FIGHTING, Action.TALKING) else pair[:1]
        tiles.append((action.value, _draw(_script(cast, POSE_PLACES.get(action.value, "park"), action.value))))
    return sheet(tiles)


def setting_sheet() -> Image.Image:
    tiles = []
    for entry in SETTINGS:
        script = _script([], entry.key)
        tiles.append((entry.key, _draw(script)))
    return sheet(tiles, columns=8)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m sketchdojo.engine.contact OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    sheets = (
        ("styles", style_sheet),
        ("cast", cast_sheet),
        ("kinds", kind_sheet),
        ("settings", setting_sheet),
        ("props", prop_sheet),
        ("poses", pose_sheet),
    )
    for name, build in sheets:
        path = out / f"{name}.png"
        build().save(path)
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
