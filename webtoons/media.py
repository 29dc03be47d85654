"""Plain /media/ URLs in local mode: only the files of a public (published, unflagged) webtoon.

Everything else (drafts, archived, flagged or unpublished webtoons, characters' reference images,
exports) is read through the expiring links of sketchdojo.storage.media_url, so a delete, an archive,
a flag or an unpublish takes a webtoon's files away from the public at once.
"""

from django.db.models import Q
from django.http import Http404
from django.views.decorators.http import require_safe

from panels.models import Panel
from sketchdojo.media import stream_media
from webtoons.models import PanelTranslation, Webtoon, WebtoonStatus
from webtoons.publication import is_published_copy


def public_webtoons():
    return Webtoon.objects.filter(status=WebtoonStatus.PUBLISHED, is_flagged=False)


def is_public_file(name: str) -> bool:
    """Whether the stored file `name` belongs to a public webtoon (its strip, thumbnail, a panel or a
    copy in its published revision, or a translated panel)."""
    if not name:
        return False
    if is_published_copy(name, public_webtoons=public_webtoons()):
        return True
    if public_webtoons().filter(Q(strip=name) | Q(thumbnail=name)).exists():
        return True
    if Panel.objects.filter(Q(image=name) | Q(raw_image=name), webtoon__in=public_webtoons()).exists():
        return True
    # A panel lettered in one of the webtoon's translations.
    return PanelTranslation.objects.filter(image=name, translation__webtoon__in=public_webtoons()).exists()


@require_safe
def public_media(request, path: str):
    """GET /media/<path>: a public webtoon's file; 404 for anything else (it may exist, but not for you)."""
    if not is_public_file(path):
        raise Http404("No such file.")
    return stream_media(path, private=False)
