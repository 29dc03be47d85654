"""The ledger's scrape-time gauge: `sketchdojo_tasks_running` per task type, read from the Task rows."""

from django.db.models import Count

from sketchdojo.metrics import TASKS_RUNNING
from tasks.models import Task, TaskStatus, TaskType


def refresh_tasks_running() -> None:
    """Sets `sketchdojo_tasks_running` per task type from the Task rows (one grouped query)."""
    counts = dict(
        Task.objects.filter(status=TaskStatus.RUNNING).values_list("task_type").annotate(n=Count("pk")).order_by()
    )
    for task_type in TaskType.values:
        TASKS_RUNNING.labels(task_type=task_type).set(counts.get(task_type, 0))
