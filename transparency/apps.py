from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "transparency"
    verbose_name = "Trasparenza"

    def ready(self):
        from search.types import result_types

        from .models import ContributionsRegisterPage

        # Found on /cerca/ among the editorial pages ("contributi", "trasparenza", "legge 124").
        result_types.add_pages("pagine", ContributionsRegisterPage)
