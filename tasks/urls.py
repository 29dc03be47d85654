"""/api/v1/tasks routes, below the prefix config/urls.py gives them (trailing slash: sketchdojo.api.urls)."""

from sketchdojo.api.urls import route
from tasks.views import TaskCancelView, TaskDetailView, TaskListView, TaskRetryView

urlpatterns = [
    route(r"", TaskListView.as_view(), name="task-list"),
    route(r"/(?P<task_id>[^/]+)/cancel", TaskCancelView.as_view(), name="task-cancel"),
    route(r"/(?P<task_id>[^/]+)/retry", TaskRetryView.as_view(), name="task-retry"),
    route(r"/(?P<task_id>[^/]+)", TaskDetailView.as_view(), name="task-detail"),
]
