"""/api/v1/panels routes that start from a webtoon (list its panels, add one, redraw one); config/urls.py
mounts them under the panels prefix, before panels.urls (whose `/{panel_id}` would take `generate`)."""

from sketchdojo.api.urls import route
from webtoons.views import PanelCreateView, PanelGenerateView, WebtoonPanelListView

urlpatterns = [
    route(r"", PanelCreateView.as_view(), name="panel-create"),
    route(r"/generate", PanelGenerateView.as_view(), name="panel-generate"),
    route(r"/webtoon/(?P<webtoon_id>[^/]+)", WebtoonPanelListView.as_view(), name="webtoon-panels"),
]
