"""Sky, light and weather: the part of a panel that says when and in what weather it happens.

Gradients are one 1xN strip resized to the panel (no per-pixel Python). `Light` carries the ambient
tint the rest of the drawing uses, so a night scene is blue-dark everywhere, not only in the sky.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw

from sketchdojo.engine.artist.colour import Rgb, mix, scale
from sketchdojo.engine.artist.painter import Painter
from sketchdojo.engine.script import TimeOfDay, Weather

SKY_STOPS: dict[TimeOfDay, tuple[Rgb, Rgb, Rgb]] = {
    TimeOfDay.DAWN: ((60, 62, 128), (226, 140, 168), (255, 208, 168)),
    TimeOfDay.DAY: ((58, 128, 222), (128, 186, 244), (206, 232, 252)),
    TimeOfDay.DUSK: ((42, 34, 92), (172, 72, 112), (252, 146, 72)),
    TimeOfDay.NIGHT: ((5, 8, 26), (16, 26, 66), (38, 54, 104)),
}
WEATHER_VEIL: dict[Weather, tuple[Rgb, float]] = {
    Weather.CLEAR: ((0, 0, 0), 0.0),
    Weather.CLOUDY: ((150, 156, 168), 0.45),
    Weather.RAIN: ((104, 110, 124), 0.62),
    Weather.STORM: ((38, 40, 56), 0.72),
    Weather.SNOW: ((206, 212, 224), 0.55),
    Weather.FOG: ((196, 200, 206), 0.62),
}
AMBIENT: dict[TimeOfDay, tuple[Rgb, float]] = {
    TimeOfDay.DAWN: ((236, 150, 172), 0.14),
    TimeOfDay.DAY: ((255, 255, 255), 0.0),
    TimeOfDay.DUSK: ((232, 112, 64), 0.2),
    TimeOfDay.NIGHT: ((14, 24, 70), 0.5),
}


@dataclass(frozen=True)
class Light:
    time: TimeOfDay
    weather: Weather
    ambient: Rgb
    strength: float
    sky: tuple[Rgb, Rgb, Rgb]

    @property
    def is_dark(self) -> bool:
        return self.time is TimeOfDay.NIGHT or self.weather is Weather.STORM

    @property
    def windows_lit(self) -> bool:
        return self.time in (TimeOfDay.NIGHT, TimeOfDay.DUSK) or self.weather is Weather.STORM


def scene_light(time: TimeOfDay, weather: Weather) -> Light:
    top, mid, low = SKY_STOPS[time]
    veil, amount = WEATHER_VEIL[weather]
    if time is TimeOfDay.NIGHT:
        veil = scale(veil, 0.28)
    sky = (mix(top, veil, amount), mix(mid, veil, amount), mix(low, veil, amount * 0.9))
    ambient, strength = AMBIENT[time]
    if weather in (Weather.STORM, Weather.RAIN):
        ambient = mix(ambient, (34, 38, 56), 0.6) if strength else (70, 76, 96)
        strength = max(strength, 0.28 if weather is Weather.STORM else 0.18) + 0.1
    elif weather in (Weather.FOG, Weather.SNOW):
        ambient = mix(ambient, veil, 0.7) if strength else veil
        strength = max(strength, 0.18)
    return Light(time, weather, ambient, min(strength, 0.62), sky)


def gradient(size: tuple[int, int], stops: list[Rgb]) -> Image.Image:
    """A vertical gradient through evenly spaced `stops`: a few pixels stretched by the resampler."""
    w, h = size
    strip = Image.new("RGB", (1, len(stops)))
    strip.putdata(stops)
    column = strip.resize((1, max(1, h)), Image.Resampling.BILINEAR)
    return column.resize((max(1, w), max(1, h)), Image.Resampling.NEAREST)


def paint_sky(img: Image.Image, light: Light, horizon: int, rng: random.Random, p: Painter) -> None:
    w = img.width
    band = max(2, horizon + 2)
    img.paste(gradient((w, band), [p.style.colour(c) for c in light.sky]), (0, 0))
    time, weather = light.time, light.weather
    clear = weather is Weather.CLEAR
    if time is TimeOfDay.NIGHT and weather in (Weather.CLEAR, Weather.CLOUDY):
        for _ in range(int(w * horizon / 2600)):
            x, y = rng.uniform(0, w), rng.uniform(0, horizon * 0.9)
            r = rng.choice((0.8, 1.0, 1.2, 1.8))
            a = rng.randint(140, 255)
            p.draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 250, 225, a))
        mx, my, mr = w * rng.uniform(0.62, 0.85), horizon * rng.uniform(0.16, 0.3), max(10, w * 0.045)
        p.glow((mx, my), mr * 3, (180, 200, 255), strength=60)
        p.draw.ellipse((mx - mr, my - mr, mx + mr, my + mr), fill=(248, 244, 222))
        p.draw.ellipse((mx - mr * 0.55, my - mr * 1.05, mx + mr * 1.25, my + mr * 0.75), fill=(*light.sky[0], 255))
    elif time is TimeOfDay.DAY and weather in (Weather.CLEAR, Weather.CLOUDY):
        sx, sy, sr = w * rng.uniform(0.7, 0.88), horizon * rng.uniform(0.14, 0.26), max(10, w * 0.04)
        p.glow((sx, sy), sr * 3.5, (255, 250, 210), strength=110)
        p.draw.ellipse((sx - sr, sy - sr, sx + sr, sy + sr), fill=p.style.colour((255, 246, 200)))
    elif time in (TimeOfDay.DAWN, TimeOfDay.DUSK) and weather in (Weather.CLEAR, Weather.CLOUDY):
        sx, sy, sr = w * rng.uniform(0.15, 0.35), horizon * 0.86, max(14, w * 0.06)
        warm = (255, 190, 120) if time is TimeOfDay.DUSK else (255, 214, 180)
        p.glow((sx, sy), sr * 5, warm, strength=120)
        p.draw.ellipse((sx - sr, sy - sr, sx + sr, sy + sr), fill=p.style.colour(mix(warm, (255, 255, 235), 0.5)))
    if not clear:
        _clouds(p, light, horizon, rng)
    if weather is Weather.STORM:
        for _ in range(rng.choice((1, 2, 2))):
            _lightning(p, rng.uniform(w * 0.08, w * 0.92), horizon, rng)


def _clouds(p: Painter, light: Light, horizon: int, rng: random.Random) -> None:
    w = p.width
    base = {
        Weather.CLOUDY: (222, 226, 232),
        Weather.RAIN: (120, 126, 140),
        Weather.STORM: (52, 54, 70),
        Weather.SNOW: (232, 236, 244),
        Weather.FOG: (214, 218, 222),
    }[light.weather]
    if light.time is TimeOfDay.NIGHT:
        base = scale(base, 0.42)
    elif light.time is TimeOfDay.DUSK:
        base = mix(base, (200, 110, 120), 0.3)
    count = 7 if light.weather is Weather.STORM else 5
    for i in range(count):
        cx = (i + rng.uniform(0.0, 0.9)) * w / (count - 1) - w * 0.1
        cy = horizon * rng.uniform(0.05, 0.45)
        size = w * rng.uniform(0.09, 0.16)
        shade = mix(base, (0, 0, 0), rng.uniform(0.0, 0.25))
        colour = p.style.colour(shade)
        for _ in range(6):
            dx, dy = rng.uniform(-1.4, 1.4) * size, rng.uniform(-0.35, 0.25) * size
            r = size * rng.uniform(0.45, 0.8)
            p.draw.ellipse(
                (cx + dx - r * 1.3, cy + dy - r * 0.7, cx + dx + r * 1.3, cy + dy + r * 0.7), fill=(*colour, 230)
            )
        p.draw.ellipse(
            (cx - size * 1.8, cy + size * 0.05, cx + size * 1.8, cy + size * 0.45), fill=(*scale(colour, 0.85), 200)
        )


def _lightning(p: Painter, x: float, horizon: int, rng: random.Random) -> None:
    y, pts = 0.0, [(x, 0.0)]
    bottom = horizon * rng.uniform(0.8, 1.0)
    branches = []
    while y < bottom:
        y += rng.uniform(0.06, 0.12) * horizon
        x += rng.uniform(-0.06, 0.06) * p.width
        pts.append((x, min(y, bottom)))
        if rng.random() < 0.3:
            branches.append([(x, y), (x + rng.uniform(-0.08, 0.08) * p.width, y + 0.12 * horizon)])
    for path in [pts, *branches]:
        p.line(path, (190, 210, 255, 90), max(6, p.width // 70))
        p.line(path, (255, 255, 255, 255), max(2, p.width // 240))


def paint_weather(p: Painter, light: Light, rng: random.Random, *, outdoor: bool) -> None:
    """Rain, snow and fog in front of everything (they fall between the reader and the scene)."""
    w, h = p.width, p.height
    weather = light.weather
    if not outdoor:
        return
    if weather in (Weather.RAIN, Weather.STORM, Weather.SNOW):
        # one cached sheet of streaks or flakes per size and weather; the seed picks the window on it
        sheet = _precipitation((w, h), weather)
        ox, oy = rng.randrange(0, sheet.width - w + 1), rng.randrange(0, sheet.height - h + 1)
        mask = sheet.crop((ox, oy, ox + w, oy + h))
        if weather is Weather.SNOW:
            colour = (255, 255, 255)
        else:
            colour = (200, 214, 235) if light.time is not TimeOfDay.NIGHT else (150, 170, 210)
        p.image.paste(colour, (0, 0), mask)
    elif weather is Weather.FOG:
        for i in range(3):
            y = h * (0.55 + 0.16 * i)
            p.draw.ellipse((-w * 0.3, y - h * 0.06, w * 1.3, y + h * 0.1), fill=(*light.sky[2], 60))


@lru_cache(maxsize=16)
def _precipitation(size: tuple[int, int], weather: Weather) -> Image.Image:
    w, h = size
    sw, sh = int(w * 1.3) + 1, int(h * 1.3) + 1
    sheet = Image.new("L", (sw, sh), 0)
    d = ImageDraw.Draw(sheet)
    rng = random.Random(weather.value)
    if weather is Weather.SNOW:
        for _ in range(int(sw * sh / 2400)):
            x, y, r = rng.uniform(0, sw), rng.uniform(0, sh), rng.choice((1.2, 1.8, 2.4, 3.2))
            d.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(170, 230))
        return sheet
    slant = 0.28 if weather is Weather.STORM else 0.15
    for _ in range(int(sw * sh / (1800 if weather is Weather.STORM else 2600))):
        x, y = rng.uniform(-40, sw), rng.uniform(-30, sh)
        length = rng.uniform(0.025, 0.05) * h
        d.line((x, y, x + length * slant, y + length), fill=rng.randint(90, 140), width=1)
    return sheet


def fog_layers(p: Painter, light: Light, horizon: int) -> None:
    """Fog drawn over the background and under the characters, thicker toward the horizon."""
    if light.weather is not Weather.FOG:
        return
    w = p.width
    for i in range(5):
        y = horizon - p.height * 0.15 + i * p.height * 0.07
        p.draw.rectangle((0, y, w, y + p.height * 0.09), fill=(*light.sky[2], 70))


def speed_lines(p: Painter, centre: tuple[float, float], rng: random.Random) -> None:
    """Manga focus lines converging on the action, leaving the middle clear."""
    cx, cy = centre
    w, h = p.width, p.height
    reach = math.hypot(w, h)
    for _ in range(110):
        a = rng.uniform(0, math.tau)
        r0 = reach * rng.uniform(0.28, 0.4)
        x0, y0 = cx + math.cos(a) * r0, cy + math.sin(a) * r0
        x1, y1 = cx + math.cos(a) * reach, cy + math.sin(a) * reach
        spread = rng.uniform(0.006, 0.016)
        x2, y2 = cx + math.cos(a + spread) * reach, cy + math.sin(a + spread) * reach
        p.draw.polygon([(x0, y0), (x1, y1), (x2, y2)], fill=(20, 20, 20, 200))
