"""/api/v1/panels routes, below the prefix config/urls.py gives them (trailing slash: sketchdojo.api.urls)."""

from panels.views import PanelDetailView
from sketchdojo.api.urls import route

urlpatterns = [
    route(r"/(?P<panel_id>[^/]+)", PanelDetailView.as_view(), name="panel-detail"),
]
