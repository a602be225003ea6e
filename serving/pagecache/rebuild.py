"""The rebuild after a publish, and the single flight of concurrent misses: so that after a publish
the pages visitors see most are in the shared cache before anyone asks, and a page asked by many
at once while it is missing is rendered once.

A rebuild is an ordinary anonymous GET through the whole site (`django.test.Client`, in the task
worker), at each address visitors reached the site under lately (`remember_origin`: scheme, host
and port as the page cache keys them), so the page kept is exactly the one the next visitor's
request would have kept; with each path go the query strings visitors keep asking it with
(`remember_variant`: a catalogue's order, filters, page). It helps only where every process reads
the cache it writes: Redis, or in `make run` the shared file layer of `local.LayeredCache`."""

import hashlib
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page

from . import store
from .keys import canonical_host, scheme, server_port

ORIGINS_KEY = "pagecache:origins"
MAX_ORIGINS = 4


def remember_origin(environ):
    """Note the scheme, host and port of a request whose page was just kept. Read from the cache
    each time (one read per render, which costs milliseconds anyway), not remembered per process:
    the key can be evicted or emptied, and a process that thought it written would never write it
    again, so no rebuild would ever run."""
    origin = (scheme(environ), canonical_host(environ), server_port(environ))
    if not origin[1]:
        return
    known = cache.get(ORIGINS_KEY) or []
    if origin not in known:
        cache.set(ORIGINS_KEY, [origin, *known][:MAX_ORIGINS], timeout=None)


REBUILDING = "asap_site.rebuilding"  # in the environ of the rebuild's own requests: they count no visit
VARIANTS_KEY = "pagecache:variants:"
MAX_VARIANTS = 8  # query strings counted per path
REBUILT_VARIANTS = 2  # of them, rebuilt with the path: the most kept, if kept more than once


def _variants_key(path):
    return VARIANTS_KEY + hashlib.sha256(path.encode()).hexdigest()


def remember_variant(environ):
    """Count a keep of a page under a query string. A page is kept again after each purge that
    took it, by its first visitor: a query kept time after time is one visitors keep asking for
    (a catalogue by cost, its second page), and the rebuild renders the most kept with their path.
    At most MAX_VARIANTS per path: a new query takes the place of the least counted, from one, so a
    run of one-off search strings takes each other's place, not that of the queries kept often."""
    if not (query := environ.get("QUERY_STRING")) or environ.get(REBUILDING):
        return
    key = _variants_key(environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "/"))
    counts = cache.get(key) or {}
    if query not in counts and len(counts) >= MAX_VARIANTS:
        del counts[min(counts, key=counts.get)]
    counts[query] = counts.get(query, 0) + 1
    cache.set(key, counts, timeout=settings.PAGE_CACHE_SECONDS * 24)


def variants(path):
    """The query strings rebuilt with `path`: its REBUILT_VARIANTS most kept, kept more than once."""
    counts = cache.get(_variants_key(path)) or {}
    most = sorted(counts, key=counts.get, reverse=True)[:REBUILT_VARIANTS]
    return [query for query in most if counts[query] > 1]


def paths_to_rebuild(page_ids):
    """The paths (as their sites serve them) of the pages, the pages listing them (the parent, and
    what a page type names with `listing_urls()`, such as a project's organisation pages), and the
    homes."""
    paths = set()
    for page in Page.objects.filter(pk__in=page_ids, live=True).specific():
        for shown in (page, page.get_parent(), page.get_site() and page.get_site().root_page):
            if shown is None or not shown.live or shown.depth < 2:
                continue
            parts = shown.get_url_parts()
            if parts is not None:
                paths.add(parts[2])
        paths.update(urlsplit(url).path for url in getattr(page, "listing_urls", list)())
    return sorted(paths)


def rebuild(page_ids):
    from django.test import Client  # only the task worker needs it: 11 MiB (jinja2 and more) per web worker

    origins = cache.get(ORIGINS_KEY) or []
    paths = paths_to_rebuild(page_ids)
    client = Client(raise_request_exception=False)
    addresses = [address for path in paths for address in (path, *(f"{path}?{query}" for query in variants(path)))]
    for origin_scheme, host, port in origins:
        for address in addresses:
            client.get(address, HTTP_HOST=host, SERVER_PORT=port, secure=origin_scheme == "https", **{REBUILDING: True})
    return len(origins) * len(addresses)


# --- single flight ----------------------------------------------------------------------------------

WAIT_STEP = 0.02


def lead_or_wait(key):
    """On a miss of `key`: None when this request should render (it holds the build lock, or the
    wait ran out), else the entry another request built meanwhile. The lock is the cache's `add`,
    shared by every process when the cache is; it lapses by itself after the bound."""
    bound = settings.PAGE_CACHE_SINGLE_FLIGHT_SECONDS
    if not bound or cache.add(f"{key}:building", 1, timeout=max(1, round(bound))):
        return None
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        time.sleep(WAIT_STEP)
        _version, entry = store.lookup(key)
        if entry:
            return entry
        if not cache.get(f"{key}:building"):  # the builder gave up (an error, an unstorable answer)
            return None
    return None


def release(key):
    if settings.PAGE_CACHE_SINGLE_FLIGHT_SECONDS:
        cache.delete(f"{key}:building")
