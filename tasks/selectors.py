"""Reads of generation tasks, scoped to the user who started them."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from tasks.models import Task, TaskType


def task_list(*, user, status: str | None = None, task_type: str | None = None) -> QuerySet[Task]:
    """The user's tasks, newest first."""
    queryset = Task.objects.filter(user=user)
    if status:
        queryset = queryset.filter(status=status)
    if task_type:
        queryset = queryset.filter(task_type=task_type)
    return queryset.order_by("-created_at", "-pk")


def task_get(*, user, task_id) -> Task:
    """The user's task with this id; Http404 for a missing, foreign or malformed id."""
    try:
        return get_object_or_404(Task.objects.filter(user=user), pk=task_id)
    except (ValidationError, ValueError, TypeError) as exc:
        raise Http404("No task matches the given query.") from exc


def month_start(now=None):
    now = timezone.now() if now is None else now
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def generations_this_month(*, user) -> int:
    """Generations (webtoons, panel redraws, character sheets) the user started this calendar month
    (UTC); what the monthly quota counts: each calls a provider."""
    return Task.objects.filter(
        user=user,
        task_type__in=(TaskType.WEBTOON_GENERATION, TaskType.PANEL_GENERATION, TaskType.CHARACTER_SHEET),
        created_at__gte=month_start(),
    ).count()
