"""The panel_ready event (SPEC §5): a panel has (new) lettered art; sent through `sketchdojo.realtime`."""

from __future__ import annotations

from typing import Any

from panels.models import Panel
from sketchdojo.links import file_url
from sketchdojo.realtime import PANEL_READY, publish, user_group, webtoon_group


def panel_ready_message(panel: Panel, *, task_id=None) -> dict[str, Any]:
    return {
        "webtoon_id": str(panel.webtoon_id),
        "panel_id": str(panel.pk),
        "sequence_number": panel.sequence_number,
        "image_url": file_url(panel.image, origin=panel.webtoon.origin),
        "version": panel.version,
        "task_id": str(task_id) if task_id else None,
    }


def publish_panel_ready(panel: Panel, *, task_id=None) -> dict[str, Any]:
    """Tell watchers of the webtoon that a panel has (new) lettered art."""
    payload = panel_ready_message(panel, task_id=task_id)
    owner_id = panel.webtoon.project.user_id
    publish([webtoon_group(panel.webtoon_id), user_group(owner_id)], {"type": PANEL_READY, **payload})
    return payload
