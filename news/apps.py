from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Notizie")

    def ready(self):
        from core.parts import purge_when_facts_change

        from . import boxes, sections, site_search
        from .models import NewsArticlePage

        site_search.register()
        sections.register()
        purge_when_facts_change(NewsArticlePage, boxes.box_facts, boxes.BOX_FACTS)
