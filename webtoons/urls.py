"""/api/v1/webtoons routes, below the prefix config/urls.py gives them (trailing slash: sketchdojo.api.urls)."""

from sketchdojo.api.urls import route
from webtoons.views import (
    WebtoonDetailView,
    WebtoonExportView,
    WebtoonGenerateView,
    WebtoonListCreateView,
    WebtoonPublishView,
    WebtoonUnpublishView,
)

urlpatterns = [
    route(r"", WebtoonListCreateView.as_view(), name="webtoon-list"),
    route(r"/generate", WebtoonGenerateView.as_view(), name="webtoon-generate"),
    route(r"/(?P<webtoon_id>[^/]+)/publish", WebtoonPublishView.as_view(), name="webtoon-publish"),
    route(r"/(?P<webtoon_id>[^/]+)/unpublish", WebtoonUnpublishView.as_view(), name="webtoon-unpublish"),
    route(
        r"/(?P<webtoon_id>[^/]+)/export/(?P<fmt>[^/]+)",
        WebtoonExportView.as_view(),
        name="webtoon-export",
    ),
    route(r"/(?P<webtoon_id>[^/]+)", WebtoonDetailView.as_view(), name="webtoon-detail"),
]
