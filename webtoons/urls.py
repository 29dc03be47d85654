"""/api/v1/webtoons routes, below the prefix config/urls.py gives them (trailing slash: sketchdojo.api.urls)."""

from sketchdojo.api.urls import route
from webtoons.translation_views import (
    TranslationAutoView,
    TranslationDetailView,
    TranslationListView,
    TranslationPoView,
)
from webtoons.views import (
    WebtoonDetailView,
    WebtoonExportView,
    WebtoonGenerateView,
    WebtoonListCreateView,
    WebtoonPublishView,
)

urlpatterns = [
    route(r"", WebtoonListCreateView.as_view(), name="webtoon-list"),
    route(r"/generate", WebtoonGenerateView.as_view(), name="webtoon-generate"),
    route(r"/(?P<webtoon_id>[^/]+)/publish", WebtoonPublishView.as_view(), name="webtoon-publish"),
    route(
        r"/(?P<webtoon_id>[^/]+)/export/(?P<fmt>[^/]+)",
        WebtoonExportView.as_view(),
        name="webtoon-export",
    ),
    route(r"/(?P<webtoon_id>[^/]+)/translations", TranslationListView.as_view(), name="translation-list"),
    route(
        r"/(?P<webtoon_id>[^/]+)/translations/(?P<lang>[^/]+?)\.po", TranslationPoView.as_view(), name="translation-po"
    ),
    route(
        r"/(?P<webtoon_id>[^/]+)/translations/(?P<lang>[^/]+)/auto",
        TranslationAutoView.as_view(),
        name="translation-auto",
    ),
    route(
        r"/(?P<webtoon_id>[^/]+)/translations/(?P<lang>[^/]+)",
        TranslationDetailView.as_view(),
        name="translation-detail",
    ),
    route(r"/(?P<webtoon_id>[^/]+)", WebtoonDetailView.as_view(), name="webtoon-detail"),
]
