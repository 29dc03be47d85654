"""CPU-heavy engine work in worker processes: the offline artist's drawing and the lettering.

In the embedded default (`make run`) the web server, its WebSockets and the in-process Celery
worker share one process and its GIL: a panel drawn by the offline artist in a worker thread holds
the GIL for tens of milliseconds at a time, and every socket waits for it. `start(workers=N)`
(called by `config.embedded` with EMBEDDED_DRAW_PROCESSES) starts a `ProcessPoolExecutor`; from
then on `draw_encoded` and `letter_encoded` run in its processes, and the calling thread only
waits (without the GIL) for the PNG bytes. Without a running pool they run inline, in the caller:
tests, tools, and Celery workers (already processes of their own).

The processes are started with `forkserver` (never a plain `fork` of the threaded web server) and
need no Django: they import the engine only. A pool whose process died (killed for memory) is
replaced once and the job run again; the same job failing again is raised.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any, TypeVar

from PIL import Image

from sketchdojo.engine.compose import compose_strip
from sketchdojo.engine.lettering import Bubble, letter_panel
from sketchdojo.engine.providers.base import DrawRequest, DrawResult, FaceBox
from sketchdojo.engine.providers.registry import get_image_provider

logger = logging.getLogger("sketchdojo.engine.pool")

# zlib level 1: about half the encoding time of the default for ~25% larger files; panels are
# encoded twice each (raw and lettered) on the critical path of every generation.
PNG_COMPRESS_LEVEL = 1
_PRELOAD = ["sketchdojo.engine.pool"]  # the forkserver imports the engine once; workers fork from it

T = TypeVar("T")

_lock = threading.Lock()
_executor: ProcessPoolExecutor | None = None
_workers = 0


def png_bytes(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, format="PNG", compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()


@dataclass(frozen=True)
class EncodedDraw:
    """A drawn panel as PNG bytes, with what the caller stores about it."""

    png: bytes
    width: int
    height: int
    faces: list[FaceBox] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EncodedLettering:
    png: bytes
    bubbles: list[dict[str, Any]]  # as placed (position, tail direction), `Bubble.to_dict()`


def draw_encoded(provider_name: str, request: DrawRequest) -> EncodedDraw:
    """Draw with the named image provider and encode the result (runs in a pool process)."""
    return encode_draw(get_image_provider(provider_name).draw(request))


def encode_draw(result: DrawResult) -> EncodedDraw:
    """A provider's drawing as PNG bytes with its size, faces and metadata."""
    return EncodedDraw(
        png=png_bytes(result.image),
        width=result.image.width,
        height=result.image.height,
        faces=list(result.faces),
        meta=dict(result.meta or {}),
    )


def letter_encoded(raw_png: bytes, bubbles: list[Bubble], faces: list[FaceBox], sfx: Iterable[str]) -> EncodedLettering:
    """Letter a raw panel (PNG bytes) and encode it (runs in a pool process)."""
    raw = Image.open(BytesIO(raw_png))
    raw.load()
    result = letter_panel(raw, bubbles, faces, sfx=list(sfx))
    return EncodedLettering(png=png_bytes(result.image), bubbles=[bubble.to_dict() for bubble in result.bubbles])


def jpeg_bytes(image: Image.Image, *, quality: int) -> bytes:
    buffer = BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=quality, optimize=False)
    return buffer.getvalue()


@dataclass(frozen=True)
class EncodedStrip:
    strip: bytes  # JPEG
    thumbnail: bytes  # JPEG


def compose_encoded(
    panel_pngs: list[bytes],
    scene_indexes: list[int],
    *,
    thumbnail_width: int,
    strip_quality: int,
    thumbnail_quality: int,
) -> EncodedStrip:
    """Stitch lettered panels (PNG bytes) into the strip, thumbnail the first (runs in a pool process)."""
    images = []
    for data in panel_pngs:
        image = Image.open(BytesIO(data))
        image.load()
        images.append(image)
    strip = compose_strip(images, scene_indexes)
    first = images[0].convert("RGB")
    height = max(1, round(first.height * thumbnail_width / first.width))
    thumb = first.resize((thumbnail_width, height), Image.LANCZOS)
    return EncodedStrip(
        strip=jpeg_bytes(strip, quality=strip_quality), thumbnail=jpeg_bytes(thumb, quality=thumbnail_quality)
    )


def _context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def start(*, workers: int) -> bool:
    """Start the pool with `workers` processes (once per process); False when `workers` < 1."""
    global _executor, _workers
    if workers < 1:
        return False
    with _lock:
        if _executor is None:
            _executor = ProcessPoolExecutor(max_workers=workers, mp_context=_context())
            _workers = workers
            logger.info("Engine process pool started (%d processes)", workers)
    return True


def stop() -> None:
    global _executor
    with _lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.shutdown(wait=True, cancel_futures=True)


def is_running() -> bool:
    return _executor is not None


def run(fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """`fn(*args, **kwargs)` in a pool process when the pool runs, else right here (`fn` importable)."""
    executor = _executor
    if executor is None:
        return fn(*args, **kwargs)
    try:
        return executor.submit(fn, *args, **kwargs).result()
    except BrokenProcessPool:
        logger.warning("An engine pool process died; starting a new pool and running the job again")
        _replace(executor)
        retry = _executor
        if retry is None:
            return fn(*args, **kwargs)
        return retry.submit(fn, *args, **kwargs).result()


def _replace(broken: ProcessPoolExecutor) -> None:
    global _executor
    with _lock:
        if _executor is broken:
            _executor = ProcessPoolExecutor(max_workers=_workers, mp_context=_context())
    broken.shutdown(wait=False, cancel_futures=True)
