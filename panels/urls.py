"""/api/v1/panels routes, below the prefix config/urls.py gives them (trailing slash: sketchdojo.api.urls)."""

from panels.views import PanelCreateView, PanelDetailView, PanelGenerateView, WebtoonPanelListView
from sketchdojo.api.urls import route

urlpatterns = [
    route(r"", PanelCreateView.as_view(), name="panel-create"),
    route(r"/generate", PanelGenerateView.as_view(), name="panel-generate"),
    route(r"/webtoon/(?P<webtoon_id>[^/]+)", WebtoonPanelListView.as_view(), name="webtoon-panels"),
    route(r"/(?P<panel_id>[^/]+)", PanelDetailView.as_view(), name="panel-detail"),
]
