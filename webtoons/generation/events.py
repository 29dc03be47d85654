"""The webtoon_update event (SPEC §5): status, strip or publication changed; sent through `sketchdojo.realtime`.

panel_ready is built by `panels.events` (panels sit below webtoons); both are re-exported here for
the generation steps.
"""

from __future__ import annotations

from typing import Any

from panels.events import panel_ready_message, publish_panel_ready
from sketchdojo.links import file_url
from sketchdojo.realtime import WEBTOON_UPDATE, now_iso, publish, user_group, webtoon_group
from webtoons.models import Webtoon

__all__ = ["panel_ready_message", "publish_panel_ready", "publish_webtoon_update", "webtoon_update_message"]


def webtoon_update_data(webtoon: Webtoon) -> dict[str, Any]:
    return {
        "status": webtoon.status,
        "title": webtoon.title,
        "panel_count": webtoon.panels.count(),
        "thumbnail_url": file_url(webtoon.thumbnail, origin=webtoon.origin),
        "strip_url": file_url(webtoon.strip, origin=webtoon.origin),
        "published_url": webtoon.published_url or None,
    }


def webtoon_update_message(webtoon: Webtoon) -> dict[str, Any]:
    """The webtoon_update client payload for the webtoon as it is now (also the subscribe snapshot)."""
    return {"webtoon_id": str(webtoon.pk), "data": webtoon_update_data(webtoon), "timestamp": now_iso()}


def publish_webtoon_update(webtoon: Webtoon) -> dict[str, Any]:
    """Tell watchers of the webtoon that its status, strip or publication changed."""
    payload = webtoon_update_message(webtoon)
    owner_id = webtoon.project.user_id
    publish([webtoon_group(webtoon.pk), user_group(owner_id)], {"type": WEBTOON_UPDATE, **payload})
    return payload
