"""/api/v1/projects routes (no trailing slash; one is accepted)."""

from django.urls import re_path

from projects.views import ProjectDetailView, ProjectListCreateView

urlpatterns = [
    re_path(r"^projects(?:/)?$", ProjectListCreateView.as_view(), name="project-list"),
    re_path(r"^projects/(?P<project_id>[^/]+)(?:/)?$", ProjectDetailView.as_view(), name="project-detail"),
]
