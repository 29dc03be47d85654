from django.apps import AppConfig


class CharactersConfig(AppConfig):
    name = "characters"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models and selectors can only be imported once the app registry is ready.
        from characters.models import Character
        from projects.selectors import project_count_register

        project_count_register(name="character_count", model=Character)
