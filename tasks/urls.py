"""/api/v1/tasks routes (no trailing slash; one is accepted)."""

from django.urls import re_path

from tasks.views import TaskCancelView, TaskDetailView, TaskListView, TaskRetryView

urlpatterns = [
    re_path(r"^tasks(?:/)?$", TaskListView.as_view(), name="task-list"),
    re_path(r"^tasks/(?P<task_id>[^/]+)/cancel(?:/)?$", TaskCancelView.as_view(), name="task-cancel"),
    re_path(r"^tasks/(?P<task_id>[^/]+)/retry(?:/)?$", TaskRetryView.as_view(), name="task-retry"),
    re_path(r"^tasks/(?P<task_id>[^/]+)(?:/)?$", TaskDetailView.as_view(), name="task-detail"),
]
