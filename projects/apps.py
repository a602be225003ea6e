from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = "Progetti"

    def ready(self):
        from core.parts import purge_when_facts_change
        from core.translatable import translate_only

        from . import catalogue_facts, site_search
        from .models import Fund, ProjectPage, Territory, Theme
        from .services import ensure_asap_services

        site_search.register()
        purge_when_facts_change(ProjectPage, catalogue_facts.facts, catalogue_facts.FACTS_TAG)
        translate_only(Fund, Theme, Territory)

        # Also runs after the test runner flushes the tables, so the fixed list is always there.
        post_migrate.connect(ensure_asap_services, sender=self)
