from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "tasks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sketchdojo.metrics import scrape_refresher_register
        from tasks.metrics import refresh_tasks_running

        scrape_refresher_register(refresh_tasks_running)
