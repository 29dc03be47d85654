"""Draft and published revisions: what the public reader shows until the owner republishes.

Publishing copies each panel's lettered art into the webtoon's published folder and records the
copies on the row (`Webtoon.published_panels`, written by the state machine). Later edits change
the panels (the draft) but not those copies, so readers keep seeing the published revision until
"Republish" takes a new snapshot; unpublishing withdraws it. Copies, not shared names, because a
re-lettered or redrawn panel deletes its old file.
"""

from __future__ import annotations

import posixpath
import secrets
import uuid

from django.core.files.base import ContentFile

from sketchdojo.storage import files_delete_on_commit, published_folder
from webtoons.models import Webtoon, WebtoonStatus


def snapshot_take(*, webtoon: Webtoon) -> list[dict]:
    """Copy the lettered art of the webtoon's panels (reading order) into its published folder."""
    entries = []
    for panel in webtoon.panels.order_by("sequence_number"):
        with panel.image.open("rb") as handle:
            content = ContentFile(handle.read())
        wanted = posixpath.join(published_folder(webtoon.pk), f"{panel.sequence_number:03d}-{secrets.token_hex(6)}.png")
        name = panel.image.storage.save(wanted, content)
        entries.append({"panel_id": str(panel.pk), "number": panel.sequence_number, "image": name})
    return entries


def snapshot_discard(*, entries: list[dict]) -> None:
    """Delete the copies of a withdrawn or replaced revision once the transaction commits."""
    files_delete_on_commit(names=[entry["image"] for entry in entries or ()])


def has_unpublished_changes(*, webtoon: Webtoon) -> bool:
    """Whether the draft differs from what the reader shows: a panel was edited, redrawn, moved,
    added or deleted after the last (re)publish."""
    if webtoon.status != WebtoonStatus.PUBLISHED or not webtoon.published_at:
        return False
    if not webtoon.published_panels:
        return False  # published before revisions existed: the reader shows the live panels
    panels = webtoon.panels.all()
    published_ids = [entry["panel_id"] for entry in webtoon.published_panels]
    current_ids = [str(pk) for pk in panels.order_by("sequence_number").values_list("pk", flat=True)]
    return current_ids != published_ids or panels.filter(updated_at__gt=webtoon.published_at).exists()


def is_published_copy(name: str, *, public_webtoons) -> bool:
    """Whether `name` is a copy in the current revision of one of `public_webtoons`."""
    folder, _, _ = name.rpartition("/")
    prefix = published_folder("")
    if not folder.startswith(prefix):
        return False
    try:
        webtoon_id = uuid.UUID(folder[len(prefix) :])
    except ValueError:
        return False
    row = public_webtoons.filter(pk=webtoon_id).values_list("published_panels", flat=True).first()
    return bool(row) and any(entry.get("image") == name for entry in row)
