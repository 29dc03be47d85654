from django.apps import AppConfig


class SketchDojoConfig(AppConfig):
    name = "sketchdojo"
    verbose_name = "SketchDojo core"
