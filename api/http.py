"""What every answer of the API carries, whatever the operation: reading from any origin (CORS, with
the preflight answered here), the licence (`Link: rel="license"`), `Last-Modified` with
`If-Modified-Since`, `HEAD` as `GET` (the WSGI server drops the body), and a throttle per client.

`Cache-Control` is the site's page cache's, as on every public page (`serving.pagecache.headers`),
and the ETag its kind (the body's hash), with the 304 answered here. An anonymous 200 is public for
`PAGE_CACHE_SECONDS` in shared caches and kept whole by the page cache, under the path and the query
as pages read it, until editors change anything pages show (the purge). A cache hit is answered
before Django, so it neither reaches nor counts against the throttle. Django-ninja routes by method
and would answer `OPTIONS` and `HEAD` with 405, hence this wrapper around each of its URL patterns
(`api.urls`)."""

from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from core.parts import ANY_EDIT, site_wide
from serving import ratelimit
from serving.pagecache.headers import set_cache_headers

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
READ_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": ", ".join(READ_METHODS),
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Link, Retry-After",
    "Access-Control-Max-Age": "86400",
    # the site's default (`same-origin`) would stop other sites' pages from reading the data
    "Cross-Origin-Resource-Policy": "cross-origin",
}
THROTTLE_SCOPE = "api"


def last_change():
    """When the site's public data last changed, as a timestamp: the latest publication of a page,
    or the latest logged change to a page or a snippet (Wagtail logs every edit, unpublish and
    deletion made in the admin). Kept as a site-wide part until editors change anything (`ANY_EDIT`:
    a republish or a snippet saved by a script is no listing or row this part reads), so it costs no
    query on most calls."""

    def build():
        moments = [
            Page.objects.filter(live=True)
            .order_by("-last_published_at")
            .values_list("last_published_at", flat=True)[:1],
            PageLogEntry.objects.order_by("-timestamp").values_list("timestamp", flat=True)[:1],
            ModelLogEntry.objects.order_by("-timestamp").values_list("timestamp", flat=True)[:1],
        ]
        found = [moment for query in moments for moment in query if moment]
        return int(max(found).timestamp()) if found else 0

    return site_wide("api:last-change", build, tags=[ANY_EDIT])[1]


def with_read_headers(response):
    for name, value in CORS_HEADERS.items():
        response[name] = value
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response


def preflight():
    response = HttpResponse(status=204)
    response["Allow"] = ", ".join(READ_METHODS)
    response["Cache-Control"] = "public, max-age=86400"
    return with_read_headers(response)


def conditional(request, response):
    """ETag and Last-Modified on a 200, and the 304 when the client has it already: answered here
    rather than by the page cache's own 304 so that it carries the CORS headers too, and with the
    200's `Cache-Control` (the page cache leaves a response that has one as it is)."""
    set_cache_headers(request, response)
    set_response_etag(response)
    changed = last_change()
    if changed:
        response["Last-Modified"] = http_date(changed)
    return get_conditional_response(request, etag=response["ETag"], last_modified=changed or None, response=response)


def read_only(view):
    """One operation's view, answered as said in the module's docstring."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return preflight()
        limit, window = settings.API_RATE_LIMIT, settings.API_RATE_WINDOW
        if not ratelimit.hit(request, THROTTLE_SCOPE, limit, window):
            return with_read_headers(ratelimit.too_many_requests(request, THROTTLE_SCOPE, window, as_json=True))
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        response = view(request, *args, **kwargs)
        if head:
            request.method = "HEAD"
        if response.status_code == 200 and request.method in ("GET", "HEAD"):
            response = conditional(request, response)
        return with_read_headers(response)

    return wrapped
