from django.apps import AppConfig

from sketchdojo.engine.providers.calls import call_observer_register
from sketchdojo.metrics import provider_call_observe


class SketchDojoConfig(AppConfig):
    name = "sketchdojo"
    verbose_name = "SketchDojo core"

    def ready(self):
        # The engine stays free of Prometheus: the core observes its provider calls as metrics.
        call_observer_register(provider_call_observe)
