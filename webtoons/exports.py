"""Exports of a webtoon, built once per revision, kept in storage and streamed from there.

A revision is a hash of everything an export shows: the webtoon's title, summary, description,
style, author and date, and each panel's place, scene and lettered file (a redraw, a re-letter or an
edit of its text saves a new file under a new name). Any edit therefore makes a new revision; the
next export builds it once and drops the files of older revisions. Asking again for an unchanged
webtoon streams the stored file and builds nothing.

Building holds every panel in memory, so builds are capped: one at a time per file,
EXPORT_BUILDS_PER_USER at a time per user (across servers, in the cache) and EXPORT_BUILDS_PER_PROCESS
at a time in one server process; over a cap the caller gets a 429 with Retry-After (ExportBusy). After
a build the freed memory is handed back to the system (malloc_trim), so the server does not stay at
its peak. The cache (Redis in production, process memory in the embedded default) holds the slots and
remembers which stored files are complete.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import json
import logging
import posixpath
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from panels.models import PanelStatus
from panels.services import image_open
from sketchdojo.errors import Conflict, NotFound, QuotaExceeded
from sketchdojo.metrics import STEP_SECONDS
from sketchdojo.storage import export_folder
from webtoons.models import Webtoon
from webtoons.translations import panel_images

logger = logging.getLogger("sketchdojo.webtoons")

# A build that dies without releasing its slot frees it after this long.
BUILD_LOCK_SECONDS = 600
BUILD_RETRY_AFTER_SECONDS = 5
# How long the cache remembers a complete stored export (after that it is built once more).
STORED_EXPORT_SECONDS = 7 * 24 * 3600


_process_builds = threading.BoundedSemaphore(settings.EXPORT_BUILDS_PER_PROCESS)


def _libc():
    path = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(path) if path else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


_LIBC = _libc()


def release_freed_memory() -> None:
    """Give the heap's free pages back to the system (glibc keeps them otherwise); no-op elsewhere."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


class ExportBusy(QuotaExceeded):
    """429: this export is being built, or the user already has as many builds running as allowed."""

    code = "export_busy"
    default_message = "Too many exports are being built for you; retry shortly."


@dataclass(frozen=True)
class StoredExport:
    """A complete export in storage: `name` to open, `filename` and `content_type` to send it as."""

    name: str
    filename: str
    content_type: str


def _meta(webtoon: Webtoon, language: str | None = None):
    from sketchdojo.engine.exports import ExportMeta

    return ExportMeta(
        title=webtoon.title or "Untitled webtoon",
        author=webtoon.project.user.get_username(),
        summary=webtoon.summary or webtoon.description,
        style=webtoon.style,
        created=webtoon.created_at,
        language=language or webtoon.language,
    )


def export_revision(webtoon: Webtoon, panels: list, language: str | None = None) -> str:
    """The hash of everything the exports of `webtoon` (with these ordered `panels`, in `language`) show."""
    meta = _meta(webtoon, language)
    images = panel_images(webtoon=webtoon, panels=panels, language=meta.language)
    content = {
        "meta": [meta.title, meta.author, meta.summary, meta.style, meta.created.isoformat(), meta.language],
        "panels": [
            [str(p.pk), p.sequence_number, p.scene_index, image.name] for p, image in zip(panels, images, strict=True)
        ],
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:24]


def _done_key(name: str) -> str:
    return f"export:done:{name}"


@contextmanager
def _build_slot(*, user, name: str):
    """Hold the build lock of the file `name` and one of the user's build slots; ExportBusy when taken."""
    lock = f"export:building:{name}"
    if not cache.add(lock, 1, timeout=BUILD_LOCK_SECONDS):
        raise ExportBusy("This export is being built; retry shortly.", retry_after=BUILD_RETRY_AFTER_SECONDS)
    slot = None
    in_process = False
    try:
        for index in range(settings.EXPORT_BUILDS_PER_USER):
            key = f"export:slot:{user.pk}:{index}"
            if cache.add(key, 1, timeout=BUILD_LOCK_SECONDS):
                slot = key
                break
        if slot is None:
            raise ExportBusy(
                f"You already have {settings.EXPORT_BUILDS_PER_USER} exports being built; retry shortly.",
                retry_after=BUILD_RETRY_AFTER_SECONDS,
            )
        in_process = _process_builds.acquire(blocking=False)
        if not in_process:
            raise ExportBusy(
                "The server is building other exports; retry shortly.", retry_after=BUILD_RETRY_AFTER_SECONDS
            )
        yield
    finally:
        if in_process:
            _process_builds.release()
        if slot is not None:
            cache.delete(slot)
        cache.delete(lock)


def _drop_older(folder: str, *, fmt: str, keep: str) -> None:
    try:
        files = default_storage.listdir(folder)[1]
    except FileNotFoundError:
        return
    for stale in files:
        if stale.startswith(f"{fmt}-") and posixpath.join(folder, stale) != keep:
            default_storage.delete(posixpath.join(folder, stale))


def webtoon_export_file(*, webtoon: Webtoon, fmt: str, user, language: str | None = None) -> StoredExport:
    """The stored `fmt` export of the webtoon's current revision, built now if it is not stored yet.

    `language`: one of the webtoon's translations (its panels lettered in it), else the original.

    Unknown format → NotFound; no panels, or panels without finished art → Conflict; a build over
    the caps → ExportBusy (429 with Retry-After).
    """
    from sketchdojo.engine.exports import EXPORT_FORMATS, export_webtoon

    if fmt not in EXPORT_FORMATS:
        raise NotFound(f"Unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}.")
    panels = list(webtoon.panels.order_by("sequence_number"))
    if not panels:
        raise Conflict("This webtoon has no panels yet; generate it before exporting.")
    unfinished = [p.sequence_number for p in panels if p.status != PanelStatus.LETTERED or not p.image]
    if unfinished:
        numbers = ", ".join(str(n) for n in unfinished)
        raise Conflict(f"Panels {numbers} have no finished art yet; generate them before exporting.")

    language = webtoon.language if language is None else language
    images = panel_images(webtoon=webtoon, panels=panels, language=language)
    # Each language's exports are kept apart ("pdf-<rev>" for the original, "pdf.es-<rev>" for Spanish).
    kind = fmt if language == webtoon.language else f"{fmt}.{language}"
    folder = export_folder(webtoon.pk)
    name = posixpath.join(folder, f"{kind}-{export_revision(webtoon, panels, language)}")
    stored = cache.get(_done_key(name))
    if stored is not None and default_storage.exists(name):
        return StoredExport(name, *stored)

    with _build_slot(user=user, name=name):
        started = time.monotonic()
        try:
            export = export_webtoon(
                fmt,
                panels=[image_open(image) for image in images],
                scene_ids=[p.scene_index for p in panels],
                meta=_meta(webtoon, language),
            )
            if default_storage.exists(name):  # a build cut short, or one the cache forgot
                default_storage.delete(name)
            saved = default_storage.save(name, ContentFile(export.data))
            filename, content_type = export.filename, export.content_type
            del export
        finally:
            release_freed_memory()
        cache.set(_done_key(saved), (filename, content_type), timeout=STORED_EXPORT_SECONDS)
        _drop_older(folder, fmt=kind, keep=saved)
        STEP_SECONDS.labels(step=f"export_{fmt}").observe(time.monotonic() - started)
    logger.info("Built the %s export of webtoon %s (%s)", fmt, webtoon.pk, saved)
    return StoredExport(saved, filename, content_type)
