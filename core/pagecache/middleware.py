"""The anonymous full-page cache, and `Cache-Control` on every response outside the admin.

It is the outermost middleware, and what it keeps is the response as the others left it (security
headers and the Content-Security-Policy included, with the sources an embed or the analytics host
added). Only what every visitor would get is stored: an anonymous GET answered 200 with a public
`Cache-Control` (so never a response that sets a cookie or carries a CSRF token, see `headers`),
keyed on the full URL with its query normalised (catalogue filters, pagination). Signed-in editors
(a session cookie) always get a fresh page with their userbar.

The key is read from the WSGI environ alone, so that `wsgi.PageCacheApplication` can answer a hit
before Django builds a request; this middleware answers hits for the servers that don't go through
it (the test client, `make dev`)."""

import hashlib
import time
from functools import cache
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse

from . import store
from .headers import has_session, is_personal, is_public, set_cache_headers

MAX_QUERY_LENGTH = 512


@cache
def admin_prefixes():
    return reverse("wagtailadmin_home"), reverse("admin:index")


@cache
def uncached_prefixes():
    """The admins, and the static files and uploads (served as files, never kept here)."""
    files = tuple(prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix and prefix != "/")
    return (*admin_prefixes(), *files)


def is_admin(request):
    return request.path.startswith(admin_prefixes())


def _scheme(environ):
    """As `HttpRequest.scheme` says it, behind a proxy that sets SECURE_PROXY_SSL_HEADER too."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        if header in environ:
            return "https" if environ[header].split(",", 1)[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def _host(environ):
    """The host as sent: only pages for an accepted host are ever stored, because CommonMiddleware
    answers 400 to any other (ALLOWED_HOSTS) before a page is made."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return environ["HTTP_X_FORWARDED_HOST"]
    return environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"


def page_key(environ):
    """The cache key of an anonymous GET/HEAD (from the WSGI environ, `request.META`), or None when
    it must not be answered from the cache."""
    if not settings.PAGE_CACHE_ENABLED or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "/")
    if "HTTP_AUTHORIZATION" in environ or path.startswith(uncached_prefixes()) or has_session(environ):
        return None
    query = environ.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY_LENGTH:
        return None
    normalised = urlencode(sorted(parse_qsl(query, keep_blank_values=True)))
    url = f"{_scheme(environ)}://{_host(environ)}{path}?{normalised}"
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


LOOKED_UP = "asap_site.pagecache"


def looked_up(environ):
    """(key, generation, entry or None) of this request, read from the cache once: the WSGI front
    leaves its answer in the environ (Django's `request.META`), so a miss costs one cache read, not
    two, on its way through the middleware."""
    if LOOKED_UP not in environ:
        key = page_key(environ)
        environ[LOOKED_UP] = (key, *store.lookup(key)) if key else (None, None, None)
    return environ[LOOKED_UP]


def is_storable(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and is_public(response)
        and not is_personal(request, response)
    )


def frozen(response):
    """What a cached page keeps: status, headers (as every middleware left them), body."""
    headers = [(name, value) for name, value in response.items() if name.lower() != "age"]
    return response.status_code, response.reason_phrase, headers, response.content


def age_header(entry):
    return ("Age", str(int(store.age(entry.born))))


def thawed(entry):
    status, reason, headers, content = entry.value
    return HttpResponse(content, status=status, reason=reason, headers=dict([*headers, age_header(entry)]))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_admin(request):
            return self.get_response(request)
        key, generation, entry = looked_up(request.META)
        if entry:
            return thawed(entry)
        store.start_request(request)
        response = self.get_response(request)
        set_cache_headers(request, response)
        born = store.born_of(request)
        if key and is_storable(request, response):
            store.keep(key, generation, born, frozen(response))
        if is_public(response) and time.time() - born >= 1:
            response["Age"] = str(int(store.age(born)))
        return response
