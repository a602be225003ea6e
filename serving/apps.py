from django.apps import AppConfig


class ServingConfig(AppConfig):
    """The runtime that serves pages: page cache, routing, middleware, error answers, throttles."""

    name = "serving"
    verbose_name = "Pubblicazione del sito"

    def ready(self):
        from django.core.checks import Tags, register

        from .cache import check_eviction_policy
        from .pagecache import purge

        register(check_eviction_policy, Tags.caches, deploy=True)
        purge.connect()
