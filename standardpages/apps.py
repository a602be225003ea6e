from django.apps import AppConfig


class StandardPagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "standardpages"
    verbose_name = "Pagine di contenuto"

    def ready(self):
        from search.types import ResultType, result_types

        from .models import ContentPage

        # Editorial pages on /cerca/, after projects and courses.
        pages = ResultType(
            "pagine", "Pagine", "Pagina", order=30, summary_fields=("search_description", "intro", "hero_text")
        )
        result_types.register(pages, ContentPage)
