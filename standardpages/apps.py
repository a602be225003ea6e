from django.apps import AppConfig


class StandardPagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "standardpages"
    verbose_name = "Pagine di contenuto"
