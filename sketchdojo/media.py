"""Serving stored files in local mode (the embedded default; production hands out S3 URLs instead).

`signed_media` answers the expiring links of sketchdojo.storage.media_url to whoever holds one;
`stream_media` sends a stored file without reading it into memory. Which plain /media/ files anyone
may read is the apps' call (webtoons.media).
"""

import mimetypes
import posixpath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from sketchdojo.storage import MEDIA_SIGNING_WINDOW_SECONDS, signed_media_name

PUBLIC_MAX_AGE_SECONDS = 60  # short: an unpublished or flagged webtoon's files leave caches soon


def stream_media(name: str, *, private: bool) -> FileResponse:
    """The stored file `name` streamed from storage; Http404 when it is gone."""
    try:
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404("No such file.") from exc
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    if private:
        response["Cache-Control"] = f"private, max-age={MEDIA_SIGNING_WINDOW_SECONDS}"
    else:
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE_SECONDS}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def signed_media(request, token: str, filename: str):
    """GET /media/s/<token>/<filename>: the file the token was signed for, while it has not expired."""
    name = signed_media_name(token)
    if name is None or posixpath.basename(name) != filename:
        raise Http404("This media link is invalid or has expired.")
    return stream_media(name, private=True)
