"""The anonymous full-page cache, and `Cache-Control` on every response outside the admin.

It is the outermost middleware: a page served from the cache costs one or two cache reads, no query
and none of the other middleware, because what it keeps is the response as it left them (security
headers and the Content-Security-Policy included, the sources an embed or the analytics host added
to it too). Only what every visitor would get is stored: an anonymous GET answered 200 with a public
`Cache-Control` (so never a response that sets a cookie or carries a CSRF token, see `headers`),
keyed on the full URL with its query normalised (catalogue filters, pagination). Signed-in editors
(a session cookie) always get a fresh page with their userbar."""

import hashlib
import time
from functools import cache
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.encoding import escape_uri_path

from . import store
from .headers import has_session, is_personal, is_public, set_cache_headers

MAX_QUERY_LENGTH = 512


@cache
def admin_prefixes():
    return reverse("wagtailadmin_home"), reverse("admin:index")


@cache
def file_prefixes():
    """Static files and uploads: served as files (WhiteNoise, the media view), never kept here."""
    return tuple(prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix and prefix != "/")


def is_admin(request):
    return request.path.startswith(admin_prefixes())


def page_key(request):
    """The cache key of an anonymous GET/HEAD, or None when it must not be answered from the cache."""
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD") or has_session(request):
        return None
    if "HTTP_AUTHORIZATION" in request.META or is_admin(request) or request.path.startswith(file_prefixes()):
        return None
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY_LENGTH:
        return None
    normalised = urlencode(sorted(parse_qsl(query, keep_blank_values=True)))
    url = f"{request.scheme}://{request.get_host()}{escape_uri_path(request.path)}?{normalised}"
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


def is_storable(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and is_public(response)
        and not is_personal(request, response)
    )


def frozen(response):
    """What a cached page keeps: a plain copy of the response with the status, headers (as every
    middleware left them) and body. The cache pickles it, so a hit gets it back without Django
    checking each header again."""
    headers = {name: value for name, value in response.items() if name.lower() != "age"}
    return HttpResponse(response.content, status=response.status_code, headers=headers)


def thawed(entry):
    response = entry.value
    response["Age"] = str(int(store.age(entry.born)))
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_admin(request):
            return self.get_response(request)
        key = page_key(request)
        if key:
            generation, entry = store.lookup(key)
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
