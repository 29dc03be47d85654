"""Look at the artist's work and time it: `python -m sketchdojo.engine.artist.preview OUT.png`.

Renders the guide's story (Alex Thunder in a night storm over his village, facing a shadow monster)
in every art style and shot onto one contact sheet, and prints the median draw time per panel.
It is a tool for people judging the drawings, not part of the pipeline.
"""

from __future__ import annotations

import statistics
import sys
import time

from PIL import Image, ImageDraw, ImageFont

from sketchdojo.engine.artist import LocalPanelArtist
from sketchdojo.engine.artist.styles import STYLES
from sketchdojo.engine.providers.base import DrawRequest
from sketchdojo.engine.script import Script

SHOTS = ("extreme_wide", "wide", "medium", "close_up", "extreme_close_up")


def guide_script() -> Script:
    cast = [
        {"name": "Alex", "position": "left", "expression": "determined", "action": "casting"},
        {"name": "Shadow Beast", "position": "right", "expression": "angry", "action": "fighting"},
    ]
    panels = []
    for i, shot in enumerate(SHOTS):
        members = cast if shot in ("extreme_wide", "wide", "medium") else cast[:1]
        if shot == "close_up":
            members = [{**cast[0], "expression": "surprised"}]
        panels.append(
            {
                "sequence": i + 1,
                "scene": 0,
                "shot": shot,
                "description": "Alex faces the shadow beast",
                "characters": members,
            }
        )
    return Script.model_validate(
        {
            "title": "The Storm Mage",
            "synopsis": "Alex discovers his lightning powers during a storm and must save his village.",
            "characters": [
                {
                    "name": "Alex",
                    "role": "protagonist",
                    "description": "A brave young mage with lightning powers",
                    "palette": {
                        "hair": "#C8CCD6",
                        "eyes": "#3FA9FF",
                        "skin": "#F6D7C3",
                        "outfit": "#2E4A7D",
                        "accent": "#FFD23F",
                    },
                    "hair_style": "spiky",
                    "build": "athletic",
                    "seed": 1234,
                    "distinctive_features": ["lightning-shaped scar on forehead"],
                },
                {
                    "name": "Shadow Beast",
                    "role": "antagonist",
                    "description": "A shadow monster from the dark woods",
                    "palette": {
                        "hair": "#111111",
                        "eyes": "#FF3B3B",
                        "skin": "#222222",
                        "outfit": "#1A1226",
                        "accent": "#7A3CFF",
                    },
                    "seed": 99,
                },
            ],
            "scenes": [{"index": 0, "location": "village", "time_of_day": "night", "weather": "storm"}],
            "panels": panels,
        }
    )


def contact_sheet(path: str, thumb: int = 240) -> tuple[list[float], list[float]]:
    """Save the sheet (a row per style, a column per shot); return wall and CPU milliseconds per panel."""
    artist = LocalPanelArtist()
    script = guide_script()
    rows = []
    wall, cpu = [], []
    for style in STYLES:
        row = []
        for panel in script.panels:
            started, started_cpu = time.perf_counter(), time.process_time()
            result = artist.draw(DrawRequest(script, panel, style, 0, 0, seed=panel.sequence * 7))
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            img = result.image
            row.append(img.resize((thumb, int(thumb * img.height / img.width)), Image.Resampling.LANCZOS))
        rows.append(row)
    label_w, gap = 90, 6
    row_h = max(im.height for im in rows[0])
    sheet = Image.new(
        "RGB", (label_w + len(SHOTS) * (thumb + gap) + gap, len(rows) * (row_h + gap) + gap), (30, 30, 30)
    )
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=16)
    for r, (style, row) in enumerate(zip(STYLES, rows, strict=True)):
        top = gap + r * (row_h + gap)
        draw.text((8, top + row_h // 2 - 8), style, fill=(230, 230, 230), font=font)
        for c, im in enumerate(row):
            sheet.paste(im, (label_w + gap + c * (thumb + gap), top))
    sheet.save(path)
    return wall, cpu


if __name__ == "__main__":
    wall_ms, cpu_ms = contact_sheet(sys.argv[1] if len(sys.argv) > 1 else "artist_styles.png")
    print(
        f"panels={len(wall_ms)} wall median={statistics.median(wall_ms):.1f} ms max={max(wall_ms):.1f} ms; "
        f"cpu median={statistics.median(cpu_ms):.1f} ms"
    )
