import os

from django.core.wsgi import get_wsgi_application

from sketchdojo.tracing import init_tracing

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
init_tracing()  # only when OTEL_EXPORTER_OTLP_ENDPOINT is set
application = get_wsgi_application()
