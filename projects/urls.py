"""/api/v1/projects routes, below the prefix config/urls.py gives them (trailing slash: sketchdojo.api.urls)."""

from projects.views import ProjectDetailView, ProjectListCreateView, SeriesMemoryView
from sketchdojo.api.urls import route

urlpatterns = [
    route(r"", ProjectListCreateView.as_view(), name="project-list"),
    route(r"/(?P<project_id>[^/]+)", ProjectDetailView.as_view(), name="project-detail"),
    route(r"/(?P<project_id>[^/]+)/memory", SeriesMemoryView.as_view(), name="project-memory"),
]
