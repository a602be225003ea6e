from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Sito"

    def ready(self):
        from search.types import ResultType, result_types

        from .models import ContentPage, HomePage

        # Editorial pages on /cerca/, after projects and courses. When ContentPage moves to its own
        # app, that app registers the type with ContentPage and this one keeps
        # `result_types.add_pages("pagine", HomePage)`.
        pages = ResultType(
            "pagine", "Pagine", "Pagina", order=30, summary_fields=("search_description", "intro", "hero_text")
        )
        result_types.register(pages, HomePage, ContentPage)
