"""A query string's results, kept for every visitor who sends the same one.

The counts per type, the editors' picks and the results page are the costly part of `/cerca/` and
the same for everybody: they are built once per site and exact query string (the links in them
repeat its other parameters), until editors change something (the page cache's generation) or for
SEARCH_RESULTS_SECONDS, short because a background task may update the index after a publish.
They also go when the task rewrites pages' index entries after a snippet they show changed
(`INDEX_CHANGED`: `tasks.reindex_pages`), since a changed snippet purges only what read its table.
Every search is still counted by the view."""

import hashlib

from django.conf import settings

from core.parts import shared_part

# Purged when pages' index entries are rewritten (`tasks.reindex_pages`): what a search found.
INDEX_CHANGED = "search:index-changed"


def kept_results(request, build):
    """`build()`, or what it gave for this site and query string a moment ago; the value must pickle."""
    digest = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()
    name = f"search-results:{digest}"
    return shared_part(name, request, build, seconds=settings.SEARCH_RESULTS_SECONDS, tags=[INDEX_CHANGED])
