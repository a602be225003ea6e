"""A kept page found and answered, from the WSGI environ alone: the code the WSGI front
(`wsgi.PageCacheApplication`, before Django builds a request) and `PageCacheMiddleware` (for the
servers that don't go through the front: the test client, `make dev`) share, so both key, look up
and answer a hit the same way."""

import hashlib
import os

from django.conf import settings

from . import store
from .headers import has_session
from .keys import shareable_url, uncached_prefixes


def page_key(environ):
    """The cache key of an anonymous GET/HEAD (from the WSGI environ, `request.META`), or None when
    it must not be answered from the cache (`keys`)."""
    if not settings.PAGE_CACHE_ENABLED or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "/")
    if "HTTP_AUTHORIZATION" in environ or path.startswith(uncached_prefixes()) or has_session(environ):
        return None
    url = shareable_url(environ)
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest() if url else None


LOOKED_UP = "asap_site.pagecache"


def looked_up(environ):
    """(key, `store.Version`, entry or None) of this request, read from the cache once: the WSGI front
    leaves its answer in the environ (Django's `request.META`), so a miss costs one cache read, not
    two, on its way through the middleware."""
    if LOOKED_UP not in environ:
        key = page_key(environ)
        environ[LOOKED_UP] = (key, *store.lookup(key)) if key else (None, None, None)
    return environ[LOOKED_UP]


def not_modified(environ, etag):
    """Whether the request's If-None-Match names `etag` (weak comparison, as for a GET)."""
    wanted = environ.get("HTTP_IF_NONE_MATCH")
    if not wanted or not etag:
        return False
    return wanted.strip() == "*" or etag.removeprefix("W/") in {
        tag.strip().removeprefix("W/") for tag in wanted.split(",")
    }


# `make bench publish` counts the page cache's answers by this header (a fresh render also carries
# `Age` when its oldest part is a second old); set only there, never in production.
MARK = [("X-Page-Cache", "hit")] if os.environ.get("PAGE_CACHE_MARK_HITS") else []


def hit_headers(entry):
    """What a kept page's answer adds to its headers: its age (and the bench's mark)."""
    return [("Age", str(int(store.age(entry.born)))), *MARK]


def entry_etag(entry):
    return next((value for name, value in entry.value[2] if name.lower() == "etag"), None)
