"""Reads of panels, scoped through webtoon and project to the user who owns them."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from panels.models import Panel


def panel_list_for_webtoon(*, webtoon) -> QuerySet[Panel]:
    """The webtoon's panels in reading order (the caller already holds the webtoon, so it is allowed)."""
    return Panel.objects.filter(webtoon=webtoon).order_by("sequence_number")


def panel_list(*, user) -> QuerySet[Panel]:
    """Every panel of the user's webtoons, by webtoon and reading order."""
    return Panel.objects.filter(webtoon__project__user=user).order_by("webtoon_id", "sequence_number")


def panel_get(*, user, panel_id) -> Panel:
    """The panel with this id if the user owns its webtoon; Http404 otherwise (also for a malformed id)."""
    queryset = Panel.objects.select_related("webtoon", "webtoon__project").filter(webtoon__project__user=user)
    try:
        return get_object_or_404(queryset, pk=panel_id)
    except (ValidationError, ValueError, TypeError) as exc:
        raise Http404("No panel matches the given query.") from exc
