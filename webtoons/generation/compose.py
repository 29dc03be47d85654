"""The compose step: stitch a webtoon's lettered panels into the strip and make its thumbnail."""

from __future__ import annotations

import time

from PIL import Image

from panels.models import PanelStatus
from sketchdojo.engine.compose import compose_strip
from sketchdojo.metrics import STEP_SECONDS
from sketchdojo.storage import file_name, file_replace, image_jpeg, image_open
from webtoons.models import Webtoon

THUMBNAIL_WIDTH = 400
STRIP_JPEG_QUALITY = 90


def webtoon_compose(*, webtoon: Webtoon) -> bool:
    """Stitch the lettered panels into the strip and make the thumbnail. False when a panel is missing art.

    The strip is a JPEG (what webtoon platforms serve: a tall strip as PNG is several times larger and
    slower to write); the lossless panels stay available one by one and in the exports.
    """
    panels = list(webtoon.panels.order_by("sequence_number"))
    if not panels or any(p.status != PanelStatus.LETTERED or not p.image for p in panels):
        return False
    started = time.monotonic()
    images = [image_open(p.image) for p in panels]
    strip = compose_strip(images, [p.scene_index for p in panels])
    first = images[0].convert("RGB")
    thumb = first.resize((THUMBNAIL_WIDTH, max(1, round(first.height * THUMBNAIL_WIDTH / first.width))), Image.LANCZOS)
    file_replace(webtoon.strip, file_name(webtoon.pk, "jpg"), image_jpeg(strip, quality=STRIP_JPEG_QUALITY))
    file_replace(webtoon.thumbnail, file_name(webtoon.pk, "jpg"), image_jpeg(thumb, quality=85))
    webtoon.save(update_fields=["strip", "thumbnail", "updated_at"])
    STEP_SECONDS.labels(step="compose").observe(time.monotonic() - started)
    return True
