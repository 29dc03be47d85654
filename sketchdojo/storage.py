"""Where generated files live: the local media folder, or S3 (any S3-compatible store) in production.

Why it exists: the embedded default keeps panels, strips and exports under MEDIA_ROOT; scaled-out
web and worker hosts share no disk, so production stores them in a bucket via django-storages.
The rest of the code only ever uses `default_storage` / FileFields, so switching is configuration:

    STORAGE_TYPE=s3  S3_BUCKET_NAME=...  S3_REGION=...  [S3_ENDPOINT_URL=http://minio:9000]
    [S3_PUBLIC_URLS=true]  [S3_CUSTOM_DOMAIN=cdn.example.com]  [S3_URL_EXPIRE_SECONDS=3600]
    credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the host's IAM role (boto3's chain)

Read from config/settings.py with the settings' `environ.Env`, so it imports nothing of Django's
app machinery.

Every app saves, opens, names and deletes its files through the helpers here (one definition each):
`image_png` / `image_jpeg` encode, `image_open` reads, `file_name` names a new version, `file_replace`
swaps a file field's content, `file_save` / `file_open` / `file_exists` / `folder_files` handle a stored
name, and `files_delete` / `files_delete_on_commit` remove files.

Who may read a file (one rule, `media_url`): media of a public webtoon has a plain URL; every other
file (an unpublished or moderated webtoon's panels, characters' reference images, anything the API
or the realtime events hand its owner) gets a URL that expires: in local mode a signed
`/media/s/<token>/<file>` (TimestampSigner over the storage name, MEDIA_URL_EXPIRE_SECONDS), in S3
mode the bucket's presigned URL (S3_URL_EXPIRE_SECONDS; with S3_PUBLIC_URLS=true the operator has
chosen a public bucket and every file is public).
"""

from __future__ import annotations

import logging
import posixpath
import secrets
import time
from collections.abc import Iterable
from io import BytesIO

from django.conf import settings
from django.core import signing
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image

logger = logging.getLogger("sketchdojo.storage")

STORAGE_TYPES = ("local", "s3")


def default_storage_backend(env, *, storage_type: str) -> dict:
    """The STORAGES["default"] entry for STORAGE_TYPE (`local` or `s3`)."""
    if storage_type == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if storage_type != "s3":
        raise ImproperlyConfigured(f"STORAGE_TYPE must be one of {', '.join(STORAGE_TYPES)}, not {storage_type!r}.")
    bucket = env("S3_BUCKET_NAME", default="")
    if not bucket:
        raise ImproperlyConfigured("STORAGE_TYPE=s3 needs S3_BUCKET_NAME.")
    options = {
        "bucket_name": bucket,
        "region_name": env("S3_REGION", default="") or None,
        "endpoint_url": env("S3_ENDPOINT_URL", default="") or None,
        # Private objects behind signed, expiring URLs unless the bucket (or CDN) is public.
        "querystring_auth": not env.bool("S3_PUBLIC_URLS", default=False),
        "querystring_expire": env.int("S3_URL_EXPIRE_SECONDS", default=3600),
        "custom_domain": env("S3_CUSTOM_DOMAIN", default="") or None,
        "location": env("S3_LOCATION", default=""),
        # Same semantics as the local folder: a taken name gets a fresh suffix, never overwritten.
        "file_overwrite": False,
        "default_acl": None,
        "addressing_style": env("S3_ADDRESSING_STYLE", default="") or None,  # "path" for MinIO and friends
        "signature_version": "s3v4",
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


# --- who may read a file --------------------------------------------------------------------------

MEDIA_SIGNING_SALT = "sketchdojo.media"
# Signing times are rounded down to this window, so a file keeps one URL for a while and browsers
# cache it; a link therefore lives between MEDIA_URL_EXPIRE_SECONDS minus this and that.
MEDIA_SIGNING_WINDOW_SECONDS = 300


class _MediaSigner(signing.TimestampSigner):
    def timestamp(self) -> str:
        now = int(time.time())
        return signing.b62_encode(now - now % MEDIA_SIGNING_WINDOW_SECONDS)


def _media_signer() -> signing.TimestampSigner:
    return _MediaSigner(salt=MEDIA_SIGNING_SALT)


def signed_media_path(name: str) -> str:
    """The local-mode URL path that serves the stored file `name` to whoever holds it, until it expires."""
    token = _media_signer().sign_object(name, compress=False)
    return f"{settings.MEDIA_URL}s/{token}/{posixpath.basename(name)}"


def signed_media_name(token: str) -> str | None:
    """The storage name a signed token stands for; None when it was tampered with or has expired."""
    try:
        name = _media_signer().unsign_object(token, max_age=settings.MEDIA_URL_EXPIRE_SECONDS)
    except (signing.BadSignature, ValueError):
        return None
    return name if isinstance(name, str) and name else None


def media_url(field_file, *, public: bool = False) -> str | None:
    """The URL of a stored file: plain when `public`, else one that expires (see the module's rule).

    A path (local mode) or an absolute URL (S3); None when there is no file.
    """
    if not field_file:
        return None
    if public or settings.STORAGE_TYPE != "local":
        return field_file.url
    return signed_media_path(field_file.name)


# --- writing and reading -------------------------------------------------------------------------


def image_png(image: Image.Image) -> ContentFile:
    """The image as PNG content, ready for a file field or `file_save`."""
    # zlib level 1: about half the encoding time of the default for ~25% larger files; panels are
    # encoded twice each (raw and lettered) on the critical path of every generation.
    buffer = BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return ContentFile(buffer.getvalue())


def image_jpeg(image: Image.Image, *, quality: int) -> ContentFile:
    """The image as (RGB) JPEG content."""
    buffer = BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=quality, optimize=False)
    return ContentFile(buffer.getvalue())


def image_open(field_file) -> Image.Image:
    """Read a stored image fully into memory (the storage file is closed again at once)."""
    with field_file.open("rb") as handle:
        data = handle.read()
    image = Image.open(BytesIO(data))
    image.load()
    return image


def file_name(owner_id, extension: str) -> str:
    """A fresh name for each new version of a file: old URLs are never reused for new pixels
    (browser and CDN caches stay right) and S3, which overwrites by default, never clobbers a file
    a reader is still loading."""
    return f"{str(owner_id)[:8]}-{secrets.token_hex(6)}.{extension}"


def file_replace(field_file, name: str, content: ContentFile) -> None:
    """Save new content into a file field (not the row) and delete the old file after commit."""
    old = field_file.name
    field_file.save(name, content, save=False)
    if old and old != field_file.name:
        files_delete_on_commit(names=[old])


def file_save(name: str, content: bytes) -> str:
    """Store `content` under `name` (replacing a file of that name); the name it was stored under."""
    if default_storage.exists(name):
        default_storage.delete(name)
    return default_storage.save(name, ContentFile(content))


def file_open(name: str):
    """The stored file `name` opened for reading in binary; FileNotFoundError (or OSError) when it is gone."""
    return default_storage.open(name, "rb")


def file_exists(name: str) -> bool:
    return default_storage.exists(name)


def folder_files(folder: str) -> list[str]:
    """The stored names of the files directly in `folder`; [] when there is no such folder."""
    try:
        return [posixpath.join(folder, f) for f in default_storage.listdir(folder)[1]]
    except (FileNotFoundError, NotADirectoryError):
        return []


# --- deleting --------------------------------------------------------------------------------------


def files_delete(*, names: Iterable[str] = (), folders: Iterable[str] = ()) -> None:
    """Remove these stored files and the files directly in `folders` now; a storage error is logged, not raised."""
    names = [n for n in names if n]
    for folder in folders:
        try:
            names += folder_files(folder)
        except Exception:  # any storage backend error: the rows are gone already; keep going
            logger.exception("Could not list stored folder %s", folder)
    for name in names:
        try:
            default_storage.delete(name)
        except Exception:  # any storage backend error (disk, S3): an orphaned file is untidy, not wrong
            logger.exception("Could not delete stored file %s", name)


def files_delete_on_commit(*, names=(), folders=()) -> None:
    """Remove these stored files (and the files directly in `folders`) once the transaction commits.

    Deleting on commit: a rolled-back delete keeps its files, a committed one leaves none public.
    """
    names, folders = [n for n in names if n], [f for f in folders if f]
    if names or folders:
        transaction.on_commit(lambda: files_delete(names=names, folders=folders))


def export_folder(webtoon_id) -> str:
    """Where a webtoon's built exports are kept (one file per format and revision)."""
    return f"exports/{webtoon_id}"


def published_folder(webtoon_id) -> str:
    """Where the copies of a published webtoon's panels are kept (the revision its reader shows)."""
    return f"webtoons/published/{webtoon_id}"
