"""The web pages: the studio (/, the whole creator journey in one page), the public reader page
(/w/{id}/: a published webtoon for anyone, a preview for its owner or staff) and the series page
(/s/{project id}/: the published episodes of a project, with an Atom feed in webtoons.feeds).

Served with the core's content security policy; user text reaches the HTML only through autoescaping.
"""

from django.contrib.auth.password_validation import password_validators_help_texts
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from characters.models import CharacterRole
from panels.scripting import panel_text
from sketchdojo.engine.script import ArtStyle
from sketchdojo.labels import human_label
from sketchdojo.links import absolute_url, file_url
from sketchdojo.pages import content_security_policy
from webtoons.models import WebtoonStatus
from webtoons.selectors import episode_neighbours, episodes_published, series_get_public, webtoon_get_for_reader
from webtoons.translations import language_links, panel_letterings, reader_language


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
    language = reader_language(
        webtoon=webtoon, requested=request.GET.get("lang"), accept_language=request.headers.get("Accept-Language", "")
    )
    ordered = list(webtoon.panels.order_by("sequence_number"))
    if public and webtoon.published_panels and language == webtoon.language:
        # The published revision: later edits wait in the studio until the owner republishes.
        storage = webtoon._meta.get_field("strip").storage
        by_id = {str(p.pk): p for p in ordered}
        panels = [
            {
                "url": absolute_url(storage.url(entry["image"]), request),
                "number": entry["number"],
                "width": 800,
                "text": panel_text(by_id[entry["panel_id"]]) if entry.get("panel_id") in by_id else None,
            }
            for entry in webtoon.published_panels
        ]
    else:
        shown = panel_letterings(webtoon=webtoon, panels=ordered, language=language)
        panels = [
            {
                "url": file_url(image, request, public=public),
                "number": p.sequence_number,
                "width": 800,
                "text": panel_text(p, bubbles),  # the transcript in the language the panel is lettered in
            }
            for p, (image, bubbles) in zip(ordered, shown, strict=True)
            if image
        ]
    previous_episode, next_episode = episode_neighbours(webtoon=webtoon)
    author = webtoon.project.user.username
    description = webtoon.summary or webtoon.description or webtoon.project.description
    response = render(
        request,
        "pages/reader.html",
        {
            "webtoon": webtoon,
            "page_language": language,
            "languages": language_links(webtoon=webtoon, current=language, request=request),
            "panels": panels,
            "author": author,
            "description": description,
            "og_image": file_url(webtoon.thumbnail, request, public=public) or (panels[0]["url"] if panels else ""),
            "og_url": absolute_url(request.path, request),
            "is_preview": not public,
            "previous_episode": previous_episode,
            "next_episode": next_episode,
        },
    )
    patch_vary_headers(response, ["Accept-Language"])
    return response


@require_GET
@content_security_policy
def series(request, project_id):
    project = series_get_public(project_id=project_id)
    episodes = list(episodes_published(project_id=project.pk))
    return render(
        request,
        "pages/series.html",
        {
            "project": project,
            "episodes": [
                {"webtoon": episode, "thumbnail": file_url(episode.thumbnail, request, public=True)}
                for episode in episodes
            ],
            "author": project.user.username,
            "page_language": episodes[0].language if episodes else "en",
            "og_url": absolute_url(request.path, request),
        },
    )
