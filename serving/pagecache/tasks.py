"""The frontend cache's share of a purge, as a task like Wagtail's own PURGE of a page's URLs (run
inline, or by the worker with TASK_BACKEND=database); and the retry of a purge the cache missed."""

import time
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.frontend_cache.utils import get_backends

from . import store

RETRY_INTERVAL = timedelta(seconds=5)


@task()
def ban_frontend_caches():
    """Empty every frontend cache that can be emptied at once (VarnishBackend); others only get
    Wagtail's PURGE of the changed page's URLs and catch up within PAGE_CACHE_SECONDS."""
    for backend in get_backends().values():
        if hasattr(backend, "ban_everything"):
            backend.ban_everything()


@task()
def retry_purge(failed_at):
    """Start a new generation for a purge the cache did not take at `failed_at` (a timestamp), every
    RETRY_INTERVAL until it does; after PAGE_CACHE_SECONDS every entry built before the purge has
    expired anyway, and the retries stop."""
    if store.bump_generation() or time.time() - failed_at >= settings.PAGE_CACHE_SECONDS:
        return
    retry_purge.using(run_after=timezone.now() + RETRY_INTERVAL).enqueue(failed_at)


@task()
def rebuild_pages(page_ids):
    """Render again, into the cache, the pages a publish purged that visitors see most: each page,
    the page that lists it (its parent: a catalogue's first page, an index), and its site's home,
    at the addresses visitors used lately (`rebuild.origins`), so the first visitor gets a hit."""
    from .rebuild import rebuild

    rebuild(page_ids)
