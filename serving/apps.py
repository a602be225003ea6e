"""The serving runtime's start-up: its deploy check, the keeper behind `core.parts`, the purge signals,
the process's memory handed back (serving/memory.py)."""

from django.apps import AppConfig


class ServingConfig(AppConfig):
    """The runtime that serves pages: page cache, routing, middleware, error answers, throttles."""

    name = "serving"
    verbose_name = "Pubblicazione del sito"

    def ready(self):
        from django.core.checks import Tags, register

        from core import parts as declared_parts

        from .cache import check_eviction_policy
        from .memory import return_large_blocks_to_the_system
        from .pagecache import parts, purge

        register(check_eviction_policy, Tags.caches, deploy=True)
        declared_parts.install(parts)  # the page cache keeps the parts features declare
        purge.connect()
        return_large_blocks_to_the_system()  # gunicorn's workers inherit it from the master (--preload)
