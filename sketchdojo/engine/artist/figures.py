"""The cast on stage: people drawn in their palette, hair style, build, pose and expression, and
antagonist monsters drawn as shadow creatures with glowing eyes.

A character's look (`Look`) comes only from its `ScriptCharacter` and its seed, never from the
panel, so the same hair spikes, eye size and face shape come back in every panel. A figure is
placed by its head (`Placement`: centre x, top of head, head height, facing) and returns its face box.
"""

from __future__ import annotations

import colorsys
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, replace

from sketchdojo.engine.artist.colour import Rgb, hex_rgb, mix, scale
from sketchdojo.engine.artist.painter import Painter, Point
from sketchdojo.engine.script import Action, Expression, PanelCharacter, ScriptCharacter
from sketchdojo.engine.vocabulary import (
    ACCESSORIES,
    AGES,
    GARMENTS,
    GENDER_PRESENTATIONS,
    KINDS,
    SKIN_TONES,
    Entry,
)
from sketchdojo.engine.vocabulary import (
    BUILDS as BUILD_WORDS,
)
from sketchdojo.engine.vocabulary import (
    HAIR_STYLES as HAIR_WORDS,
)

MONSTER_WORDS = ("monster", "shadow", "demon", "beast", "creature", "fiend", "wraith", "ghoul")
LIGHTNING_WORDS = ("lightning", "thunder", "electric", "storm", "spark", "volt")
CAPE_WORDS = ("mage", "wizard", "witch", "sorcer", "magic", "hero", "knight", "cloak", "cape")
Box = tuple[int, int, int, int]
HAIR_STYLES = (
    ("spiky", ("spik", "messy", "wild", "shaggy")),
    ("ponytail", ("ponytail", "pony tail", "tied")),
    ("curly", ("curl", "wavy", "afro", "fluffy")),
    ("long", ("long", "flowing", "braid")),
    ("bob", ("bob", "medium", "shoulder")),
    ("bun", ("bun",)),
    ("bald", ("bald", "shaved", "buzz")),
)
BUILDS = {
    "slim": 0.86,
    "thin": 0.84,
    "petite": 0.84,
    "athletic": 1.06,
    "muscular": 1.2,
    "stocky": 1.18,
    "heavy": 1.26,
    "large": 1.22,
    "strong": 1.14,
}


@dataclass(frozen=True)
class Look:
    name: str
    hair: Rgb
    eyes: Rgb
    skin: Rgb
    outfit: Rgb
    accent: Rgb
    hair_style: str
    build: float
    face_width: float
    eye_size: float
    spikes: tuple[tuple[float, float], ...]
    fringe: tuple[float, ...]
    is_monster: bool
    is_lightning: bool
    has_cape: bool
    has_scar: bool
    has_glasses: bool
    seed: int
    kind: str = "human"
    accessories: tuple[str, ...] = ()
    gender: str = "neutral"
    age: str = "adult"
    garment: str = "shirt"


# a body factor per vocabulary build, and one representative skin per vocabulary tone
BUILD_FACTORS = {"slim": 0.86, "average": 1.0, "athletic": 1.1, "heavy": 1.28, "small": 0.9, "tall": 0.94}
SKIN_HEX = {"pale": "#F8E1D3", "light": "#F0CBAE", "tan": "#D4A373", "brown": "#9C6339", "dark": "#5E3A22"}


def _vocab(word: str, table: tuple[Entry, ...], default: str | None) -> str | None:
    """The key of `table` that `word` is, or names as a synonym (whole phrase, then contained)."""
    word = word.strip().lower()
    for entry in table:
        if word == entry.key or word in entry.synonyms:
            return entry.key
    for entry in table:
        if any(syn in word for syn in entry.synonyms if len(syn) > 3):
            return entry.key
    return default


def kind_of(character: ScriptCharacter) -> str:
    """The vocabulary kind to draw: the key itself, a synonym of one, or `human`."""
    word = character.kind.strip().lower()
    for entry in KINDS:
        if word == entry.key or word in entry.synonyms:
            return entry.key
    return "human"


def is_monster(character: ScriptCharacter) -> bool:
    if kind_of(character) == "monster":
        return True
    text = f"{character.name} {character.description}".lower()
    return (
        kind_of(character) == "human"
        and character.role.lower() in ("antagonist", "villain")
        and any(w in text for w in MONSTER_WORDS)
    )


def look_of(character: ScriptCharacter) -> Look:
    rng = random.Random(character.seed)
    text = " ".join([character.name, character.description, *character.distinctive_features]).lower()
    style_text = character.hair_style.lower()
    hair_style = _vocab(style_text, HAIR_WORDS, None) or next(
        (name for name, words in HAIR_STYLES if any(w in style_text for w in words)), "short"
    )
    build_key = _vocab(character.build, BUILD_WORDS, None)
    build = (
        BUILD_FACTORS[build_key]
        if build_key
        else next((f for word, f in BUILDS.items() if word in character.build.lower()), 1.0)
    )
    tone = _vocab(character.skin_tone, SKIN_TONES, None)
    garment = _vocab(character.outfit, GARMENTS, "shirt")
    accessories = tuple(
        dict.fromkeys(key for a in character.accessories if (key := _vocab(a, ACCESSORIES, None)) is not None)
    )
    spikes = tuple((rng.uniform(-0.06, 0.06), rng.uniform(0.28, 0.5)) for _ in range(7))
    fringe = tuple(sorted(rng.uniform(0.1, 0.9) for _ in range(rng.randint(3, 5))))
    pal = character.palette
    age = _vocab(character.age, AGES, "adult")
    hair = hex_rgb(pal.hair)
    if age == "elder":
        hair = mix(hair, (206, 206, 212), 0.55)  # greying
    elif age == "teen":
        build *= 0.92
    return Look(
        name=character.name,
        hair=hair,
        eyes=hex_rgb(pal.eyes),
        # the named tone wins over a palette that disagrees with it ("light" is the unset default)
        skin=hex_rgb(SKIN_HEX[tone] if tone and tone != "light" else pal.skin),
        outfit=hex_rgb(pal.outfit),
        accent=hex_rgb(pal.accent),
        hair_style=hair_style,
        build=build,
        face_width=rng.uniform(0.94, 1.04),
        eye_size=rng.uniform(0.92, 1.1) * (1.12 if age in ("teen", "child") else 1.0),
        spikes=spikes,
        fringe=fringe,
        is_monster=is_monster(character),
        is_lightning=any(w in text for w in LIGHTNING_WORDS),
        has_cape=any(w in text for w in CAPE_WORDS) or "cape" in accessories,
        has_scar="scar" in text,
        has_glasses="glasses" in text or "spectacles" in text or "glasses" in accessories,
        seed=character.seed,
        kind=kind_of(character),
        accessories=accessories,
        gender=_vocab(character.gender, GENDER_PRESENTATIONS, "neutral"),
        age=age,
        garment=garment,
    )


HAIR_ROTATION = ("short", "long", "ponytail", "curly", "bun", "spiky", "bob", "braids")


def cast_looks(characters: list[ScriptCharacter]) -> dict[str, Look]:
    """Every cast member's look, with any who would read as a twin of someone earlier varied.

    Two people of one story must differ in silhouette or palette: when a later character has the
    same kind, hair style and garment as an earlier one and near-identical hair and outfit colours,
    its hair style moves on and its outfit hue turns by a third, deterministically, in every panel.
    """
    looks: dict[str, Look] = {}
    for character in characters:
        look = look_of(character)
        for _ in range(len(HAIR_ROTATION)):
            twin = next((other for other in looks.values() if _alike(other, look)), None)
            if twin is None:
                break
            step = (
                HAIR_ROTATION[(HAIR_ROTATION.index(look.hair_style) + 1) % len(HAIR_ROTATION)]
                if look.hair_style in HAIR_ROTATION
                else "long"
            )
            look = replace(
                look, hair_style=step, outfit=_turn_hue(look.outfit, 1 / 3), accent=_turn_hue(look.accent, 1 / 3)
            )
        looks[character.name] = look
    return looks


def _alike(a: Look, b: Look) -> bool:
    def far(x: Rgb, y: Rgb) -> bool:
        return sum(abs(i - j) for i, j in zip(x, y, strict=True)) > 90

    # the head is what a reader tells people apart by: same hair cut and colour reads as a twin
    same_shape = a.kind == b.kind and a.hair_style == b.hair_style and a.garment == b.garment
    return same_shape and not far(a.hair, b.hair)


def _turn_hue(rgb: Rgb, turn: float) -> Rgb:
    h, light, sat = colorsys.rgb_to_hls(*(v / 255 for v in rgb))
    r, g, b = colorsys.hls_to_rgb((h + turn) % 1.0, light, max(sat, 0.35))
    return round(r * 255), round(g * 255), round(b * 255)


@dataclass(frozen=True)
class Placement:
    cx: float
    head_top: float
    u: float  # head height in pixels
    facing: int  # -1 looks left, 0 at the reader, 1 looks right
    room: float = math.inf  # width of this figure's slot on a crowded stage
    variant: int = 0  # 1 draws the action's second pose, so a repeated beat never repeats its picture
    reach: Point | None = None  # where the near hand goes (a hug: the partner's back), arm drawn over others


# Pose angles in degrees from straight down, positive toward where the figure faces (90 = forward, 180 = up):
# (near upper arm, near forearm, far upper arm, far forearm, near thigh, near shin, far thigh, far shin, lean)
POSES: dict[Action, tuple[float, ...]] = {
    Action.STANDING: (10, 5, -8, -4, 5, 0, -5, 0, 0),
    Action.WALKING: (32, 50, -30, -12, 26, 6, -22, -40, 4),
    Action.RUNNING: (70, 150, -60, 10, 72, 2, -38, -100, 14),
    Action.FIGHTING: (82, 92, 40, 150, 32, 10, -30, -8, 8),
    Action.CASTING: (84, 92, 66, 104, 22, 4, -22, -4, 0),
    Action.POINTING: (96, 96, -8, -4, 8, 0, -6, 0, 2),
    Action.SITTING: (22, 70, 18, 66, 90, 0, 86, -4, 0),
    Action.FALLING: (150, 120, -150, -170, 48, 80, -24, 24, -30),
    Action.LOOKING: (134, 254, -8, -4, 6, 0, -6, 0, 2),
    Action.TALKING: (34, 84, -8, -4, 5, 0, -5, 0, 0),
    Action.CELEBRATING: (160, 172, 150, 166, 12, -8, -10, 10, 0),
    Action.HUGGING: (78, 118, 72, 124, 8, 0, -6, 0, 8),
    Action.EATING: (30, 160, -8, -4, 5, 0, -5, 0, 2),
    Action.DRINKING: (44, 168, -12, -8, 6, 0, -4, 0, -6),
    Action.CRYING: (26, 152, 24, 150, 4, 0, -4, 0, 10),
    Action.SLEEPING: (12, 6, -12, -6, 3, 0, -3, 0, 0),
    Action.READING: (40, 110, 40, 110, 5, 0, -5, 0, 4),
    Action.HOLDING: (40, 100, -8, -4, 5, 0, -5, 0, 0),
    Action.STEALING: (62, 24, -48, -20, 40, -24, -30, -34, 22),
    Action.FLYING: (172, 178, 166, 176, 4, 2, -4, -8, 0),
    Action.SWIMMING: (150, 110, -50, -70, 12, 4, -10, -4, 6),
    Action.WAVING: (140, 196, -8, -4, 5, 0, -5, 0, 0),
    Action.PHONING: (10, 5, 130, 160, 5, 0, -5, 0, 2),
}


def alternate_pose(pose: tuple[float, ...]) -> tuple[float, ...]:
    """The same action with the other arm leading: arms swapped, hanging forearms bent, a little lean."""
    near_upper, near_fore, far_upper, far_fore, *legs, lean = pose

    def bend(upper: float, fore: float) -> tuple[float, float]:
        return (upper, fore + 70) if abs(upper) < 45 else (upper, fore)

    a = bend(-far_upper if far_upper < 0 else far_upper, -far_fore if far_upper < 0 else far_fore)
    b = bend(-near_upper if near_upper > 90 else near_upper * -1, -near_fore if near_upper > 90 else near_fore * -1)
    return (*a, *b, *legs, lean + 5)


def _two_bone(root: Point, target: Point, upper: float, fore: float) -> tuple[Point, Point]:
    """Elbow and hand of an arm reaching from `root` toward `target` (the hand lands on it when in
    reach), the elbow bending below the line between them."""
    dx, dy = target[0] - root[0], target[1] - root[1]
    dist = max(1e-6, min(math.hypot(dx, dy), (upper + fore) * 0.999))
    base = math.atan2(dy, dx)
    bend = math.acos(max(-1.0, min(1.0, (upper * upper + dist * dist - fore * fore) / (2 * upper * dist))))
    angle = base + bend if dx >= 0 else base - bend
    elbow = (root[0] + math.cos(angle) * upper, root[1] + math.sin(angle) * upper)
    ex, ey = root[0] + math.cos(base) * dist - elbow[0], root[1] + math.sin(base) * dist - elbow[1]
    k = fore / (math.hypot(ex, ey) or 1)
    return elbow, (elbow[0] + ex * k, elbow[1] + ey * k)


def _vec(angle: float, d: int) -> tuple[float, float]:
    r = math.radians(angle)
    return math.sin(r) * d, math.cos(r)


def _add(p: Point, v: tuple[float, float], k: float) -> Point:
    return p[0] + v[0] * k, p[1] + v[1] * k


def draw_person(p: Painter, look: Look, cast: PanelCharacter, place: Placement) -> tuple[Box, Callable[[], None]]:
    """Draw a person's body; return their face box (head without hair) and a function drawing the head."""
    st = p.style
    prop = st.proportions
    u, f = place.u, place.facing
    light = 0.55
    skin, outfit = p.col(look.skin, light=light), p.col(look.outfit, light=light)
    hair, accent = p.col(look.hair, light=light), p.col(look.accent, light=light)
    trousers = p.col(mix(scale(look.outfit, 0.55), (40, 44, 66), 0.4), light=light)
    shoes = p.col((44, 36, 40), light=light)

    pose = POSES[cast.action] if not place.variant else alternate_pose(POSES[cast.action])
    lean = pose[8] * (f or 1) if f else 0.0
    hw = u * prop.head_width * look.face_width
    shape = GENDER_SHAPES[look.gender]
    sw = min(u * prop.shoulders * look.build * shape[0], place.room * 0.82)
    limb = u * prop.limb * look.build
    leg_len = prop.legs * u
    seated = cast.action is Action.SITTING
    hip_y = place.head_top + u * (1 + prop.neck + prop.torso) + (leg_len * 0.5 if seated else 0)
    torso = prop.torso * u
    # the head stays where the framing put it; a leaning body swings out below it
    hip = (place.cx - math.sin(math.radians(lean)) * (torso + u * (prop.neck + 0.5)), hip_y)
    sh = (hip[0] + math.sin(math.radians(lean)) * torso, hip[1] - math.cos(math.radians(lean)) * torso)
    head_c = (sh[0] + math.sin(math.radians(lean)) * u * (prop.neck + 0.5), sh[1] - u * (prop.neck + 0.5))
    box = (head_c[0] - hw / 2, head_c[1] - u / 2, head_c[0] + hw / 2, head_c[1] + u / 2)

    # side-facing figures use one direction for both sides; front-facing ones open outward
    near_d, far_d = (f, f) if f else (1, -1)

    def arm(shoulder: Point, a1: float, a2: float, d: int, shade: float) -> Point:
        if not f:
            a1, a2 = abs(a1), abs(a2)
        elbow = _add(shoulder, _vec(a1, d), prop.arms * u * 0.5)
        hand = _add(elbow, _vec(a2, d), prop.arms * u * 0.5)
        reach = max(abs(elbow[0] - place.cx), abs(hand[0] - place.cx))
        if reach > place.room * 0.42 and min(elbow[1], hand[1]) < place.head_top + u * 1.4:
            # an arm raised into the neighbour's slot would cross their face: swing it back over our own
            elbow = _add(shoulder, _vec(-a1, d), prop.arms * u * 0.5)
            hand = _add(elbow, _vec(-a2, d), prop.arms * u * 0.5)
        return arm_at(shoulder, elbow, hand, shade)

    def arm_at(shoulder: Point, elbow: Point, hand: Point, shade: float) -> Point:
        colour = scale(outfit, shade)
        p.limb([shoulder, elbow, hand], limb * 0.9, colour, size=u)
        r = limb * 0.62
        glove = accent if "gloves" in look.accessories else skin
        p.ellipse((hand[0] - r, hand[1] - r, hand[0] + r, hand[1] + r), scale(glove, shade), size=u)
        p.hands.setdefault(look.name, []).append(hand)
        return hand

    def leg(hip_pt: Point, a1: float, a2: float, d: int, shade: float) -> None:
        if not f:
            a1, a2 = abs(a1) * 0.4, abs(a2) * 0.4
        knee = _add(hip_pt, _vec(a1, d), leg_len * 0.5)
        foot = _add(knee, _vec(a2, d), leg_len * 0.5)
        if seated and not f:
            # seen from the front, thighs point at the reader: short, with the shins hanging straight down
            knee = (hip_pt[0] + d * limb * 0.3, hip_pt[1] + leg_len * 0.1)
            foot = (knee[0], knee[1] + leg_len * 0.5)
        p.limb([hip_pt, knee, foot], limb * 1.1, scale(trousers, shade), size=u)
        fw = limb * 0.9
        toe = foot[0] + (fw * 1.4 * d if f else 0)
        p.ellipse(
            (min(foot[0], toe) - fw * 0.6, foot[1] - fw * 0.5, max(foot[0], toe) + fw * 0.6, foot[1] + fw * 0.55),
            shoes,
            size=u,
        )

    shoulder_l = (sh[0] - sw / 2 + limb * 0.4, sh[1] + limb * 0.45)
    shoulder_r = (sh[0] + sw / 2 - limb * 0.4, sh[1] + limb * 0.45)
    near_sh, far_sh = (shoulder_r, shoulder_l) if f >= 0 else (shoulder_l, shoulder_r)
    hip_w = sw * shape[1]
    near_hip = (hip[0] + hip_w * 0.28 * (f or 1), hip[1])
    far_hip = (hip[0] - hip_w * 0.28 * (f or 1), hip[1])

    if look.has_cape:
        cape = p.col(scale(look.accent, 0.7), light=light)
        bottom = hip[1] + leg_len * 0.55
        p.polygon(
            [
                (sh[0] - sw * 0.45, sh[1]),
                (sh[0] + sw * 0.45, sh[1]),
                (sh[0] + sw * 0.62, bottom),
                (sh[0] - sw * 0.62, bottom),
            ],
            cape,
            size=u,
        )
    _back_hair(p, look, hair, head_c, hw, u, f)

    hands: list[Point] = []
    if seated:
        seat = p.col((120, 96, 80), light=light)
        p.polygon(
            [
                (hip[0] - sw * 0.7, hip[1] + limb * 0.6),
                (hip[0] + sw * 0.7, hip[1] + limb * 0.6),
                (hip[0] + sw * 0.7, hip[1] + leg_len * 0.5 + limb),
                (hip[0] - sw * 0.7, hip[1] + leg_len * 0.5 + limb),
            ],
            seat,
            size=u,
        )
    if f and place.reach is not None:
        # the far arm of a hug goes round the partner's waist, behind both bodies
        waist_at = (place.reach[0] - f * u * 0.25, place.reach[1] + u * 0.9)
        hands.append(arm_at(far_sh, *_two_bone(far_sh, waist_at, prop.arms * u * 0.5, prop.arms * u * 0.5), 0.8))
    elif f:
        hands.append(arm(far_sh, pose[2], pose[3], far_d, 0.8))
    leg(far_hip, pose[6], pose[7], far_d, 0.82)
    leg(near_hip, pose[4], pose[5], near_d, 1.0)

    # torso
    waist = sw * shape[2]
    pts = [
        (sh[0] - sw / 2, sh[1] + limb * 0.2),
        (sh[0] + sw / 2, sh[1] + limb * 0.2),
        (hip[0] + waist, hip[1] - torso * 0.35),
        (hip[0] + hip_w / 2, hip[1] + limb * 0.3),
        (hip[0] - hip_w / 2, hip[1] + limb * 0.3),
        (hip[0] - waist, hip[1] - torso * 0.35),
    ]
    p.polygon(pts, outfit, size=u)
    _garment(p, look, outfit, accent, sh, hip, sw, hip_w, waist, torso, limb, leg_len, u, seated)
    side = 1 if f <= 0 else -1  # the shadow falls on the side away from the upper-left light
    shadow = [
        (sh[0] + side * sw * 0.18, sh[1] + limb * 0.2),
        (sh[0] + side * sw / 2, sh[1] + limb * 0.2),
        (hip[0] + side * waist, hip[1] - torso * 0.35),
        (hip[0] + side * hip_w / 2, hip[1] + limb * 0.3),
        (hip[0] + side * hip_w * 0.1, hip[1] + limb * 0.3),
    ]
    p.shadow(shadow, outfit)
    belt_y = hip[1] - torso * 0.08
    p.polygon(
        [
            (hip[0] - hip_w * 0.52, belt_y),
            (hip[0] + hip_w * 0.52, belt_y),
            (hip[0] + hip_w * 0.52, belt_y + limb * 0.45),
            (hip[0] - hip_w * 0.52, belt_y + limb * 0.45),
        ],
        accent,
        size=u * 0.6,
    )
    collar = [
        (sh[0] - sw * 0.2, sh[1] + limb * 0.1),
        (sh[0] + sw * 0.2, sh[1] + limb * 0.1),
        (sh[0], sh[1] + torso * 0.3),
    ]
    p.polygon(collar, accent, size=u * 0.6)
    if look.is_lightning:
        cx0, cy0 = sh[0], sh[1] + torso * 0.42
        bolt = [
            (cx0 + limb * 0.3, cy0 - limb * 0.9),
            (cx0 - limb * 0.35, cy0 + limb * 0.05),
            (cx0 + limb * 0.1, cy0),
            (cx0 - limb * 0.3, cy0 + limb * 0.95),
            (cx0 + limb * 0.45, cy0 - limb * 0.15),
            (cx0, cy0 - limb * 0.1),
        ]
        p.polygon(bolt, p.col((255, 226, 90), light=0.2), size=u * 0.5)

    hug_arm: Callable[[], None] | None = None
    if f and place.reach is not None:
        # a hug: the near arm wraps the partner's back, drawn over both bodies (before the heads)
        target = place.reach
        elbow, hand = _two_bone(near_sh, target, prop.arms * u * 0.5, prop.arms * u * 0.5)

        def hug_arm() -> None:
            arm_at(near_sh, elbow, hand, 1.0)

    elif f:
        hands.append(arm(near_sh, pose[0], pose[1], near_d, 1.0))
    else:
        hands.append(arm(shoulder_l, pose[2], pose[3], -1, 0.92))
        hands.append(arm(shoulder_r, pose[0], pose[1], 1, 1.0))
    if cast.action is Action.CASTING:
        glow = look.accent if not look.is_lightning else mix(look.accent, (140, 220, 255), 0.5)
        for hx, hy in hands:
            p.glow((hx, hy), u * 0.7, glow, strength=150)
            p.glow((hx, hy), u * 0.25, (255, 255, 255), strength=200)
        if look.is_lightning:
            _aura(p, look, head_c, hip, u, sw)

    def head() -> None:
        """Neck, head, face and fringe: drawn after every body, so no one's arm hides a face."""
        if hug_arm is not None:
            hug_arm()
        nw = hw * 0.2
        p.polygon(
            [
                (head_c[0] - nw, head_c[1] + u * 0.3),
                (head_c[0] + nw, head_c[1] + u * 0.3),
                (sh[0] + nw, sh[1] + limb * 0.3),
                (sh[0] - nw, sh[1] + limb * 0.3),
            ],
            scale(skin, 0.86),
            size=u,
        )
        if "scarf" in look.accessories:
            _scarf(p, accent, head_c, sh, hw, u, limb, f)
        if "necklace" in look.accessories:
            p.draw.arc(
                (sh[0] - sw * 0.2, sh[1] - torso * 0.1, sh[0] + sw * 0.2, sh[1] + torso * 0.3),
                20,
                160,
                fill=(230, 190, 70),
                width=max(2, int(u * 0.03)),
            )
        ear_x = head_c[0] - f * hw * 0.42 if f else None
        for ex in [ear_x] if ear_x is not None else [head_c[0] - hw * 0.48, head_c[0] + hw * 0.48]:
            p.ellipse((ex - hw * 0.08, head_c[1] - u * 0.04, ex + hw * 0.08, head_c[1] + u * 0.16), skin, size=u)
        outline = _head_shape(head_c, hw, u, prop.head_width < 0.9)
        p.polygon(outline, skin, size=u)
        # the side of the face away from the upper-left light, cut along a soft curve
        side = 1 if f <= 0 else -1
        shade = []
        for px, py in outline:
            edge = head_c[0] + side * hw * (0.22 - 0.12 * (py - head_c[1]) / u)
            shade.append((max(px, edge) if side > 0 else min(px, edge), py))
        p.shadow(shade, skin, depth=0.72, alpha=60)
        eyebrows = _face(p, look, cast.expression, head_c, hw, u, f, asleep=cast.action is Action.SLEEPING)
        _front_hair(p, look, hair, head_c, hw, u, f)
        eyebrows()
        if look.age == "elder":
            _wrinkles(p, skin, head_c, hw, u, f)
        _head_accessories(p, look, accent, head_c, hw, u, f)

    fx0, fy0, fx1, fy1 = box
    return (int(fx0), int(fy0), int(fx1), int(fy1)), head


# shoulder width, hip width (share of shoulders) and waist (share of shoulders) per presentation
GENDER_SHAPES = {"feminine": (0.86, 0.84, 0.28), "masculine": (1.08, 0.56, 0.4), "neutral": (1.0, 0.66, 0.35)}
METAL: Rgb = (176, 182, 194)


def _garment(
    p: Painter,
    look: Look,
    outfit: Rgb,
    accent: Rgb,
    sh: Point,
    hip: Point,
    sw: float,
    hip_w: float,
    waist: float,
    torso: float,
    limb: float,
    leg_len: float,
    u: float,
    seated: bool,
) -> None:
    """What a character wears over the torso: the cut names the garment at a glance."""
    g = look.garment
    waist_y = hip[1] - torso * 0.35
    dark = scale(outfit, 0.7)
    if g in ("dress", "robe"):
        hem = hip[1] + leg_len * (0.95 if g == "robe" else 0.5) * (0.55 if seated else 1.0)
        flare = sw * (0.7 if g == "robe" else 0.8)
        p.polygon(
            [(hip[0] - waist, waist_y), (hip[0] + waist, waist_y), (hip[0] + flare, hem), (hip[0] - flare, hem)],
            outfit,
            size=u,
        )
        if g == "robe":
            p.line([(sh[0], sh[1] + limb * 0.3), (hip[0], hem)], accent, max(2, limb * 0.35))
        else:
            for k in (-1, 1):  # skirt folds
                p.line([(hip[0] + k * waist * 0.4, waist_y + torso * 0.2), (hip[0] + k * flare * 0.5, hem)], dark, 2)
    elif g in ("coat", "raincoat"):
        colour = outfit if g == "coat" else mix(outfit, (250, 210, 60), 0.35)
        hem = hip[1] + leg_len * 0.45 * (0.5 if seated else 1.0)
        for k in (-1, 1):
            p.polygon(
                [
                    (sh[0] + k * sw * 0.04, sh[1] + limb * 0.2),
                    (sh[0] + k * sw / 2, sh[1] + limb * 0.2),
                    (hip[0] + k * hip_w * 0.62, hem),
                    (hip[0] + k * sw * 0.04, hem),
                ],
                colour,
                size=u,
            )
        if g == "raincoat":
            p.line(
                [(sh[0] - sw * 0.3, sh[1] + torso * 0.2), (hip[0] - hip_w * 0.4, hem - torso * 0.1)],
                (255, 255, 255, 140),
                max(2, limb * 0.25),
            )
        for k in range(3):
            by = sh[1] + torso * (0.35 + k * 0.25)
            p.ellipse(
                (sh[0] + sw * 0.08 - limb * 0.12, by - limb * 0.12, sh[0] + sw * 0.08 + limb * 0.12, by + limb * 0.12),
                dark,
            )
    elif g in ("suit", "uniform"):
        p.polygon(
            [
                (sh[0] - sw * 0.16, sh[1] + limb * 0.2),
                (sh[0] + sw * 0.16, sh[1] + limb * 0.2),
                (sh[0], sh[1] + torso * 0.5),
            ],
            (246, 246, 240),
        )
        if g == "suit":
            p.polygon(
                [
                    (sh[0] - limb * 0.15, sh[1] + limb * 0.4),
                    (sh[0] + limb * 0.15, sh[1] + limb * 0.4),
                    (sh[0], sh[1] + torso * 0.55),
                ],
                accent,
            )
            for k in (-1, 1):
                p.line(
                    [(sh[0] + k * sw * 0.16, sh[1] + limb * 0.2), (sh[0] + k * sw * 0.05, sh[1] + torso * 0.55)],
                    dark,
                    max(2, limb * 0.2),
                )
        else:
            for k in range(4):
                by = sh[1] + torso * (0.55 + k * 0.12)
                p.ellipse((sh[0] - limb * 0.1, by - limb * 0.1, sh[0] + limb * 0.1, by + limb * 0.1), (230, 200, 80))
            for k in (-1, 1):  # epaulettes
                ex = sh[0] + k * sw * 0.4
                p.polygon(
                    [
                        (ex - sw * 0.1, sh[1] + limb * 0.1),
                        (ex + sw * 0.1, sh[1] + limb * 0.1),
                        (ex + sw * 0.1, sh[1] + limb * 0.35),
                        (ex - sw * 0.1, sh[1] + limb * 0.35),
                    ],
                    accent,
                    size=u * 0.5,
                )
    elif g == "hoodie":
        py = hip[1] - torso * 0.32
        p.polygon(
            [
                (hip[0] - waist * 0.8, py),
                (hip[0] + waist * 0.8, py),
                (hip[0] + waist, hip[1]),
                (hip[0] - waist, hip[1]),
            ],
            dark,
            size=u * 0.5,
        )
        for k in (-1, 1):
            p.line(
                [(sh[0] + k * sw * 0.08, sh[1] + limb * 0.3), (sh[0] + k * sw * 0.09, sh[1] + torso * 0.35)],
                (240, 240, 240),
                max(1, limb * 0.1),
            )
    elif g == "armour":
        metal = p.col(mix(METAL, outfit, 0.2), light=0.4)
        p.polygon(
            [
                (sh[0] - sw * 0.44, sh[1] + limb * 0.3),
                (sh[0] + sw * 0.44, sh[1] + limb * 0.3),
                (hip[0] + waist, hip[1]),
                (hip[0] - waist, hip[1]),
            ],
            metal,
            size=u,
        )
        for k in range(3):
            by = sh[1] + torso * (0.45 + k * 0.17)
            p.line([(hip[0] - waist * 1.1, by), (hip[0] + waist * 1.1, by)], scale(metal, 0.6), max(2, limb * 0.12))
        for k in (-1, 1):  # pauldrons
            cx = sh[0] + k * sw * 0.45
            p.ellipse((cx - sw * 0.2, sh[1] - limb * 0.2, cx + sw * 0.2, sh[1] + limb * 1.0), metal, size=u)
    elif g == "spacesuit":
        suit = p.col((236, 238, 242), light=0.4)
        p.polygon(
            [
                (sh[0] - sw / 2, sh[1] + limb * 0.2),
                (sh[0] + sw / 2, sh[1] + limb * 0.2),
                (hip[0] + waist * 1.1, hip[1]),
                (hip[0] - waist * 1.1, hip[1]),
            ],
            suit,
            size=u,
        )
        p.polygon(
            [
                (sh[0] - sw * 0.18, sh[1] + torso * 0.3),
                (sh[0] + sw * 0.18, sh[1] + torso * 0.3),
                (sh[0] + sw * 0.18, sh[1] + torso * 0.55),
                (sh[0] - sw * 0.18, sh[1] + torso * 0.55),
            ],
            (60, 70, 90),
            size=u * 0.5,
        )
        for k, colour in enumerate(((240, 70, 60), (80, 220, 120), (250, 200, 60))):
            bx = sh[0] - sw * 0.1 + k * sw * 0.1
            p.ellipse((bx - limb * 0.08, sh[1] + torso * 0.4, bx + limb * 0.08, sh[1] + torso * 0.46), colour)
        p.ellipse((sh[0] - sw * 0.3, sh[1] - limb * 0.3, sh[0] + sw * 0.3, sh[1] + limb * 0.5), (150, 156, 170), size=u)
        p.line([(sh[0] + sw * 0.3, sh[1] + limb * 0.2), (sh[0] + sw * 0.35, sh[1] + limb * 0.2)], accent, 2)


def _wrinkles(p: Painter, skin: Rgb, c: Point, hw: float, u: float, f: int) -> None:
    """Crow's feet and smile lines: an old face at a glance."""
    x, y = c[0] + f * hw * 0.12, c[1]
    line = (*scale(skin, 0.6), 200)
    w = max(1, int(u * 0.018))
    ey = _eye_line(p, y, u)
    for k in (-1, 1):
        ex = x + k * hw * 0.4
        for j in (-1, 0, 1):
            p.draw.line([(ex, ey + j * u * 0.02), (ex + k * hw * 0.07, ey + j * u * 0.04)], fill=line, width=w)
        p.draw.line([(x + k * hw * 0.16, y + u * 0.08), (x + k * hw * 0.22, y + u * 0.26)], fill=line, width=w)
    p.draw.line([(x - hw * 0.2, y - u * 0.34), (x + hw * 0.2, y - u * 0.34)], fill=line, width=w)


def _scarf(p: Painter, accent: Rgb, head_c: Point, sh: Point, hw: float, u: float, limb: float, f: int) -> None:
    y = (head_c[1] + u * 0.45 + sh[1]) / 2
    p.ellipse((head_c[0] - hw * 0.42, y - u * 0.14, head_c[0] + hw * 0.42, y + u * 0.16), accent, size=u)
    side = -f if f else 1
    tail_x = head_c[0] + side * hw * 0.2
    p.polygon(
        [
            (tail_x - hw * 0.1, y),
            (tail_x + hw * 0.12, y),
            (tail_x + hw * 0.16 + side * hw * 0.05, y + u * 0.8),
            (tail_x - hw * 0.06 + side * hw * 0.05, y + u * 0.8),
        ],
        scale(accent, 0.85),
        size=u,
    )


def _head_accessories(p: Painter, look: Look, accent: Rgb, c: Point, hw: float, u: float, f: int) -> None:
    """Worn over the hair and face: hat, headband, eyepatch, mask, earrings."""
    x, y = c
    acc = look.accessories
    if "headband" in acc:
        p.chord((x - hw * 0.58, y - u * 0.52, x + hw * 0.58, y - u * 0.1), 195, 345, accent)
        p.chord((x - hw * 0.52, y - u * 0.44, x + hw * 0.52, y - u * 0.06), 195, 345, p.col(look.hair, light=0.55))
    if "hat" in acc:
        crown = scale(accent, 0.75)
        p.ellipse((x - hw * 0.8, y - u * 0.5, x + hw * 0.8, y - u * 0.3), crown, size=u)
        p.polygon(
            [
                (x - hw * 0.46, y - u * 0.42),
                (x - hw * 0.4, y - u * 0.85),
                (x + hw * 0.4, y - u * 0.85),
                (x + hw * 0.46, y - u * 0.42),
            ],
            crown,
            size=u,
        )
        p.polygon(
            [
                (x - hw * 0.44, y - u * 0.56),
                (x + hw * 0.44, y - u * 0.56),
                (x + hw * 0.45, y - u * 0.46),
                (x - hw * 0.45, y - u * 0.46),
            ],
            accent,
        )
    ey = _eye_line(p, y, u)
    if "eyepatch" in acc:
        ex = x + f * hw * 0.12 - hw * 0.22
        p.line([(x - hw * 0.5, ey - u * 0.2), (x + hw * 0.5, ey - u * 0.08)], (30, 30, 30), max(2, u * 0.025))
        p.ellipse((ex - hw * 0.14, ey - u * 0.09, ex + hw * 0.14, ey + u * 0.09), (30, 30, 30))
    if "mask" in acc:
        p.polygon(
            [
                (x - hw * 0.5, ey - u * 0.08),
                (x + hw * 0.5, ey - u * 0.08),
                (x + hw * 0.46, ey + u * 0.08),
                (x, ey + u * 0.04),
                (x - hw * 0.46, ey + u * 0.08),
            ],
            (*scale(accent, 0.5), 150),
        )
    if "earrings" in acc and not f:
        for k in (-1, 1):
            ex = x + k * hw * 0.48
            p.draw.ellipse(
                (ex - u * 0.06, y + u * 0.16, ex + u * 0.06, y + u * 0.3),
                outline=(240, 200, 70),
                width=max(2, int(u * 0.025)),
            )


def _head_shape(c: Point, hw: float, u: float, pointed: bool) -> list[Point]:
    """An egg-shaped head: round cranium, cheeks narrowing to a chin (round for chibi)."""
    x, y = c
    pts = []
    for i in range(28):
        a = math.tau * i / 28
        sx, sy = math.cos(a), math.sin(a)
        narrow = 1 - (0.34 if pointed else 0.12) * max(0.0, sy) ** 2.2
        pts.append((x + sx * hw / 2 * narrow, y + sy * u / 2))
    return pts


def _aura(p: Painter, look: Look, head: Point, hip: Point, u: float, sw: float) -> None:
    rng = random.Random(look.seed ^ 0xA0A)
    colour = mix(look.accent, (170, 230, 255), 0.5)
    cx, cy = (head[0] + hip[0]) / 2, (head[1] + hip[1]) / 2
    ry, rx = (hip[1] - head[1]) * 0.85, sw * 1.1
    for i in range(7):
        a = math.tau * i / 7 + rng.uniform(0, 0.4)
        x, y = cx + math.cos(a) * rx, cy + math.sin(a) * ry
        pts = [(x, y)]
        for _ in range(4):
            x += rng.uniform(-0.3, 0.3) * u
            y += rng.uniform(-0.3, 0.3) * u
            pts.append((x, y))
        p.line(pts, (*colour, 110), max(3, u * 0.08))
        p.line(pts, (255, 255, 255, 230), max(1, u * 0.025))


def _back_hair(p: Painter, look: Look, hair: Rgb, c: Point, hw: float, u: float, f: int) -> None:
    x, y = c
    if look.garment == "hoodie" or look.garment == "raincoat":
        hood = p.col(scale(look.outfit, 0.8), light=0.55)
        p.ellipse((x - hw * 0.78, y - u * 0.62, x + hw * 0.78, y + u * 0.62), hood, size=u)
    if look.hair_style == "braids":
        for side in (-1, 1):
            bx = x + side * hw * 0.5
            for k in range(6):
                by = y + u * (0.05 + k * 0.2)
                r = hw * (0.13 - k * 0.01)
                p.ellipse((bx - r, by - r * 1.2, bx + r, by + r * 1.2), scale(hair, 0.9), size=u)
            p.ellipse((bx - hw * 0.06, y + u * 1.25, bx + hw * 0.06, y + u * 1.35), p.col(look.accent))
    elif look.hair_style == "long":
        p.polygon(
            [
                (x - hw * 0.58, y - u * 0.2),
                (x + hw * 0.58, y - u * 0.2),
                (x + hw * 0.66, y + u * 1.25),
                (x - hw * 0.66, y + u * 1.25),
            ],
            scale(hair, 0.8),
            size=u,
        )
    elif look.hair_style == "bob":
        p.ellipse((x - hw * 0.64, y - u * 0.55, x + hw * 0.64, y + u * 0.5), scale(hair, 0.85), size=u)
    elif look.hair_style == "ponytail":
        side = -f if f else 1
        base = (x + side * hw * 0.45, y - u * 0.25)
        tip = (x + side * hw * 0.9, y + u * 0.9)
        p.polygon(
            [
                base,
                (base[0] + side * hw * 0.35, base[1] + u * 0.2),
                tip,
                (tip[0] - side * hw * 0.2, tip[1] - u * 0.1),
                (base[0] - side * hw * 0.05, base[1] + u * 0.35),
            ],
            scale(hair, 0.85),
            size=u,
        )


def _front_hair(p: Painter, look: Look, hair: Rgb, c: Point, hw: float, u: float, f: int) -> None:
    x, y = c
    # the fringe stops short of the eyes, however big the style draws them
    eye_h = _eye_metrics(p, look, hw)[1]
    eye_top = _eye_line(p, y, u) - eye_h * 1.15
    top, fringe_y = y - u * 0.6, min(y - u * 0.12, eye_top + u * 0.02)
    reach = max(u * 0.05, eye_top + eye_h * 0.3 - fringe_y)
    size = u
    style = look.hair_style
    if style == "bald":
        # a bare scalp: the skin's own shine, no hair colour at all
        p.draw.arc(
            (x - hw * 0.32, y - u * 0.46, x + hw * 0.12, y - u * 0.1),
            200,
            290,
            fill=(255, 255, 255, 150),
            width=max(2, int(u * 0.05)),
        )
        return
    if style == "spiky":
        pts = []
        n = len(look.spikes)
        for i, (jitter, length) in enumerate(look.spikes):
            a0 = math.pi + math.pi * (i / n) - 0.15
            a1 = math.pi + math.pi * ((i + 1) / n) + 0.15
            am = (a0 + a1) / 2 + jitter + 0.12 * f
            rx, ry = hw * 0.55, u * 0.5
            pts.append((x + math.cos(a0) * rx, y - u * 0.05 + math.sin(a0) * ry))
            pts.append((x + math.cos(am) * (rx + length * u), y - u * 0.05 + math.sin(am) * (ry + length * u * 0.8)))
        pts.append((x + hw * 0.56, y - u * 0.05))
        p.polygon(pts, hair, size=size)
    elif style == "curly":
        r = hw * 0.17
        for i in range(11):
            a = math.pi * (0.95 + 1.1 * i / 10)
            cx, cy = x + math.cos(a) * hw * 0.52, y - u * 0.08 + math.sin(a) * u * 0.5
            p.ellipse((cx - r, cy - r, cx + r, cy + r), hair, size=size)
    elif style == "bun":
        r = hw * 0.22
        p.ellipse((x - r, top - r * 1.2, x + r, top + r * 0.8), hair, size=size)
    # the cap every style shares, then a fringe cut from this character's own seed
    cap = (x - hw * 0.56, top, x + hw * 0.56, 2 * fringe_y - top)
    p.chord(cap, 180, 360, hair)
    if p.style.outline and not p.style.rough:
        p.draw.arc(cap, 180, 360, fill=p.outline_colour(hair), width=p.outline_width(size))
    elif p.style.rough:
        p.rough_path(
            [
                (cap[0], fringe_y),
                (x - hw * 0.4, top + u * 0.08),
                (x, top),
                (x + hw * 0.4, top + u * 0.08),
                (cap[2], fringe_y),
            ],
            p.outline_width(size),
        )
    # bangs: locks across the brow, long between and beside the eyes, cut short over them
    ew, _, gap = _eye_metrics(p, look, hw)
    face_x = x + f * hw * 0.12
    n = len(look.fringe) + 3
    edges = [x - hw * 0.56 + hw * 1.12 * k / n for k in range(n + 1)]
    for k in range(n):
        jitter = look.fringe[k % len(look.fringe)]
        tip_x = (edges[k] + edges[k + 1]) / 2 + (jitter - 0.5) * hw * 0.08 + f * hw * 0.04
        over_eye = any(abs(tip_x - (face_x + side * gap)) < ew * 1.1 for side in (-1, 1))
        depth = max(reach, u * 0.09) * (0.8 + 0.4 * jitter) if over_eye else u * (0.16 + 0.12 * jitter)
        lock = [(edges[k] - 1, fringe_y - 1), (tip_x, fringe_y + depth), (edges[k + 1] + 1, fringe_y - 1)]
        p.polygon(lock, hair)
    right = (x + hw * 0.56, fringe_y - 1)
    left = (x - hw * 0.56, fringe_y - 1)
    prev = (right[0] - hw * 0.15, fringe_y)
    p.polygon([(prev[0], fringe_y - 1), (right[0], fringe_y + u * 0.25), right], hair)
    p.polygon([left, (left[0] + hw * 0.02, fringe_y + u * 0.3), (left[0] + hw * 0.15, fringe_y - 1)], hair)
    strand = (*scale(hair, 0.78), 160)
    for k in (-1, 1):
        p.draw.arc(
            (x + k * hw * 0.1 - hw * 0.4, top + u * 0.05, x + k * hw * 0.1 + hw * 0.4, fringe_y + u * 0.25),
            200 if k < 0 else 280,
            260 if k < 0 else 340,
            fill=strand,
            width=max(1, int(u * 0.015)),
        )
    if p.style.eye_highlights >= 2:
        hx = x - hw * 0.2
        p.draw.arc(
            (hx - hw * 0.2, top + u * 0.08, hx + hw * 0.2, top + u * 0.28),
            200,
            320,
            fill=(*mix(hair, (255, 255, 255), 0.6), 200),
            width=max(2, int(u * 0.03)),
        )


def _eye_metrics(p: Painter, look: Look, hw: float) -> tuple[float, float, float]:
    """Eye half-width, half-height and distance from the face centre, by style and character."""
    ew = hw * 0.13 * p.style.eye_scale * look.eye_size
    eh = ew * (1.35 if p.style.eye_highlights >= 2 else 1.15)
    return ew, eh, max(hw * 0.21, ew * 1.15)


def _eye_line(p: Painter, y: float, u: float) -> float:
    """Big-eyed styles set the eyes lower in the face, leaving room for the fringe and brows."""
    return y + u * (0.06 + max(0.0, p.style.eye_scale - 1) * 0.1)


def _face(
    p: Painter, look: Look, expression: Expression, c: Point, hw: float, u: float, f: int, *, asleep: bool = False
) -> Callable[[], None]:
    """Eyes, nose, mouth and marks; returns the eyebrows to draw over the fringe (they carry the mood).
    Asleep, the eyes are closed lids and the mouth a small relaxed curve, whatever the mood."""
    if asleep:
        expression = Expression.NEUTRAL
    st = p.style
    pen = p.pen()
    x, y = c
    fx = x + f * hw * 0.12
    eye_y = _eye_line(p, y, u)
    ew, eh, gap = _eye_metrics(p, look, hw)
    line = st.outline_rgb or (40, 30, 30)
    lw = max(1, int(u * 0.028))
    brow_lift = {Expression.SURPRISED: 0.5, Expression.SCARED: 0.35, Expression.SAD: 0.15}.get(expression, 0.0)
    squint = {Expression.HAPPY: 0.55, Expression.ANGRY: 0.7, Expression.DETERMINED: 0.78}.get(expression, 1.0)
    if expression in (Expression.SURPRISED, Expression.SCARED):
        squint = 1.15
    iris = p.col(look.eyes, light=0.3)
    brows: list[tuple[float, float, float, float]] = []
    for side in (-1, 1):
        ex = fx + side * gap * (0.8 if f and side == -f else 1.0)
        w = ew * (0.8 if f and side == -f else 1.0)
        h = eh * squint
        if asleep:
            # closed lids: a curve sagging downward, lashes at the outer corner
            pen.arc((ex - w, eye_y - h * 0.6, ex + w, eye_y + h * 0.5), 20, 160, fill=line, width=lw + 2)
            pen.line((ex + side * w * 0.9, eye_y, ex + side * w * 1.25, eye_y - h * 0.25), fill=line, width=lw)
        elif expression is Expression.HAPPY and st.eye_highlights >= 2:
            pen.arc((ex - w, eye_y - h * 0.3, ex + w, eye_y + h * 1.5), 200, 340, fill=line, width=lw + 2)
        else:
            p.draw.ellipse((ex - w, eye_y - h, ex + w, eye_y + h), fill=(250, 250, 250), outline=line, width=lw)
            pr = 0.45 if expression is Expression.SCARED else 0.75
            p.draw.ellipse((ex - w * pr, eye_y - h * pr * 1.05, ex + w * pr, eye_y + h * min(1.0, pr * 1.2)), fill=iris)
            p.draw.ellipse(
                (ex - w * pr * 0.45, eye_y - h * pr * 0.5, ex + w * pr * 0.45, eye_y + h * pr * 0.5), fill=(15, 15, 25)
            )
            for k in range(st.eye_highlights):
                hr = w * (0.28 if k == 0 else 0.15)
                hx, hy = ex - w * 0.3 + k * w * 0.55, eye_y - h * 0.35 + k * h * 0.55
                p.draw.ellipse((hx - hr, hy - hr, hx + hr, hy + hr), fill=(255, 255, 255))
            pen.line((ex - w * 1.1, eye_y - h, ex + w * 1.05, eye_y - h * 1.05), fill=line, width=lw + 1)
        # eyebrows: angle and height carry most of the expression
        by = eye_y - eh * 1.2 - u * 0.05 - brow_lift * eh
        inner, outer = ex - side * w * 0.9, ex + side * w * 1.1
        tilt = {
            Expression.ANGRY: 0.55,
            Expression.DETERMINED: 0.32,
            Expression.SAD: -0.45,
            Expression.SCARED: -0.35,
        }.get(expression, 0.0)
        brows.append((inner, by + tilt * eh, outer, by - tilt * eh * 0.3))
    if look.has_glasses:
        for side in (-1, 1):
            ex = fx + side * gap
            p.draw.ellipse((ex - ew * 1.5, eye_y - ew * 1.3, ex + ew * 1.5, eye_y + ew * 1.3), outline=line, width=lw)
    if st.blush or expression is Expression.HAPPY:
        for side in (-1, 1):
            bx = fx + side * min(gap * 1.25, hw * 0.3)
            by = min(eye_y + eh * 1.2, y + u * 0.3)
            rw = min(ew * 0.9, hw * 0.12)
            p.draw.ellipse((bx - rw, by, bx + rw, by + u * 0.06), fill=(240, 110, 120, 80))
    # nose on the facing side, then the mouth
    nx = fx + f * hw * 0.06
    pen.line((nx, y + u * 0.2, nx + (f or 1) * hw * 0.03, y + u * 0.24), fill=(*scale(look.skin, 0.6), 200), width=lw)
    my = min(max(y + u * 0.33, eye_y + eh * 1.2 + u * 0.05), y + u * 0.4)
    mw = hw * 0.14
    mouth = (110, 40, 50)
    if expression is Expression.HAPPY:
        p.draw.chord((fx - mw * 1.3, my - mw * 0.6, fx + mw * 1.3, my + mw), 0, 180, fill=mouth, outline=line, width=lw)
    elif expression is Expression.SURPRISED:
        p.draw.ellipse((fx - mw * 0.5, my - mw * 0.5, fx + mw * 0.5, my + mw * 0.7), fill=mouth, outline=line, width=lw)
    elif expression is Expression.SCARED:
        pts = [(fx - mw + i * mw / 3, my + (mw * 0.18 if i % 2 else -mw * 0.1)) for i in range(7)]
        pen.line(pts, fill=line, width=lw)
        drop_x = x - (f or -1) * hw * 0.36  # a bead of sweat on the temple away from the reader
        p.draw.ellipse(
            (drop_x - hw * 0.04, y - u * 0.32, drop_x + hw * 0.04, y - u * 0.2),
            fill=(170, 220, 255, 200),
        )
    elif expression is Expression.ANGRY:
        p.draw.rectangle(
            (fx - mw, my - mw * 0.25, fx + mw, my + mw * 0.35), fill=(250, 250, 250), outline=line, width=lw
        )
        pen.line((fx - mw, my + mw * 0.05, fx + mw, my + mw * 0.05), fill=line, width=max(1, lw - 1))
    elif expression is Expression.SAD:
        pen.arc((fx - mw, my, fx + mw, my + mw * 1.2), 200, 340, fill=line, width=lw + 1)
        p.draw.ellipse(
            (fx - gap - ew * 0.3, eye_y + eh * 1.3, fx - gap + ew * 0.3, eye_y + eh * 2.2), fill=(150, 200, 255, 220)
        )
    elif expression is Expression.DETERMINED:
        pen.line((fx - mw, my + mw * 0.1, fx + mw * 0.9, my - mw * 0.1), fill=line, width=lw + 1)
    else:
        pen.arc((fx - mw * 0.8, my - mw * 0.5, fx + mw * 0.8, my + mw * 0.3), 20, 160, fill=line, width=lw)

    def eyebrows() -> None:
        colour = p.col(scale(look.hair, 0.5), light=0.5)
        for brow in brows:
            pen.line(brow, fill=colour, width=max(2, int(u * 0.045)))
        if look.has_scar:
            # a small lightning-bolt scar above the brow, drawn over the fringe so it always shows
            sx, sy = fx + gap * 0.55, min(b[1] for b in brows) - u * 0.16 if brows else y - u * 0.25
            p.line(
                [
                    (sx + hw * 0.03, sy),
                    (sx - hw * 0.03, sy + u * 0.06),
                    (sx + hw * 0.02, sy + u * 0.07),
                    (sx - hw * 0.03, sy + u * 0.13),
                ],
                p.col(mix(look.skin, (190, 40, 50), 0.7), light=0.4),
                max(2, u * 0.03),
            )

    return eyebrows


def draw_monster(p: Painter, look: Look, cast: PanelCharacter, place: Placement) -> tuple[Box, Callable[[], None]]:
    """A shadow creature: wavering dark body, horns, reaching claws, glowing eyes, in one pass."""
    rng = random.Random(look.seed ^ 0xBEA57)
    u, f = place.u * 1.25, place.facing
    x, top = place.cx, place.head_top
    body = p.col(mix(look.outfit, (12, 6, 22), 0.78), light=0.3)
    rim = p.col(mix(look.accent, (120, 60, 200), 0.4), light=0.2)
    eye = look.eyes if sum(look.eyes) > 200 else (255, 60, 60)
    head_c = (x, top + u * 0.55)
    height = u * 5.6
    pts = []
    n = 26
    for i in range(n):
        a = math.tau * i / n
        wob = 1 + rng.uniform(-0.12, 0.12)
        rx, ry = u * 1.25 * wob, height * 0.5 * wob
        px, py = x + math.cos(a) * rx, top + height * 0.5 + math.sin(a) * ry
        if math.sin(a) > 0.5:  # wispy tendrils trailing off the bottom
            py += rng.uniform(0, u * 0.8)
        pts.append((px, py))
    p.glow((x, top + height * 0.45), u * 2.4, mix(rim, (60, 0, 90), 0.3), strength=60)
    p.polygon(pts, body, size=u)
    # horns
    for side in (-1, 1):
        hx = x + side * u * 0.42
        p.polygon(
            [(hx - u * 0.16, top + u * 0.2), (hx + side * u * 0.5, top - u * 0.55), (hx + u * 0.16, top + u * 0.1)],
            scale(body, 1.3),
            size=u,
        )
    # arms reaching toward the centre of the panel, with claws
    d = f or 1
    for k, (a1, a2) in enumerate(((60, 120), (35, 70))):
        side = d if k == 0 else -d
        shoulder = (x + side * u * 0.8, top + u * 1.6)
        elbow = _add(shoulder, _vec(a1, side), u * 1.1)
        hand = _add(elbow, _vec(a2, side), u * 0.9)
        p.limb([shoulder, elbow], u * 0.42, body, size=u)
        p.limb([elbow, hand], u * 0.28, body, size=u)
        for c in (-1, 0, 1):
            tip = _add(hand, _vec(a2 + c * 25, side), u * 0.5)
            p.polygon([(hand[0], hand[1] - u * 0.06), tip, (hand[0], hand[1] + u * 0.06)], scale(body, 1.4))
    p.draw.line([(px, py) for px, py in pts[: n // 2 + 1]], fill=(*rim, 150), width=max(2, int(u * 0.05)))
    # glowing eyes and a jagged grin
    ey = head_c[1]
    for side in (-1, 1):
        ex = head_c[0] + side * u * 0.32 + f * u * 0.08
        p.glow((ex, ey), u * 0.45, eye, strength=140)
        p.polygon(
            [
                (ex - u * 0.2, ey - side * side * u * 0.02 - (u * 0.08 if side == -1 else 0)),
                (ex + u * 0.2, ey - (u * 0.08 if side == 1 else 0)),
                (ex + side * u * 0.1, ey + u * 0.09),
                (ex - side * u * 0.05, ey + u * 0.08),
            ],
            mix(eye, (255, 255, 255), 0.55),
        )
    my = ey + u * 0.42
    teeth = []
    for i in range(9):
        teeth.append((head_c[0] - u * 0.4 + i * u * 0.1, my + (u * 0.12 if i % 2 else 0)))
    p.draw.line(teeth, fill=(*mix(eye, (255, 255, 255), 0.3), 255), width=max(2, int(u * 0.05)))
    box = (int(head_c[0] - u * 0.7), int(top + u * 0.05), int(head_c[0] + u * 0.7), int(top + u * 1.15))
    return box, _nothing


def _nothing() -> None:
    return None
