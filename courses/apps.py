from django.apps import AppConfig


class CoursesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"
    verbose_name = "Corsi di formazione"

    def ready(self):
        from core.translatable import translate_only

        from . import site_search
        from .models import Venue

        site_search.register()
        translate_only(Venue)
