from django.apps import AppConfig


class WebtoonsConfig(AppConfig):
    name = "webtoons"
    default_auto_field = "django.db.models.BigAutoField"
