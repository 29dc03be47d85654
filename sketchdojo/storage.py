"""Where generated files live: the local media folder, or S3 (any S3-compatible store) in production.

Why it exists: the embedded default keeps panels, strips and exports under MEDIA_ROOT; scaled-out
web and worker hosts share no disk, so production stores them in a bucket via django-storages.
The rest of the code only ever uses `default_storage` / FileFields, so switching is configuration:

    STORAGE_TYPE=s3  S3_BUCKET_NAME=...  S3_REGION=...  [S3_ENDPOINT_URL=http://minio:9000]
    [S3_PUBLIC_URLS=true]  [S3_CUSTOM_DOMAIN=cdn.example.com]  [S3_URL_EXPIRE_SECONDS=3600]
    credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the host's IAM role (boto3's chain)

Read from config/settings.py with the settings' `environ.Env`, so it imports nothing of Django's
app machinery.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

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
