"""ASGI entry point: HTTP through Django, WebSocket through Channels."""

import os

from sketchdojo.asgi import get_asgi_application
from sketchdojo.tracing import init_tracing

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
init_tracing()  # only when OTEL_EXPORTER_OTLP_ENDPOINT is set; before Django builds its middleware
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from config.embedded import start_embedded_worker, with_server_loop  # noqa: E402
from config.routing import websocket_urlpatterns  # noqa: E402
from sketchdojo.api.websocket import origin_validated  # noqa: E402
from sketchdojo.bodies import BodyLimitMiddleware  # noqa: E402

application = with_server_loop(
    ProtocolTypeRouter(
        {
            # Outermost for HTTP: a body over the limit is answered from its headers, never read.
            "http": BodyLimitMiddleware(django_asgi_app),
            "websocket": origin_validated(URLRouter(websocket_urlpatterns)),
        }
    )
)
# Embedded default (no REDIS_URL): this process also runs the Celery tasks, in a worker thread.
start_embedded_worker()
