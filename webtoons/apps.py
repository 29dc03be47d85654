from django.apps import AppConfig


class WebtoonsConfig(AppConfig):
    name = "webtoons"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models (and the jobs that use them) can only be imported once the app registry is ready.
        from projects.selectors import project_count_register
        from webtoons.generation import jobs
        from webtoons.models import Webtoon

        # webtoons runs the generation task types of the ledger (tasks.registry).
        jobs.register()
        project_count_register(name="webtoon_count", model=Webtoon)
