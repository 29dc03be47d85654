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
from dataclasses import dataclass, replace

from PIL import Image, ImageChops, ImageDraw

from sketchdojo.engine.artist.colour import mix
from sketchdojo.engine.artist.creatures import KIND_SPECS, creature_height, draw_creature
from sketchdojo.engine.artist.figures import Look, Placement, cast_looks, draw_monster, draw_person
from sketchdojo.engine.artist.painter import Painter
from sketchdojo.engine.artist.places import Stage
from sketchdojo.engine.artist.props import HOLDING, LARGE, boat_hull, draw_prop, prop_key
from sketchdojo.engine.artist.sets import set_painter
from sketchdojo.engine.artist.sky import fog_layers, paint_sky, paint_weather, scene_light, speed_lines
from sketchdojo.engine.artist.styles import StyleSpec, style_spec
from sketchdojo.engine.layout import panel_size
from sketchdojo.engine.providers.base import DrawRequest, DrawResult, FaceBox, ImageProvider
from sketchdojo.engine.script import Action, PanelCharacter, PanelScript, Script, Shot, StagePosition

ACTIVE = {Action.RUNNING, Action.FIGHTING, Action.CASTING, Action.FALLING}
TURNED = {Action.SLEEPING, Action.FLYING}  # people drawn lying down or stretched out head first
MOVING = ACTIVE | {Action.WALKING, Action.POINTING, Action.FLYING, Action.SWIMMING}
SUPERSAMPLE = 2
AGE_HEIGHTS = {"child": 0.68, "teen": 0.94, "adult": 1.0, "elder": 0.96}
_CHANGED = [255 if v > 8 else 0 for v in range(256)]
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
        return self.render(request)[0]

    def render(self, request: DrawRequest) -> tuple[DrawResult, dict[str, list[tuple[int, int]]]]:
        """The drawn panel and where each figure's hands ended up (panel pixels, by name): the
        geometry a check of contact (a hug) or of reach (no hand on a face) reads."""
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
        # styles that treat the cast apart from the set (manga's cut-out figures, painting's finer
        # strokes, realistic's blended shadows) remember the bare set to find the figures later
        bare_set = image.copy() if style.figures and cast else None
        boxes: dict[int, tuple[int, int, int, int]] = {}
        heads = []
        # monsters loom behind the people they threaten
        for member, look, place in sorted(placements, key=lambda item: not item[1].is_monster):
            if framing.figure and member.action is not Action.SWIMMING:
                feet = height * framing.feet
                # a flyer's shadow on the ground below is smaller and fainter: it is off the ground
                r, alpha = (place.u * 0.8, 40) if member.action is Action.FLYING else (place.u * 1.1, 60)
                painter.draw.ellipse(
                    (place.cx - r, feet - r * 0.22, place.cx + r, feet + r * 0.22), fill=(0, 0, 0, alpha)
                )
            if member.action is Action.FLYING:
                _wind(painter, place)
            if member.action in TURNED and look.kind == "human" and not look.is_monster:
                box = _turned(painter, look, member, place, framing, width, height)
                boxes[id(member)] = _clip(box, width, height)
                continue
            draw = draw_monster if look.is_monster else draw_person if look.kind == "human" else draw_creature
            box, head = draw(painter, look, member, place)
            heads.append(head)
            boxes[id(member)] = _clip(box, width, height)
        swimmers = [(m, pl) for m, lk, pl in placements if m.action is Action.SWIMMING]
        if swimmers:
            # swimmers are in the water up to the chest: the sea covers everything below that line
            prop = style.proportions
            line = min(pl.head_top + pl.u * (1 + prop.neck + prop.torso * 0.32) for _, pl in swimmers)
            _water(painter, line, [pl for _, pl in swimmers], bare_set)
        for head in heads:
            head()
        self._props(painter, panel.props, placements, framing, width, height, bare_set)
        paint_weather(painter, light, panel_rng, outdoor=outdoor)

        figures = None
        if bare_set is not None:
            # compared at the output size: a quarter of the pixels of the supersampled drawing
            drawn = painter.image.reduce(SUPERSAMPLE)
            figures = ImageChops.difference(bare_set.reduce(SUPERSAMPLE), drawn).convert("L").point(_CHANGED)
        image = painter.finish((out_w, out_h), figures)
        hands = {
            name: [(round(x / SUPERSAMPLE), round(y / SUPERSAMPLE)) for x, y in pts]
            for name, pts in painter.hands.items()
        }
        result = DrawResult(
            image=image,
            faces=[FaceBox(c.name, _shrink(boxes[id(c)])) for c in cast if _visible(boxes[id(c)])],
            meta={"provider": self.name, "style": style.name, "seed": request.seed, "shot": shot.value},
        )
        return result, hands

    @staticmethod
    def _props(
        painter: Painter,
        words: list[str],
        placements,
        framing: Framing,
        width: int,
        height: int,
        bare_set: Image.Image | None = None,
    ) -> None:
        """Each named prop in the acting character's hand when the action holds things, else set down;
        a boat carries the cast, afloat."""
        actor = placements[0] if placements else None
        ground = height * framing.feet if framing.figure else height * 0.9
        spare = 0
        for word in words:
            key = prop_key(word)
            if key is None:
                continue
            if key == "boat" and placements:
                _boat_under(painter, placements, framing, width, height, bare_set)
                continue
            if key == "boat":  # afloat out on the water, just below the horizon
                size = height * 0.16 * framing.zoom
                draw_prop(painter, key, width * 0.34, height * framing.horizon + size * 0.02, size)
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
            if member.action is Action.FLYING:
                # airborne: lifted well clear of the ground its shadow falls on
                head_top -= (height * framing.figure * 0.3) if framing.figure else u * 0.35
            out.append((member, look, Placement(x, head_top, u, facing, slot if n > 1 else math.inf, variant)))
        return _hug_pairs(out, prop)


def _hug_pairs(placed: list, prop) -> list:
    """Neighbours who hug step in to each other, face each other and each reach for the other's back."""
    order = sorted(range(len(placed)), key=lambda i: placed[i][2].cx)
    huggers = [
        i
        for i in order
        if placed[i][0].action is Action.HUGGING and placed[i][1].kind == "human" and not placed[i][1].is_monster
    ]
    out = list(placed)
    for a, b in zip(huggers[0::2], huggers[1::2], strict=False):
        (ma, la, pa), (mb, lb, pb) = out[a], out[b]
        mid = (pa.cx + pb.cx) / 2
        half = max(pa.u, pb.u) * prop.shoulders * 0.5
        xa, xb = mid - half, mid + half

        def chest(pl: Placement) -> float:
            return pl.head_top + pl.u * (1 + prop.neck + prop.torso * 0.32)

        back = prop.shoulders * 0.42
        pa2 = replace(pa, cx=xa, facing=1, room=math.inf, reach=(xb + pb.u * back, chest(pb)))
        pb2 = replace(pb, cx=xb, facing=-1, room=math.inf, reach=(xa - pa.u * back, chest(pa)))
        out[a], out[b] = (ma, la, pa2), (mb, lb, pb2)
    return out


def _wind(p: Painter, place: Placement) -> None:
    """Streaks of air trailing a flyer, behind the way it faces."""
    d = place.facing or 1
    u = place.u
    for k in range(4):
        y = place.head_top + u * (1.6 + k * 0.9)
        x0 = place.cx - d * u * (2.2 + 0.4 * (k % 2))
        p.line([(x0, y), (x0 - d * u * (1.6 + 0.3 * k), y + u * 0.2)], (255, 255, 255, 150), max(2, u * 0.06))


def _boat_under(p: Painter, placements, framing: Framing, width: int, height: int, bare_set) -> None:
    """The cast afloat in a boat: water round it, the hull hiding their legs, a sail at the stern."""
    u = max(pl.u for _, _, pl in placements)
    if framing.figure:
        feet = height * framing.feet
        top, bottom = feet - u * 2.2, feet + u * 0.1
        x0 = min(pl.cx for _, _, pl in placements) - u * 2.2
        x1 = max(pl.cx for _, _, pl in placements) + u * 2.2
    else:
        top, bottom = height * 0.8, height * 1.02
        x0, x1 = width * 0.04, width * 0.98
    _water(p, top + (bottom - top) * 0.5, [], bare_set, size=u)
    boat_hull(p, x0, x1, top, bottom, sail=bool(framing.figure))
    crest = p.col((210, 236, 250), light=0.4)
    wave_y = top + (bottom - top) * 0.82
    p.line(
        [(x0 + (x1 - x0) * k / 12, wave_y + math.sin(k * 1.9) * u * 0.06) for k in range(13)], crest, max(2, u * 0.06)
    )


def _water(
    p: Painter, line: float, swimmers: list[Placement], bare_set: Image.Image | None, *, size: float = 0.0
) -> None:
    """The sea from `line` down, in front of the swimmers' bodies, with ripples round each of them."""
    w, h = p.width, p.height
    amp = max(2.0, h * 0.006)
    top = [(w * k / 32, line + math.sin(k * 1.7) * amp) for k in range(33)]
    body = [*top, (w, h), (0, h)]
    colour = p.col((46, 118, 178), light=0.6)
    p.polygon(body, colour, size=(swimmers[0].u if swimmers else size) * 0.6)
    if bare_set is not None:  # the water belongs to the set, not the figures
        ImageDraw.Draw(bare_set).polygon(body, fill=colour)
    crest = p.col((210, 236, 250), light=0.4)
    p.line(top, crest, max(2, h * 0.006))
    for k in range(1, 5):
        y = line + (h - line) * k / 5
        for j in range(3):
            x = w * (0.15 + 0.33 * j + 0.08 * (k % 2))
            p.line([(x, y), (x + w * 0.08, y)], (*crest, 120), max(1, h * 0.003))
    for pl in swimmers:
        r = pl.u * 1.3
        p.draw.ellipse(
            (pl.cx - r, line - r * 0.16, pl.cx + r, line + r * 0.2),
            outline=(*crest, 200),
            width=max(2, int(pl.u * 0.05)),
        )


def _turned(
    p: Painter, look: Look, member: PanelCharacter, place: Placement, framing: Framing, width: int, height: int
) -> tuple[int, int, int, int]:
    """A figure whose whole body is turned: a sleeper lies down (on a bed, under a blanket, eyes
    closed), a flyer stretches out head first. It is drawn upright on a layer of its own, turned,
    and laid on the panel; returns the face box in panel pixels."""
    prop = p.style.proportions
    u = place.u
    asleep = member.action is Action.SLEEPING
    length = u * (prop.heads_tall + 0.4)
    breadth = u * max(2.6, prop.shoulders * look.build * 1.6)
    sub_w, sub_h = int(breadth * 1.5) + 4, int(length + u * (0.7 if asleep else 2.4)) + 4
    layer = Image.new("RGBA", (sub_w, sub_h), (0, 0, 0, 0))
    sub = Painter(layer, p.style, ambient=p.ambient, ambient_strength=p.ambient_strength, seed=look.seed)
    cx, top = sub_w / 2, u * (0.3 if asleep else 1.9)
    if asleep:
        # the bed: a wooden side (the layer's left edge turns into the floor side) and a mattress
        wood = sub.col((150, 100, 64), light=0.5)
        sub.polygon([(0, 0), (u * 0.5, 0), (u * 0.5, sub_h), (0, sub_h)], wood, size=u)
        sub.polygon(
            [(u * 0.45, 0), (sub_w, 0), (sub_w, sub_h), (u * 0.45, sub_h)], sub.col((238, 236, 230), light=0.5), size=u
        )
        sub.ellipse(
            (cx - u * 1.0, top - u * 0.15, cx + u * 1.0, top + u * 1.25), sub.col((250, 250, 252), light=0.5), size=u
        )
    box, head = draw_person(sub, look, member, Placement(cx, top, u, 0, math.inf, place.variant))
    head()
    if asleep:
        blanket = sub.col(mix(look.accent, (250, 250, 250), 0.25), light=0.5)
        y0, y1 = top + u * (1 + prop.neck + 0.35), top + length - u * 0.1
        bw = breadth * 0.62
        sub.polygon([(cx - bw, y0), (cx + bw, y0), (cx + bw * 1.04, y1), (cx - bw * 1.04, y1)], blanket, size=u)
        fold = sub.col((250, 250, 252), light=0.5)
        sub.polygon([(cx - bw, y0), (cx + bw, y0), (cx + bw, y0 + u * 0.35), (cx - bw, y0 + u * 0.35)], fold, size=u)
    # head to the left lying on its back; a flyer head first the way it faces, body slanting down behind
    angle = 90.0 if asleep else -62.0 * (place.facing or 1)
    turned = layer.rotate(angle, Image.Resampling.BICUBIC, expand=True)
    alpha = turned.getchannel("A")
    a = math.radians(angle)
    cos, sin = math.cos(a), math.sin(a)

    def moved(px: float, py: float, at: tuple[float, float]) -> tuple[float, float]:
        """Where a point of the upright layer lands once turned about its centre and laid at `at`."""
        dx, dy = px - sub_w / 2, py - sub_h / 2
        return at[0] + turned.width / 2 + cos * dx + sin * dy, at[1] + turned.height / 2 - sin * dx + cos * dy

    if framing.figure:
        low = height * framing.feet - turned.height * 0.9
        mid = place.head_top + height * framing.figure * 0.45 - turned.height / 2
        x, y = place.cx - turned.width / 2, low if asleep else mid
    else:
        # a closer shot frames the face: put it where the reader looks, the body runs off the edge
        head = moved((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, (0, 0))
        want = (width * 0.24, height * 0.55) if asleep else (width * (0.5 + 0.14 * (place.facing or 1)), height * 0.36)
        x, y = want[0] - head[0], want[1] - head[1]
    x, y = int(x), int(y)
    p.image.paste(turned.convert("RGB"), (x, y), alpha)

    def turn(mask: Image.Image) -> Image.Image:
        return mask.rotate(angle, Image.Resampling.BILINEAR, expand=True)

    p.shade.paste(turn(sub.shade), (x, y), alpha)
    if p.ink is not None and sub.ink is not None:
        p.ink.paste(turn(sub.ink), (x, y), alpha)
    corners = [moved(bx, by, (x, y)) for bx in (box[0], box[2]) for by in (box[1], box[3])]
    face = (
        int(min(c[0] for c in corners)),
        int(min(c[1] for c in corners)),
        int(max(c[0] for c in corners)),
        int(max(c[1] for c in corners)),
    )
    if asleep:
        zx, zy = face[0] + (face[2] - face[0]) * 0.7, face[1] - u * 0.3
        for k, size in enumerate((0.34, 0.26, 0.2)):
            zs = u * size
            zx0, zy0 = zx + k * u * 0.42, zy - k * u * 0.46
            zz = [(zx0, zy0), (zx0 + zs, zy0), (zx0, zy0 + zs), (zx0 + zs, zy0 + zs)]
            p.line(zz, p.col((70, 80, 140), light=0.3), max(2, u * 0.05))
    return face


def _beat(panel: PanelScript) -> tuple:
    return panel.shot, tuple((c.name, c.action) for c in panel.characters)


def repeat_run(script: Script, panel: PanelScript) -> int:
    """How many panels in a row just before this one show the same shot and the same actions.

    The panel is found in the script as itself, else by its sequence number (an edited panel drawn
    again is a changed copy of the script's); a panel the script does not hold has no run.
    """
    panels = script.panels
    index = next((i for i, other in enumerate(panels) if other is panel or other == panel), None)
    if index is None:
        index = next((i for i, other in enumerate(panels) if other.sequence == panel.sequence), None)
    if index is None:
        return 0
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
