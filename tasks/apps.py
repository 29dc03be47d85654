from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "tasks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # tasks.metrics reads the Task model, importable only once the app registry is ready.
        from sketchdojo.metrics import scrape_refresher_register
        from tasks.metrics import refresh_tasks_running

        scrape_refresher_register(refresh_tasks_running)
