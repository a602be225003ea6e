from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Sito"

    def ready(self):
        from search.types import result_types

        from . import translators
        from .models import HomePage

        # The home page's own text is found on /cerca/ among the editorial pages.
        result_types.add_pages("pagine", HomePage)
        translators.connect()
