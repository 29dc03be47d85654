"""The Celery application. Queues: `ai` (planning, orchestration) and `images` (panel drawing)."""

import os

from celery import Celery

from sketchdojo import logging as log_context
from sketchdojo import metrics, tracing

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("sketchdojo")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Log ids travel with each task, workers export metrics, and trace when OTEL is configured.
log_context.connect_celery_signals()
metrics.connect_celery_signals()
tracing.connect_celery_signals()
