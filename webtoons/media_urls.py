"""Local-mode media routes (included by config/urls.py when STORAGE_TYPE=local)."""

from django.urls import re_path

from sketchdojo.media import signed_media
from webtoons.media import public_media

urlpatterns = [
    re_path(r"^media/s/(?P<token>[^/]+)/(?P<filename>[^/]+)$", signed_media, name="media-signed"),
    re_path(r"^media/(?P<path>.+)$", public_media, name="media-public"),
]
