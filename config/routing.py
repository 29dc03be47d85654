"""WebSocket URL routes, mounted by config.asgi."""

from django.urls import re_path

from webtoons.consumers import WebtoonGenerationConsumer

websocket_urlpatterns = [
    re_path(r"^api/v1/ws/connect/?$", WebtoonGenerationConsumer.as_asgi()),
]
