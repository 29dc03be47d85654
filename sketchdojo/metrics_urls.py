"""`/metrics` for Prometheus: django-prometheus's exporter plus the queue depth read at scrape time."""

from django.urls import path

from sketchdojo.metrics import metrics_view

urlpatterns = [path("metrics", metrics_view, name="prometheus-django-metrics")]
