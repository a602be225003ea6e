from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Ricerca"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from serving.pagecache.purge import purge_everything

        # Editors' picks show in the results kept per query string (search/results.py).
        post_save.connect(purge_everything, sender=SearchPromotion, dispatch_uid="search-pick-saved")
        post_delete.connect(purge_everything, sender=SearchPromotion, dispatch_uid="search-pick-deleted")
