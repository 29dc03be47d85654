"""Absolute links the service hands out: API bodies, realtime events, share tags, admin thumbnails.

One rule everywhere: a path becomes absolute with PUBLIC_BASE_URL when it is set, else with the
request's host when there is a request, else (realtime events, task results: no request) with the
origin the webtoon was last requested at (`Webtoon.origin`, captured by the API when a generation,
redraw or publish is asked for); URLs that storage already made absolute (S3) pass as they are.
"""

from django.conf import settings

from sketchdojo.storage import media_url


def absolute_url(url: str, request=None, *, origin: str | None = None) -> str:
    """`url` made absolute: PUBLIC_BASE_URL first, else the request's host, else `origin` (see site_origin)."""
    if not url.startswith("/"):
        return url
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL + url
    if request is not None:
        return request.build_absolute_uri(url)
    if origin:
        return origin.rstrip("/") + url
    return url


def site_origin(request) -> str:
    """The scheme and host the request came to (e.g. "https://comics.example.com"), for services that
    store a link and take no request."""
    return request.build_absolute_uri("/").rstrip("/")


def file_url(field_file, request=None, *, public: bool = False, origin: str | None = None) -> str | None:
    """The absolute URL of a stored file (see absolute_url; `origin` where there is no request, e.g. a
    realtime event: the scheme and host its webtoon was last requested at), or None when there is no file.

    Plain only when `public` (a published, unflagged webtoon's media); otherwise a URL that expires,
    for the owner it is handed to (sketchdojo.storage.media_url).
    """
    url = media_url(field_file, public=public)
    return None if url is None else absolute_url(url, request, origin=origin)
