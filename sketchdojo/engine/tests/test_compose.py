"""The strip composer: panels scaled to 800 px, narrow gutters inside a scene, wide ones between scenes."""

import pytest
from PIL import Image

from sketchdojo.engine.compose import GUTTER, SCENE_GUTTER, compose_strip, strip_layout

WHITE = (255, 255, 255)


def solid(colour, size=(800, 400)) -> Image.Image:
    return Image.new("RGB", size, colour)


def white_runs(strip: Image.Image, x: int = 400) -> list[int]:
    """Lengths of the white bands down column `x`, top to bottom."""
    runs, length = [], 0
    for y in range(strip.height):
        if strip.getpixel((x, y)) == WHITE:
            length += 1
        elif length:
            runs.append(length)
            length = 0
    return [*runs, length] if length else runs


def test_gutters_widen_where_the_scene_changes():
    panels = [solid((200, 0, 0)), solid((0, 200, 0)), solid((0, 0, 200)), solid((90, 90, 90))]

    strip = compose_strip(panels, [0, 0, 1, 1])

    assert white_runs(strip) == [GUTTER, GUTTER, SCENE_GUTTER, GUTTER, GUTTER]
    assert SCENE_GUTTER > GUTTER
    assert strip.size == (800, 4 * 400 + 4 * GUTTER + SCENE_GUTTER)


def test_every_panel_is_scaled_to_the_strip_width_keeping_its_proportions():
    panels = [solid((200, 0, 0), (400, 300)), solid((0, 0, 200), (1600, 800))]

    strip = compose_strip(panels, [0, 0])

    assert strip.width == 800
    layout = strip_layout([p.size for p in panels], [0, 0])
    assert layout.panel_heights == (600, 400)
    assert layout.panel_tops == (GUTTER, GUTTER + 600 + GUTTER)
    assert strip.getpixel((400, GUTTER + 300)) == (200, 0, 0)
    assert strip.getpixel((400, GUTTER + 600 + GUTTER + 200)) == (0, 0, 200)


def test_a_custom_width_and_background_are_honoured():
    strip = compose_strip([solid((0, 0, 0)), solid((0, 0, 0))], [0, 1], width=400, background=(10, 20, 30))

    assert strip.size == (400, 200 + 200 + 2 * GUTTER + SCENE_GUTTER)
    assert strip.getpixel((5, 5)) == (10, 20, 30)


def test_panels_in_any_mode_are_composed_in_rgb():
    strip = compose_strip([Image.new("L", (800, 100), 0), Image.new("RGBA", (800, 100), (0, 0, 0, 255))], [0, 0])

    assert strip.mode == "RGB"
    assert strip.getpixel((10, GUTTER + 50)) == (0, 0, 0)


@pytest.mark.parametrize(("count", "scene_ids"), [(2, [0]), (0, [])])
def test_a_strip_needs_one_scene_id_per_panel_and_at_least_one_panel(count, scene_ids):
    with pytest.raises(ValueError):
        compose_strip([solid((0, 0, 0))] * count, scene_ids)
