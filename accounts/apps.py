"""The accounts app: the custom user, sign-in and tokens."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported for their side effects (OpenAPI auth extension, signal receivers) once models are ready.
        from accounts import schema, sessions, signals  # noqa: F401 - OpenAPI auth extension, receivers
