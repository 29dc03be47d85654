"""Reads of projects, always scoped to the user who owns them.

Ownership is decided here: another user's project is simply not in the queryset, so every caller
(views, the pipeline, consumers) gets "not found" for it, exactly as for a missing id.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from projects.filters import ProjectFilter
from projects.models import Project, SeriesMemory

# Counts of the rows other apps keep per project (`character_count`, `webtoon_count`): the app that
# owns the counted model registers it (its AppConfig.ready), so projects imports none of them.
_counted: dict[str, tuple[type, str]] = {}


def project_count_register(*, name: str, model: type, fk: str = "project") -> None:
    """Annotate every project read here with `name`: how many `model` rows point at it through `fk`."""
    _counted[name] = (model, fk)


def _count_of(model, *, fk: str) -> Coalesce:
    """A correlated COUNT(*) of `model` rows pointing at the outer project (no GROUP BY on the project)."""
    counted = model.objects.filter(**{fk: OuterRef("pk")}).order_by().values(fk).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def with_counts(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate each registered count (`character_count`, `webtoon_count`) with a correlated subquery.

    Subqueries rather than JOIN + GROUP BY: the counts do not multiply each other's rows, and the
    page still costs one query for any number of projects.
    """
    return queryset.annotate(**{name: _count_of(model, fk=fk) for name, (model, fk) in _counted.items()})


_counted_projects: QuerySet[Project] | None = None


def _projects_with_counts() -> QuerySet[Project]:
    """All projects with their counts, annotated once per process: resolving the subqueries cost more
    than running them. Callers filter it (a clone; this one is never evaluated)."""
    global _counted_projects
    if _counted_projects is None:
        _counted_projects = with_counts(Project.objects.all())
    return _counted_projects


def project_list(*, user, filters: Mapping[str, Any] | None = None) -> QuerySet[Project]:
    """The user's projects, newest first, each annotated with `character_count` and `webtoon_count`.

    `filters` are query-string style (`status`, `art_style`); an unknown value raises ValidationError.
    """
    queryset = _projects_with_counts().filter(user=user)
    if filters and any(name in filters for name in ProjectFilter.base_filters):
        filterset = ProjectFilter(filters, queryset=queryset)
        if not filterset.is_valid():
            raise ValidationError({field: list(errors) for field, errors in filterset.errors.items()})
        queryset = filterset.qs
    return queryset.order_by("-created_at", "-pk")


def project_get(*, user, project_id, counts: bool = True) -> Project:
    """The user's project with this id; Http404 for a missing id, another user's id or a malformed id.

    `counts=False` leaves out `character_count` and `webtoon_count` (an ownership check before a list).
    """
    projects = _projects_with_counts() if counts else Project.objects.all()
    try:
        return get_object_or_404(projects.filter(user=user), pk=project_id)
    except (ValidationError, ValueError, TypeError) as exc:
        raise Http404("No project matches the given query.") from exc


def series_memory_of(*, project: Project) -> SeriesMemory:
    """The project's story memory; an empty, unsaved one before its first episode is recapped."""
    return SeriesMemory.objects.filter(project=project).first() or SeriesMemory(project=project)


def series_memory_get(*, user, project_id) -> SeriesMemory:
    """The story memory of the user's project; Http404 for another user's, a missing or a malformed id."""
    return series_memory_of(project=project_get(user=user, project_id=project_id))
