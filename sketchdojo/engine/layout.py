"""Panel geometry shared by the artists, the letterer and the composer.

Every panel is as wide as the strip (800 px); its height follows the shot, so wide views read as
bands and close-ups as tall frames, the way vertical-scroll comics are paced.
"""

from sketchdojo.engine.script import Shot

STRIP_WIDTH = 800

PANEL_HEIGHTS = {
    Shot.EXTREME_WIDE: 520,
    Shot.WIDE: 640,
    Shot.MEDIUM: 800,
    Shot.CLOSE_UP: 800,
    Shot.EXTREME_CLOSE_UP: 640,
}


def panel_size(shot: Shot | str) -> tuple[int, int]:
    return STRIP_WIDTH, PANEL_HEIGHTS[Shot(shot)]
