"""A query string's results, kept for every visitor who sends the same one.

The counts per type, the editors' picks and the results page are the costly part of `/cerca/` and
the same for everybody: they are built once per site and exact query string (the links in them
repeat its other parameters), until editors change something (the page cache's generation) or for
SEARCH_RESULTS_SECONDS, short because a background task may update the index after a publish.
Every search is still counted by the view."""

import hashlib

from django.conf import settings

from core.parts import shared_part


def kept_results(request, build):
    """`build()`, or what it gave for this site and query string a moment ago; the value must pickle."""
    digest = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()
    return shared_part(f"search-results:{digest}", request, build, seconds=settings.SEARCH_RESULTS_SECONDS)
