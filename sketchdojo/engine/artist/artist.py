"""`LocalPanelArtist`: the offline image provider, drawing each panel procedurally with Pillow.

It reads the panel the way an illustrator would: when and in what weather (sky, light, rain),
where (location silhouettes), who (each present character in their palette, or a shadow creature
for a monstrous antagonist), doing what (pose by action, face by expression), seen how (framing by
shot), in which art style (a `StyleSpec` strategy plus its finish). Everything random comes from
the request seed, the scene and each character's own seed, so a panel redraws identically and a
character looks the same in every panel. No text is drawn: the letterer adds it.
"""

from __future__ import annotations

import math
import random
import zlib
from dataclasses import dataclass

from PIL import Image, ImageChops

from sketchdojo.engine.artist.creatures import KIND_SPECS, creature_height, draw_creature
from sketchdojo.engine.artist.figures import Look, Placement, cast_looks, draw_monster, draw_person
from sketchdojo.engine.artist.painter import Painter
from sketchdojo.engine.artist.places import Stage
from sketchdojo.engine.artist.props import HOLDING, LARGE, draw_prop, prop_key
from sketchdojo.engine.artist.sets import set_painter
from sketchdojo.engine.artist.sky import fog_layers, paint_sky, paint_weather, scene_light, speed_lines
from sketchdojo.engine.artist.styles import StyleSpec, manga_figures, style_spec
from sketchdojo.engine.layout import panel_size
from sketchdojo.engine.providers.base import DrawRequest, DrawResult, FaceBox, ImageProvider
from sketchdojo.engine.script import Action, PanelCharacter, PanelScript, Script, Shot, StagePosition

ACTIVE = {Action.RUNNING, Action.FIGHTING, Action.CASTING, Action.FALLING}
MOVING = ACTIVE | {Action.WALKING, Action.POINTING}
SUPERSAMPLE = 2
AGE_HEIGHTS = {"child": 0.68, "teen": 0.94, "adult": 1.0, "elder": 0.96}
POSITION_RANK = {StagePosition.LEFT: 0, StagePosition.CENTER: 1, StagePosition.RIGHT: 2}
SOLO_X = {StagePosition.LEFT: 0.3, StagePosition.CENTER: 0.5, StagePosition.RIGHT: 0.7}


@dataclass(frozen=True)
class Framing:
    """How a shot frames the set and the cast, as shares of the panel height.

    Full-figure shots give the figure's height and where the feet stand; closer shots give the head
    height and where the top of the head sits, letting the body run off the bottom of the frame.
    """

    horizon: float
    zoom: float
    figure: float = 0.0
    feet: float = 0.0
    head: float = 0.0
    head_top: float = 0.0


FRAMINGS = {
    Shot.EXTREME_WIDE: Framing(horizon=0.64, zoom=0.8, figure=0.3, feet=0.92),
    Shot.WIDE: Framing(horizon=0.6, zoom=1.0, figure=0.52, feet=0.94),
    Shot.MEDIUM: Framing(horizon=0.56, zoom=1.5, head=0.2, head_top=0.17),
    Shot.CLOSE_UP: Framing(horizon=0.7, zoom=2.2, head=0.44, head_top=0.13),
    Shot.EXTREME_CLOSE_UP: Framing(horizon=0.82, zoom=2.8, head=1.5, head_top=-0.42),
}


class LocalPanelArtist(ImageProvider):
    name = "local"
    max_concurrency = 2
    cpu_bound = True

    def draw(self, request: DrawRequest) -> DrawResult:
        style = style_spec(request.style)
        panel, script = request.panel, request.script
        shot = Shot(panel.shot)
        default_w, default_h = panel_size(shot)
        out_w, out_h = request.width or default_w, request.height or default_h
        # drawn at SUPERSAMPLE times the size and scaled down: every edge and stroke comes out anti-aliased
        width, height = out_w * SUPERSAMPLE, out_h * SUPERSAMPLE
        scene = script.scene_of(panel)
        light = scene_light(scene.time_of_day, scene.weather)
        panel_rng = random.Random(request.seed)
        scene_rng = random.Random(zlib.crc32(f"{scene.index}|{scene.location}".encode()))
        framing = FRAMINGS[shot]

        image = Image.new("RGB", (width, height), light.sky[2])
        painter = Painter(image, style, ambient=light.ambient, ambient_strength=light.strength, seed=request.seed)
        horizon = int(height * framing.horizon)
        paint_sky(image, light, horizon, panel_rng, painter)
        place_painter, outdoor = set_painter(scene.location)
        stage = Stage(width, height, horizon, framing.zoom, panel_rng.uniform(-0.08, 0.08), light, scene_rng)
        place_painter(image, painter, stage)
        fog_layers(painter, light, horizon)

        cast = self._visible_cast(panel.characters, shot)
        looks = cast_looks(script.characters)
        variant = repeat_run(script, panel) % 2
        placements = self._place(cast, [looks[c.name] for c in cast], framing, style, width, height, variant)
        if style.speed_lines and any(c.action in ACTIVE for c in cast):
            centre_x = sum(pl.cx for _, _, pl in placements) / len(placements)
            speed_lines(painter, (centre_x, height * 0.45), panel_rng)
        # manga inks its cast clean over a toned ground: remember the set to find the figures later
        bare_set = image.copy() if style.name == "manga" and cast else None
        boxes: dict[int, tuple[int, int, int, int]] = {}
        heads = []
        # monsters loom behind the people they threaten
        for member, look, place in sorted(placements, key=lambda item: not item[1].is_monster):
            if framing.figure:
                feet = height * framing.feet
                r = place.u * 1.1
                painter.draw.ellipse((place.cx - r, feet - r * 0.22, place.cx + r, feet + r * 0.22), fill=(0, 0, 0, 60))
            draw = draw_monster if look.is_monster else draw_person if look.kind == "human" else draw_creature
            box, head = draw(painter, look, member, place)
            heads.append(head)
            boxes[id(member)] = _clip(box, width, height)
        for head in heads:
            head()
        self._props(painter, panel.props, placements, framing, width, height)
        paint_weather(painter, light, panel_rng, outdoor=outdoor)

        image = painter.finish((out_w, out_h))
        if bare_set is not None:
            drawn = painter.image.reduce(SUPERSAMPLE)
            changed = ImageChops.difference(bare_set, painter.image).convert("L").point(lambda v: 255 if v > 8 else 0)
            figures = changed.reduce(SUPERSAMPLE).point(lambda v: 255 if v > 100 else 0)
            image = manga_figures(drawn, image, figures)
        return DrawResult(
            image=image,
            faces=[FaceBox(c.name, _shrink(boxes[id(c)])) for c in cast if _visible(boxes[id(c)])],
            meta={"provider": self.name, "style": style.name, "seed": request.seed, "shot": shot.value},
        )

    @staticmethod
    def _props(painter: Painter, words: list[str], placements, framing: Framing, width: int, height: int) -> None:
        """Each named prop in the acting character's hand when the action holds things, else set down."""
        actor = placements[0] if placements else None
        ground = height * framing.feet if framing.figure else height * 0.9
        spare = 0
        for word in words:
            key = prop_key(word)
            if key is None:
                continue
            if actor is not None and actor[0].action in HOLDING and key not in LARGE and not actor[1].is_monster:
                _, _, place = actor
                side = place.facing or 1
                y = min(place.head_top + place.u * 2.3, height * 0.86)
                draw_prop(painter, key, place.cx + side * place.u * 0.95, y, place.u * 0.9)
                actor = None  # one thing in hand; the rest are set down
                continue
            scale_u = placements[0][2].u if placements else height * 0.08
            size = scale_u * (2.2 if key in LARGE else 0.9)
            x = width * (0.1 if spare % 2 == 0 else 0.9) + (spare // 2) * width * 0.1 * (1 if spare % 2 == 0 else -1)
            draw_prop(painter, key, x, ground - size * 0.5, size)
            spare += 1

    @staticmethod
    def _visible_cast(members: list[PanelCharacter], shot: Shot) -> list[PanelCharacter]:
        # an extreme close-up is one face filling the frame: the first character named
        return members[:1] if shot is Shot.EXTREME_CLOSE_UP else list(members)

    @staticmethod
    def _place(
        cast: list[PanelCharacter],
        looks: list[Look],
        framing: Framing,
        style: StyleSpec,
        width: int,
        height: int,
        variant: int = 0,
    ) -> list[tuple[PanelCharacter, Look, Placement]]:
        if not cast:
            return []
        n = len(cast)
        order = sorted(range(n), key=lambda i: POSITION_RANK[StagePosition(cast[i].position)])
        prop = style.proportions
        slot = width / n
        out = []
        for rank, i in enumerate(order):
            member, look = cast[i], looks[i]
            x = width * SOLO_X[StagePosition(member.position)] if n == 1 else slot * (rank + 0.5)
            if framing.head > 1:
                x = width / 2
            facing = 1 if x < width * 0.45 else -1 if x > width * 0.55 else 0
            if not facing and n == 1 and member.action in MOVING:
                facing = 1  # a lone figure in motion moves the way the page reads
            if framing.head > 1:
                facing = 0  # an extreme close-up looks straight out of the page
            if framing.figure:
                fig = height * framing.figure
                u = fig / prop.heads_tall
                if look.kind not in ("human", "monster"):
                    u = height * framing.figure / 4.2 * (0.8 + 0.2 * KIND_SPECS[look.kind].size)
                    head_top = height * framing.feet - creature_height(look.kind) * u
                elif look.is_monster:
                    u = fig / (5.6 * 1.25) * 1.08
                    head_top = height * framing.feet - u * 5.6 * 1.25 - u * 0.35
                else:
                    # a child stands about two thirds as tall
                    age = AGE_HEIGHTS.get(look.age, 1.0) if look.kind == "human" else 1.0
                    u *= age
                    head_top = height * framing.feet - fig * age
            else:
                u = height * framing.head
                head_top = height * framing.head_top
                if look.kind == "human" and look.age == "child" and framing.head < 1:
                    head_top += u * 0.6
                    u *= 0.88
            # keep neighbours' heads apart: a head may fill at most ~60% of its slot
            limit = slot * 0.6 / (prop.head_width * (1.75 if look.is_monster else 1.0))
            if u > limit and n > 1:
                if not framing.figure:
                    head_top += (u - limit) * 0.35
                else:
                    head_top += (u - limit) * prop.heads_tall
                u = limit
            out.append((member, look, Placement(x, head_top, u, facing, slot if n > 1 else math.inf, variant)))
        return out


def _beat(panel: PanelScript) -> tuple:
    return panel.shot, tuple((c.name, c.action) for c in panel.characters)


def repeat_run(script: Script, panel: PanelScript) -> int:
    """How many panels in a row just before this one show the same shot and the same actions."""
    index = next(i for i, other in enumerate(script.panels) if other is panel or other == panel)
    run = 0
    while index - run - 1 >= 0 and _beat(script.panels[index - run - 1]) == _beat(panel):
        run += 1
    return run


def _shrink(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    k = SUPERSAMPLE
    return x0 // k, y0 // k, -(-x1 // k), -(-y1 // k)


def _visible(box: tuple[int, int, int, int]) -> bool:
    return box[2] > box[0] and box[3] > box[1]


def _clip(box: tuple[int, int, int, int], width: int, height: int) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    return max(0, x0), max(0, y0), min(width, x1), min(height, y1)
