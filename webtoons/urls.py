"""/api/v1/webtoons routes (no trailing slash; one is accepted)."""

from django.urls import re_path

from webtoons.views import (
    WebtoonDetailView,
    WebtoonExportView,
    WebtoonGenerateView,
    WebtoonListCreateView,
    WebtoonPublishView,
)

urlpatterns = [
    re_path(r"^webtoons(?:/)?$", WebtoonListCreateView.as_view(), name="webtoon-list"),
    re_path(r"^webtoons/generate(?:/)?$", WebtoonGenerateView.as_view(), name="webtoon-generate"),
    re_path(r"^webtoons/(?P<webtoon_id>[^/]+)/publish(?:/)?$", WebtoonPublishView.as_view(), name="webtoon-publish"),
    re_path(
        r"^webtoons/(?P<webtoon_id>[^/]+)/export/(?P<fmt>[^/]+)(?:/)?$",
        WebtoonExportView.as_view(),
        name="webtoon-export",
    ),
    re_path(r"^webtoons/(?P<webtoon_id>[^/]+)(?:/)?$", WebtoonDetailView.as_view(), name="webtoon-detail"),
]
