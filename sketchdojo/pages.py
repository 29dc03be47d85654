"""The web pages: the studio (the whole creator journey in one page) and the public reader.

Both are plain templates with a local script and stylesheet (no CDN), served with a strict
content security policy. User text reaches the HTML only through Django's autoescaping (reader)
or `textContent` (studio script), never as markup.
"""

from functools import wraps

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from characters.models import CharacterRole
from projects.models import ArtStyle
from sketchdojo.links import absolute_url, file_url
from webtoons.models import Webtoon, WebtoonStatus

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: blob: https:",
        "style-src 'self'",
        "script-src 'self'",
        "connect-src 'self' ws: wss:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def content_security_policy(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Referrer-Policy", "same-origin")
        return response

    return wrapped


def _reader_webtoon(request, webtoon_id) -> Webtoon:
    """Published and not held for moderation: anyone; otherwise only its owner (or staff) by session."""
    try:
        webtoon = Webtoon.objects.select_related("project__user").get(pk=webtoon_id)
    except Webtoon.DoesNotExist as exc:
        raise Http404("No such webtoon.") from exc
    is_public = webtoon.status == WebtoonStatus.PUBLISHED and not webtoon.is_flagged
    user = request.user
    is_owner = user.is_authenticated and (user.pk == webtoon.project.user_id or user.is_staff)
    if not (is_public or is_owner):
        raise Http404("No such webtoon.")
    return webtoon


@require_GET
@content_security_policy
def reader(request, webtoon_id):
    webtoon = _reader_webtoon(request, webtoon_id)
    panels = [
        {"url": file_url(p.image, request), "number": p.sequence_number, "width": 800}
        for p in webtoon.panels.order_by("sequence_number")
        if p.image
    ]
    author = webtoon.project.user.username
    description = webtoon.summary or webtoon.description or webtoon.project.description
    return render(
        request,
        "pages/reader.html",
        {
            "webtoon": webtoon,
            "panels": panels,
            "author": author,
            "description": description,
            "og_image": file_url(webtoon.thumbnail, request) or (panels[0]["url"] if panels else ""),
            "og_url": absolute_url(request.path, request),
            "is_preview": webtoon.status != WebtoonStatus.PUBLISHED or webtoon.is_flagged,
        },
    )


@require_GET
@content_security_policy
def studio(request):
    return render(request, "pages/studio.html", {"art_styles": ArtStyle.values, "roles": CharacterRole.values})
