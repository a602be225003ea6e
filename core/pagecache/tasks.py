"""The frontend cache's share of a purge, as a task like Wagtail's own PURGE of a page's URLs (run
inline, or by the worker with TASK_BACKEND=database)."""

from django_tasks import task
from wagtail.contrib.frontend_cache.utils import get_backends


@task()
def ban_frontend_caches():
    """Empty every frontend cache that can be emptied at once (VarnishBackend); others only get
    Wagtail's PURGE of the changed page's URLs and catch up within PAGE_CACHE_SECONDS."""
    for backend in get_backends().values():
        if hasattr(backend, "ban_everything"):
            backend.ban_everything()
