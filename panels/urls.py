"""/api/v1/panels routes (no trailing slash; one is accepted)."""

from django.urls import re_path

from panels.views import PanelCreateView, PanelDetailView, PanelGenerateView, WebtoonPanelListView

urlpatterns = [
    re_path(r"^panels(?:/)?$", PanelCreateView.as_view(), name="panel-create"),
    re_path(r"^panels/generate(?:/)?$", PanelGenerateView.as_view(), name="panel-generate"),
    re_path(r"^panels/webtoon/(?P<webtoon_id>[^/]+)(?:/)?$", WebtoonPanelListView.as_view(), name="webtoon-panels"),
    re_path(r"^panels/(?P<panel_id>[^/]+)(?:/)?$", PanelDetailView.as_view(), name="panel-detail"),
]
