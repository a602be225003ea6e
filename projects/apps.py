from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = "Progetti"

    def ready(self):
        from . import site_search
        from .services import ensure_asap_services

        site_search.register()

        # Also runs after the test runner flushes the tables, so the fixed list is always there.
        post_migrate.connect(ensure_asap_services, sender=self)
