from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """What is left to do in the office: the dashboard's to-do panels, the Moderatori's weekly digest
    and the editors' guide under *Aiuto*."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = "Lavoro redazionale"
