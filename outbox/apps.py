from django.apps import AppConfig


class OutboxConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "outbox"
    verbose_name = "Moduli e posta in uscita"

    def ready(self):
        from . import signals  # noqa: F401
