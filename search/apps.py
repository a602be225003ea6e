from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Ricerca"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from core.parts import notify_pages_changed

        from .models import SearchSynonym

        # Editors' picks show in the results kept per query string (search/results.py).
        post_save.connect(notify_pages_changed, sender=SearchPromotion, dispatch_uid="search-pick-saved")
        post_delete.connect(notify_pages_changed, sender=SearchPromotion, dispatch_uid="search-pick-deleted")
        # Synonyms are read with the shared parts (search/synonyms.py): a change must reach the next search.
        post_save.connect(notify_pages_changed, sender=SearchSynonym, dispatch_uid="search-synonym-saved")
        post_delete.connect(notify_pages_changed, sender=SearchSynonym, dispatch_uid="search-synonym-deleted")
