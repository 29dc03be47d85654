from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from characters.views import CharacterViewSet
from projects.views import ProjectViewSet
from sketchdojo.api.asyncapi import AsyncAPIPageView, AsyncAPIView
from sketchdojo.api.routers import ApiRouter
from tasks.views import TaskViewSet
from webtoons.views import WebtoonPanelViewSet, WebtoonViewSet

# The REST API: one router, each resource's prefix named here (ApiRouter makes the trailing slash
# optional and serves the API root at /api/v1/).
api = ApiRouter()
api.register("projects", ProjectViewSet, basename="project")
api.register("characters", CharacterViewSet, basename="character")
api.register("webtoons", WebtoonViewSet, basename="webtoon")
api.register("panels", WebtoonPanelViewSet, basename="panel")
api.register("tasks", TaskViewSet, basename="task")

urlpatterns = [
    path("api/v1/auth/", include("accounts.urls")),
    path("api/v1/", include(api.urls)),
    path("api/v1/", include("webtoons.character_urls")),  # a character's reference sheet: a generation job
    path("api/v1/", include("webtoons.translation_urls")),  # a webtoon's translations (re-lettered panels)
    # The browsable API's "Log in" / "Log out" (a session for its HTML pages only; the JSON API takes tokens).
    path("api-auth/", include("rest_framework.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/asyncapi.json", AsyncAPIView.as_view(), name="asyncapi"),
    path("docs/websocket", AsyncAPIPageView.as_view(), name="asyncapi-page"),
    path("docs", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("redoc", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("", include("sketchdojo.health_urls")),
    path("", include("webtoons.pages_urls")),
    path("", include("sketchdojo.metrics_urls")),
    path("admin/", admin.site.urls),
]

if settings.STORAGE_TYPE == "local":
    # Embedded default: media served by the app itself (production uses S3 URLs); public webtoons'
    # files plainly, every other file through expiring signed links (webtoons/media.py).
    urlpatterns += [path("", include("webtoons.media_urls"))]

handler404 = "sketchdojo.api.exceptions.handler404"
handler500 = "sketchdojo.api.exceptions.handler500"
