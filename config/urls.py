from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

# Each app's routes sit under the prefix named here; sketchdojo.api.urls.route makes the trailing
# slash optional in one place.
urlpatterns = [
    path("api/v1/auth/", include("accounts.urls")),
    path("api/v1/projects", include("projects.urls")),
    path("api/v1/characters", include("webtoons.character_urls")),  # reference sheets: a generation job
    path("api/v1/characters", include("characters.urls")),
    path("api/v1/webtoons", include("webtoons.urls")),
    path("api/v1/panels", include("webtoons.panel_urls")),  # list, add, redraw: start from a webtoon
    path("api/v1/panels", include("panels.urls")),
    path("api/v1/tasks", include("tasks.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
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
