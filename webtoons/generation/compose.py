"""The compose step: stitch a webtoon's lettered panels into the strip and make its thumbnail."""

from __future__ import annotations

import time

from django.core.files.base import ContentFile

from panels.models import PanelStatus
from sketchdojo.engine import pool as engine_pool
from sketchdojo.metrics import STEP_SECONDS
from sketchdojo.storage import file_name, file_replace
from webtoons.models import Webtoon

THUMBNAIL_WIDTH = 400
STRIP_JPEG_QUALITY = 90
THUMBNAIL_JPEG_QUALITY = 85


def webtoon_compose(*, webtoon: Webtoon) -> bool:
    """Stitch the lettered panels into the strip and make the thumbnail. False when a panel is missing art.

    The strip is a JPEG (what webtoon platforms serve: a tall strip as PNG is several times larger and
    slower to write); the lossless panels stay available one by one and in the exports.
    """
    panels = list(webtoon.panels.order_by("sequence_number"))
    if not panels or any(p.status != PanelStatus.LETTERED or not p.image for p in panels):
        return False
    started = time.monotonic()
    pngs = []
    for panel in panels:
        with panel.image.open("rb") as handle:
            pngs.append(handle.read())
    # In a pool process when the engine's pool runs (the embedded default), else right here.
    encoded = engine_pool.run(
        engine_pool.compose_encoded,
        pngs,
        [p.scene_index for p in panels],
        thumbnail_width=THUMBNAIL_WIDTH,
        strip_quality=STRIP_JPEG_QUALITY,
        thumbnail_quality=THUMBNAIL_JPEG_QUALITY,
    )
    file_replace(webtoon.strip, file_name(webtoon.pk, "jpg"), ContentFile(encoded.strip))
    file_replace(webtoon.thumbnail, file_name(webtoon.pk, "jpg"), ContentFile(encoded.thumbnail))
    webtoon.save(update_fields=["strip", "thumbnail", "updated_at"])
    STEP_SECONDS.labels(step="compose").observe(time.monotonic() - started)
    return True
