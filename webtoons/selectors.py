"""Reads of webtoons, always scoped to the user who owns the project they belong to."""

from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from panels.models import Panel
from projects.models import Project
from webtoons.models import Webtoon, WebtoonStatus


def _with_panel_count(queryset: QuerySet[Webtoon]) -> QuerySet[Webtoon]:
    counted = Panel.objects.filter(webtoon=OuterRef("pk")).order_by().values("webtoon").annotate(n=Count("pk"))
    return queryset.annotate(panel_count=Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), 0))


def webtoon_list(*, user, project_id=None) -> QuerySet[Webtoon]:
    """The user's webtoons, newest first, each annotated with `panel_count` (one query per page)."""
    queryset = Webtoon.objects.filter(project__user=user)
    if project_id is not None:
        queryset = queryset.filter(project_id=project_id)
    return _with_panel_count(queryset).order_by("-created_at", "-pk")


def webtoon_get(*, user, webtoon_id, with_panels: bool = False, counts: bool = True) -> Webtoon:
    """The user's webtoon with this id; Http404 for a missing, foreign or malformed id.

    `counts=False` leaves out `panel_count` (an ownership check before a list).
    """
    queryset = Webtoon.objects.select_related("project").filter(project__user=user)
    if counts:
        queryset = _with_panel_count(queryset)
    if with_panels:
        queryset = queryset.prefetch_related(Prefetch("panels", queryset=Panel.objects.order_by("sequence_number")))
    try:
        return get_object_or_404(queryset, pk=webtoon_id)
    except (ValidationError, ValueError, TypeError) as exc:
        raise Http404("No webtoon matches the given query.") from exc


def webtoon_get_public(*, webtoon_id) -> Webtoon:
    """A published, unflagged webtoon for the public reader page; Http404 otherwise."""
    queryset = Webtoon.objects.filter(status=WebtoonStatus.PUBLISHED, is_flagged=False).prefetch_related(
        Prefetch("panels", queryset=Panel.objects.order_by("sequence_number"))
    )
    try:
        return get_object_or_404(queryset, pk=webtoon_id)
    except (ValidationError, ValueError, TypeError) as exc:
        raise Http404("No webtoon matches the given query.") from exc


def webtoon_get_for_reader(*, user, webtoon_id) -> Webtoon:
    """The reader page's webtoon: a public one for anyone; otherwise a preview for its owner (or staff)."""
    try:
        return webtoon_get_public(webtoon_id=webtoon_id)
    except Http404:
        if not user.is_authenticated:
            raise
        if not user.is_staff:
            return webtoon_get(user=user, webtoon_id=webtoon_id, with_panels=True)
    try:
        return get_object_or_404(Webtoon.objects.select_related("project__user"), pk=webtoon_id)
    except (ValidationError, ValueError, TypeError) as exc:
        raise Http404("No webtoon matches the given query.") from exc


def _published() -> QuerySet[Webtoon]:
    return Webtoon.objects.filter(status=WebtoonStatus.PUBLISHED, is_flagged=False)


def episodes_published(*, project_id) -> QuerySet[Webtoon]:
    """The published episodes of a series (a project), first episode first; anyone may read them."""
    return _published().filter(project_id=project_id).order_by("episode_number")


def series_get_public(*, project_id) -> Project:
    """The project of a series page: one with at least one published episode; Http404 otherwise (a project
    with nothing published stays private, title included)."""
    queryset = Project.objects.select_related("user").filter(pk__in=_published().values("project_id"))
    try:
        return get_object_or_404(queryset, pk=project_id)
    except (ValidationError, ValueError, TypeError) as exc:
        raise Http404("No series matches the given query.") from exc


def episode_neighbours(*, webtoon: Webtoon) -> tuple[Webtoon | None, Webtoon | None]:
    """The published episodes just before and just after this one in its series (None at either end)."""
    episodes = episodes_published(project_id=webtoon.project_id).only("pk", "title", "episode_number")
    previous = episodes.filter(episode_number__lt=webtoon.episode_number).order_by("-episode_number").first()
    following = episodes.filter(episode_number__gt=webtoon.episode_number).first()
    return previous, following
