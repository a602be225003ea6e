from django.apps import AppConfig


class CoursesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"
    verbose_name = "Corsi di formazione"

    def ready(self):
        from . import site_search

        site_search.register()
