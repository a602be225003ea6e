"""A query string's results, kept for every visitor who sends the same one.

The counts per type, the editors' picks and the results page are the costly part of `/cerca/` and
the same for everybody: they are built once per site and exact query string (the links in them
repeat its other parameters), until editors change something (the page cache's generation) or for
SEARCH_RESULTS_SECONDS, short because a background task may update the index after a publish.
Every search is still counted by the view."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from core.pagecache import store
from core.pagecache.parts import find_site


def kept_results(request, build):
    """`build()`, or what it gave for this site and query string a moment ago; the value must pickle."""
    site = find_site(request)
    digest = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()
    key = f"search:results:{site.pk if site else 0}:{digest}"
    generation, entry = store.lookup(key)
    if entry is not None:
        store.note_born(request, entry.born)
        return entry.value
    born = time.time()
    value = build()
    # Under the generation read before building: a purge meanwhile wins (as `store.keep`).
    cache.set(key, store.Entry(generation, born, value), timeout=settings.SEARCH_RESULTS_SECONDS)
    return value
