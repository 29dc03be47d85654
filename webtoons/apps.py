from django.apps import AppConfig


class WebtoonsConfig(AppConfig):
    name = "webtoons"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # webtoons runs the generation task types of the ledger (tasks.registry).
        from webtoons.generation import jobs

        jobs.register()
