"""The anonymous full-page cache, and `Cache-Control` on every response outside the admin.

It is the outermost middleware, and what it keeps is the response as the others left it (security
headers and the Content-Security-Policy included, with the sources an embed or the analytics host
added). Only what every visitor would get is stored: an anonymous GET answered 200 with a public
`Cache-Control` (so never a response that sets a cookie or carries a CSRF token, see `headers`),
keyed on what decides the answer (`keys`: the path, the canonical host, the query as pages read it)
and answered with a 304 when the browser names its ETag. Signed-in editors (a session cookie)
always get a fresh page with their userbar.

The key is read from the WSGI environ alone (`hits`), so that `wsgi.PageCacheApplication` can
answer a hit before Django builds a request; this middleware answers hits for the servers that
don't go through it (the test client, `make dev`)."""

import time

from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response, set_response_etag

from . import deps, rebuild, store
from .headers import is_personal, is_public, set_cache_headers, shared_seconds
from .hits import entry_etag, hit_headers, looked_up
from .keys import admin_prefixes, clean_query


def is_admin(request):
    return request.path.startswith(admin_prefixes())


def varies_only_on_encoding(response):
    """A kept page is answered whatever the request's headers: one that varies on anything but the
    encoding (the JSON or HTML error answers, `Vary: Accept`) is not kept."""
    varies = {field.lower() for field in cc_delim_re.split(response.get("Vary", "")) if field}
    return varies <= {"accept-encoding"}


def query_was_read(request):
    """Whether the view could have answered by its query: nothing read `request.GET` (Django builds
    it on first read), so a known parameter on a page that ignores it (`/chi-siamo/?page=7`) is
    served but never kept, and nobody can mint entries with it."""
    return not request.META.get("QUERY_STRING") or "GET" in request.__dict__


def is_storable(request, response):
    return (
        request.method == "GET"
        and query_was_read(request)
        and response.status_code == 200
        and not response.streaming
        and is_public(response)
        and not is_personal(request, response)
        and varies_only_on_encoding(response)
    )


def with_etag(response):
    """A public page carries an ETag, so that a browser revalidating it (public pages have no
    browser max-age) gets a 304 without the body."""
    if response.status_code == 200 and not response.streaming and is_public(response):
        set_response_etag(response)
    return response


def frozen(response):
    """What a cached page keeps: status, headers (as every middleware left them), body."""
    headers = [(name, value) for name, value in response.items() if name.lower() != "age"]
    return response.status_code, response.reason_phrase, headers, response.content


def thawed(entry):
    status, reason, headers, content = entry.value
    return HttpResponse(content, status=status, reason=reason, headers=dict([*headers, *hit_headers(entry)]))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_admin(request):
            return self.get_response(request)
        clean_query(request.META)
        key, version, entry = looked_up(request.META)
        if key and not entry:
            entry = rebuild.lead_or_wait(key)  # another request is rendering it: wait briefly for it
        if entry:
            return get_conditional_response(request, etag=entry_etag(entry), response=thawed(entry))
        store.start_request(request)
        try:
            with deps.recording() as tags:  # what the page shows, for the purges that concern it
                response = self.get_response(request)
            born = store.born_of(request)
            set_cache_headers(request, response, store.age(born))
            with_etag(response)
            if key and is_storable(request, response):
                seconds = shared_seconds(response, store.age(born))
                store.keep(key, version, born, frozen(response), seconds, tags)
                rebuild.remember_origin(request.META)
                rebuild.remember_variant(request.META)
        finally:
            if key:
                rebuild.release(key)
        if is_public(response) and time.time() - born >= 1:
            response["Age"] = str(int(store.age(born)))
        if response.has_header("ETag"):
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response
