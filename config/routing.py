"""WebSocket URL routes, mounted by config.asgi."""

from django.urls import re_path

from tasks.consumers import GenerationConsumer

websocket_urlpatterns = [
    re_path(r"^api/v1/ws/connect/?$", GenerationConsumer.as_asgi()),
]
