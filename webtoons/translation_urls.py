"""/api/v1/webtoons/{id}/translations routes (webtoons.translation_views), mounted by config/urls.py beside
the router's webtoon routes; the trailing slash is optional, as on every API route."""

from django.urls import re_path

from webtoons.translation_views import (
    TranslationAutoView,
    TranslationDetailView,
    TranslationListView,
    TranslationPoView,
)

_WEBTOON = r"^webtoons/(?P<webtoon_id>[^/.]+)/translations"

urlpatterns = [
    re_path(rf"{_WEBTOON}/?$", TranslationListView.as_view(), name="translation-list"),
    re_path(rf"{_WEBTOON}/(?P<lang>[^/]+?)\.po/?$", TranslationPoView.as_view(), name="translation-po"),
    re_path(rf"{_WEBTOON}/(?P<lang>[^/]+)/auto/?$", TranslationAutoView.as_view(), name="translation-auto"),
    re_path(rf"{_WEBTOON}/(?P<lang>[^/]+)/?$", TranslationDetailView.as_view(), name="translation-detail"),
]
