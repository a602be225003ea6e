from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site as data (demo/data/*.yaml) and the loaders that build it: `manage.py seed_demo`."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Contenuti dimostrativi"
