from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = "Cookie e consenso"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cookie_consent.cache import delete_cache

        from core.cache import outages

        outages.on_recovery(delete_cache)  # a change to the cookie groups while Redis was away
