"""The web pages: the studio (/, the whole creator journey in one page) and the public reader page
(/w/{id}/: a published webtoon for anyone, a preview for its owner or staff).

Served with the core's content security policy; user text reaches the HTML only through autoescaping.
"""

from django.contrib.auth.password_validation import password_validators_help_texts
from django.shortcuts import render
from django.views.decorators.http import require_GET

from characters.models import CharacterRole
from sketchdojo.engine.script import ArtStyle
from sketchdojo.labels import human_label
from sketchdojo.links import absolute_url, file_url
from sketchdojo.pages import content_security_policy
from webtoons.models import WebtoonStatus
from webtoons.selectors import webtoon_get_for_reader


def _choices(values) -> list[tuple[str, str]]:
    return [(value, human_label(value)) for value in values]


@require_GET
@content_security_policy
def studio(request):
    return render(
        request,
        "pages/studio.html",
        {
            "art_styles": _choices(style.value for style in ArtStyle),
            "roles": _choices(CharacterRole.values),
            "password_rules": password_validators_help_texts(),
        },
    )


@require_GET
@content_security_policy
def reader(request, webtoon_id):
    webtoon = webtoon_get_for_reader(user=request.user, webtoon_id=webtoon_id)
    # The public reads plain URLs; the owner's (or staff's) preview gets links that expire.
    public = webtoon.status == WebtoonStatus.PUBLISHED and not webtoon.is_flagged
    if public and webtoon.published_panels:
        # The published revision: later edits wait in the studio until the owner republishes.
        storage = webtoon._meta.get_field("strip").storage
        panels = [
            {"url": absolute_url(storage.url(entry["image"]), request), "number": entry["number"], "width": 800}
            for entry in webtoon.published_panels
        ]
    else:
        panels = [
            {"url": file_url(p.image, request, public=public), "number": p.sequence_number, "width": 800}
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
            "page_language": webtoon.language,
            "panels": panels,
            "author": author,
            "description": description,
            "og_image": file_url(webtoon.thumbnail, request, public=public) or (panels[0]["url"] if panels else ""),
            "og_url": absolute_url(request.path, request),
            "is_preview": not public,
        },
    )
