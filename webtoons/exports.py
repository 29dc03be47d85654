"""Exports of a webtoon: built once per revision by a background job, kept in storage, streamed from there.

A revision is a hash of everything an export shows: the webtoon's title, summary, description,
style, author and date, and each panel's place, scene and lettered file (a redraw, a re-letter or an
edit of its text saves a new file under a new name). Any edit therefore makes a new revision; the
next export builds it once and drops the files of older revisions.

The request never builds. `webtoon_export_request` answers with the stored file of the current
revision when a build of it completed (the task ledger's row is the truth: a completed
`webtoon_export` task names the file), else with the build job of that revision, queued now if
there is none yet (one job per file). The job (`export_build`, run by the Celery task
`webtoons.tasks.build_export`, in the embedded worker by default) holds every panel in memory, so:
- EXPORT_BUILDS_PER_USER export jobs may be pending or running per user; one more is refused with
  429 and Retry-After (ExportBusy);
- EXPORT_BUILDS_PER_PROCESS builds run at once in one worker process (the others wait their turn);
- after a build the freed memory is handed back to the system (malloc_trim), so the process does
  not stay at its peak.
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
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from panels.models import PanelStatus
from panels.scripting import panel_text
from sketchdojo.engine.exports import EXPORT_FORMATS, ExportMeta, export_webtoon
from sketchdojo.errors import Conflict, DomainError, NotFound, QuotaExceeded
from sketchdojo.metrics import STEP_SECONDS
from sketchdojo.storage import export_folder, file_exists, file_save, files_delete, folder_files, image_open
from tasks.models import ACTIVE_STATUSES, Task, TaskStatus, TaskType
from tasks.quota import user_lock
from tasks.services import heartbeat_during, task_claim, task_complete, task_create, task_fail
from webtoons.models import Webtoon
from webtoons.translations import panel_letterings

logger = logging.getLogger("sketchdojo.webtoons")

BUILD_RETRY_AFTER_SECONDS = 5
# How often a request waiting for a build (EXPORT_WAIT_SECONDS) looks at the job's row.
WAIT_POLL_SECONDS = 0.1

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
    """429: the user already has as many export builds pending or running as allowed."""

    code = "export_busy"
    default_message = "Too many exports are being built for you; retry shortly."


@dataclass(frozen=True)
class StoredExport:
    """A complete export in storage: `name` to open, `filename` and `content_type` to send it as."""

    name: str
    filename: str
    content_type: str


def _content(webtoon: Webtoon, panels: list, language: str) -> tuple[ExportMeta, list]:
    """What the exports of `webtoon` in `language` show: the metadata (each panel's transcript in the
    language it is lettered in) and each panel's lettered image file."""
    letterings = panel_letterings(webtoon=webtoon, panels=panels, language=language)
    meta = ExportMeta(
        title=webtoon.title or "Untitled webtoon",
        author=webtoon.project.user.get_username(),
        summary=webtoon.summary or webtoon.description,
        style=webtoon.style,
        created=webtoon.created_at,
        language=language,
        panel_texts=[panel_text(p, bubbles) for p, (_, bubbles) in zip(panels, letterings, strict=True)],
    )
    return meta, [image for image, _ in letterings]


def _revision(meta: ExportMeta, panels: list, images: list) -> str:
    content = {
        "meta": [meta.title, meta.author, meta.summary, meta.style, meta.created.isoformat(), meta.language],
        "texts": [[t.alt, [[line.label, line.text] for line in t.transcript]] for t in meta.panel_texts],
        "panels": [
            [str(p.pk), p.sequence_number, p.scene_index, image.name] for p, image in zip(panels, images, strict=True)
        ],
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:24]


def export_revision(webtoon: Webtoon, panels: list, language: str | None = None) -> str:
    """The hash of everything the exports of `webtoon` (with these ordered `panels`, in `language`) show."""
    meta, images = _content(webtoon, panels, language or webtoon.language)
    return _revision(meta, panels, images)


def _exportable_panels(webtoon: Webtoon, fmt: str) -> list:
    """The webtoon's panels in order; NotFound for an unknown format, Conflict when art is missing."""
    if fmt not in EXPORT_FORMATS:
        raise NotFound(f"Unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}.")
    panels = list(webtoon.panels.order_by("sequence_number"))
    if not panels:
        raise Conflict("This webtoon has no panels yet; generate it before exporting.")
    unfinished = [p.sequence_number for p in panels if p.status != PanelStatus.LETTERED or not p.image]
    if unfinished:
        numbers = ", ".join(str(n) for n in unfinished)
        raise Conflict(f"Panels {numbers} have no finished art yet; generate them before exporting.")
    return panels


def export_name(webtoon: Webtoon, fmt: str, meta: ExportMeta, panels: list, images: list) -> str:
    """The storage name of the `fmt` export of this content (see `_content`) of the webtoon.

    Each language's exports are kept apart ("pdf-<rev>" for the original, "pdf.es-<rev>" for Spanish).
    """
    kind = fmt if meta.language == webtoon.language else f"{fmt}.{meta.language}"
    return posixpath.join(export_folder(webtoon.pk), f"{kind}-{_revision(meta, panels, images)}")


def _export_jobs(webtoon: Webtoon):
    return Task.objects.filter(webtoon=webtoon, task_type=TaskType.WEBTOON_EXPORT)


def _stored(webtoon: Webtoon, name: str) -> StoredExport | None:
    """The export stored under `name`, when a build of it completed and the file is still there."""
    built = _export_jobs(webtoon).filter(status=TaskStatus.COMPLETED, result__name=name).order_by("-completed_at")
    result = built.values_list("result", flat=True).first()
    if result is None or not file_exists(name):
        return None
    return StoredExport(name, result["filename"], result["content_type"])


@transaction.atomic
def webtoon_export_request(*, webtoon: Webtoon, fmt: str, user, language: str | None = None) -> StoredExport | Task:
    """The stored `fmt` export of the webtoon's current revision, or the job that builds it.

    The job is the pending or running one of this revision, or a new one queued on commit. Unknown
    format → NotFound; no panels, or panels without finished art → Conflict; a new job while the
    user already has EXPORT_BUILDS_PER_USER of them → ExportBusy (429 with Retry-After).
    """
    panels = _exportable_panels(webtoon, fmt)
    language = webtoon.language if language is None else language
    meta, images = _content(webtoon, panels, language)
    name = export_name(webtoon, fmt, meta, panels, images)
    stored = _stored(webtoon, name)
    if stored is not None:
        return stored
    user_lock(user=user)  # one decision at a time per user: no twin jobs, no job over the cap
    building = _export_jobs(webtoon).filter(status__in=ACTIVE_STATUSES, input__name=name).first()
    if building is not None:
        return building
    running = Task.objects.filter(user=user, task_type=TaskType.WEBTOON_EXPORT, status__in=ACTIVE_STATUSES).count()
    if running >= settings.EXPORT_BUILDS_PER_USER:
        raise ExportBusy(
            f"You already have {settings.EXPORT_BUILDS_PER_USER} exports being built; retry shortly.",
            retry_after=BUILD_RETRY_AFTER_SECONDS,
        )
    return task_create(
        user=user,
        task_type=TaskType.WEBTOON_EXPORT,
        project=webtoon.project,
        webtoon=webtoon,
        input={"format": fmt, "name": name, "language": language},
        total_steps=1,
    )


def export_wait(*, task: Task, seconds: float) -> Task:
    """The export job's row once it is no longer pending or running, or as it is after `seconds`."""
    deadline = time.monotonic() + seconds
    while task.status in ACTIVE_STATUSES and time.monotonic() < deadline:
        time.sleep(WAIT_POLL_SECONDS)
        task.refresh_from_db(fields=["status", "progress", "current_step", "result", "error_message", "updated_at"])
    return task


def export_download_path(*, webtoon_id, fmt: str, language: str | None = None) -> str:
    path = reverse("webtoon-export", kwargs={"webtoon_id": str(webtoon_id), "fmt": fmt})
    return f"{path}?lang={language}" if language else path


def export_build(*, task_id) -> None:
    """Run one export job: build the `fmt` export of the webtoon's current revision and store it.

    Safe to run twice (the claim is a conditional update), and cheap when the file is already stored.
    The webtoon may have changed since the job was queued: the job builds what it is now.
    """
    task = task_claim(task_id=task_id, step="Building the export")
    if task is None:
        logger.info("Export task %s is not pending; nothing to do", task_id)
        return
    webtoon = Webtoon.objects.select_related("project__user").filter(pk=task.webtoon_id).first()
    if webtoon is None:
        task_fail(task_id=task_id, message="The webtoon of this export was deleted.")
        return
    fmt = task.input.get("format", "")
    language = task.input.get("language") or webtoon.language
    try:
        panels = _exportable_panels(webtoon, fmt)
    except DomainError as exc:
        task_fail(task_id=task_id, message=str(exc))
        return
    meta, images = _content(webtoon, panels, language)
    name = export_name(webtoon, fmt, meta, panels, images)
    stored = _stored(webtoon, name)
    if stored is None:
        with heartbeat_during(task_id=task_id), _process_builds:  # at most EXPORT_BUILDS_PER_PROCESS at once
            stored = _build(webtoon, fmt=fmt, meta=meta, panels=panels, images=images, name=name)
    task_complete(
        task_id=task_id,
        result={
            "format": fmt,
            "name": stored.name,
            "filename": stored.filename,
            "content_type": stored.content_type,
            "download_url": export_download_path(
                webtoon_id=webtoon.pk, fmt=fmt, language=None if language == webtoon.language else language
            ),
        },
    )


def _build(webtoon: Webtoon, *, fmt: str, meta: ExportMeta, panels: list, images: list, name: str) -> StoredExport:
    started = time.monotonic()
    try:
        opened = [image_open(image) for image in images]
        export = export_webtoon(fmt, panels=opened, scene_ids=[p.scene_index for p in panels], meta=meta)
        del opened
        saved = file_save(name, export.data)  # replaces a build cut short
        stored = StoredExport(saved, export.filename, export.content_type)
        del export
    finally:
        release_freed_memory()
    folder = export_folder(webtoon.pk)
    kind = posixpath.basename(name).rsplit("-", 1)[0]  # "pdf", or "pdf.es" for a translation
    stale = [n for n in folder_files(folder) if posixpath.basename(n).startswith(f"{kind}-") and n != saved]
    files_delete(names=stale)
    STEP_SECONDS.labels(step=f"export_{fmt}").observe(time.monotonic() - started)
    logger.info("Built the %s export of webtoon %s (%s)", fmt, webtoon.pk, saved)
    return stored
