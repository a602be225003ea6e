from django.apps import AppConfig


class ContactConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "contact"
    verbose_name = "Modulo di contatto"

    def ready(self):
        from . import signals  # noqa: F401
