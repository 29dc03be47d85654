from django.urls import path

from sketchdojo import health

urlpatterns = [
    path("health", health.health, name="health"),
    path("health/liveness", health.liveness, name="health-liveness"),
    path("health/readiness", health.readiness, name="health-readiness"),
]
