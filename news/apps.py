from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Notizie")

    def ready(self):
        from . import sections, site_search

        site_search.register()
        sections.register()
