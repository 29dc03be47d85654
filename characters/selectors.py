"""Reads of characters, scoped through the project to the user who owns it."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from characters.models import Character
from projects.models import Project


def character_list_for_project(*, project: Project) -> QuerySet[Character]:
    """The project's cast in the order it was created (the caller already holds the project, so it is allowed)."""
    return Character.objects.filter(project=project).order_by("created_at", "pk")


def character_list(*, user) -> QuerySet[Character]:
    """Every character of the user's projects, in the order they were created."""
    return Character.objects.filter(project__user=user).order_by("created_at", "pk")


def character_get(*, user, character_id) -> Character:
    """The character with this id if the user owns its project; Http404 otherwise (also for a malformed id)."""
    queryset = Character.objects.select_related("project").filter(project__user=user)
    try:
        return get_object_or_404(queryset, pk=character_id)
    except (ValidationError, ValueError, TypeError) as exc:
        raise Http404("No character matches the given query.") from exc
