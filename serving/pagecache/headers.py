"""Who may keep a response, as `Cache-Control` says it: public pages for shared caches up to the
staleness bound and for browsers only as long as they ask again before using it (`max-age=0`, with
the ETag the middleware adds a 304 costs no body), so an editor's publish shows on the next load;
anything personal for nobody.

A response is personal when it could differ between visitors: the request carries a session (an
editor), it is not a GET/HEAD, or the response sets a cookie, uses the CSRF token (forms) or varies
on cookies. An answer to an address not every visitor would send for that page (`keys`: a
forwarder-shortened path, an odd spelling of the host, a parameter no page reads) and the HTTPS
redirect (shared caches don't key on the scheme) are kept by no shared cache either. Views that set `Cache-Control` themselves (the consent endpoints' `never_cache`) keep
theirs; the admin is left as Wagtail makes it (the middleware does not call this there)."""

from django.conf import settings
from django.http.cookie import parse_cookie
from django.utils.cache import has_vary_header, patch_cache_control

from .keys import shareable_url

# Statuses a shared cache may keep: the page, a permanent redirect, "not found".
SHAREABLE_STATUSES = {200, 301, 404}
PUBLIC_DIRECTIVES = {"public"}
PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}


def has_session(environ):
    """Whether the request (its WSGI environ, Django's `request.META`) carries a session cookie:
    asked by the WSGI front too, before there is a request to parse the cookies of."""
    cookies = environ.get("HTTP_COOKIE", "")
    return settings.SESSION_COOKIE_NAME in cookies and settings.SESSION_COOKIE_NAME in parse_cookie(cookies)


def is_personal(request, response):
    return (
        request.method not in ("GET", "HEAD")
        or has_session(request.META)
        or "HTTP_AUTHORIZATION" in request.META
        or bool(response.cookies)
        or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        or has_vary_header(response, "Cookie")
    )


def is_https_redirect(request, response):
    """SecurityMiddleware's redirect of a plain-HTTP request (SECURE_SSL_REDIRECT)."""
    return (
        settings.SECURE_SSL_REDIRECT
        and response.status_code == 301
        and not request.is_secure()
        and response.get("Location", "").startswith("https://")
    )


def is_shareable(request, response):
    return (
        response.status_code in SHAREABLE_STATUSES
        and not is_personal(request, response)
        and not is_https_redirect(request, response)
        and shareable_url(request.META) is not None
    )


def shared_seconds(response, age=0):
    """How long a shared cache may keep the response, counted like its `Age` from when its oldest
    part was built (`age` seconds ago): PAGE_CACHE_SECONDS, or less when the page changes by the
    clock sooner (`core.parts.changes_in` counts from now, hence the `age` added)."""
    clock = getattr(response, "shared_cache_seconds", None)
    if clock is None:
        return settings.PAGE_CACHE_SECONDS
    return min(settings.PAGE_CACHE_SECONDS, clock + int(age))


def set_cache_headers(request, response, age=0):
    if response.has_header("Cache-Control"):
        return
    if not is_shareable(request, response):
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_BROWSER_CACHE_SECONDS,
            s_maxage=shared_seconds(response, age),
        )


def _directives(response):
    return {part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")}


def is_public(response):
    directives = _directives(response)
    return bool(directives & PUBLIC_DIRECTIVES) and not directives & PRIVATE_DIRECTIVES
