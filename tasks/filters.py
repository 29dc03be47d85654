"""Query-string filters of the task list (`?status=&task_type=`); an unknown value is a 400, not ignored."""

import django_filters

from tasks.models import Task, TaskStatus, TaskType


class TaskFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=TaskStatus.choices)
    task_type = django_filters.ChoiceFilter(choices=TaskType.choices)

    class Meta:
        model = Task
        fields = ["status", "task_type"]
