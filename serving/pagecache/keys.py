"""What a kept page is keyed on: what decides the answer, and nothing a visitor can vary at will.

- The path as the site serves it. A request whose SCRIPT_NAME is not the configured one
  (FORCE_SCRIPT_NAME, or none) had its path shortened by a forwarder header (gunicorn honours a
  `SCRIPT_NAME` header from its trusted proxies): its page is not the page of its address, so it is
  neither looked up nor stored, and no shared cache may keep it.
- The host as ALLOWED_HOSTS accepts it, in its one canonical spelling: lower case, with no port or
  the server's own (what Wagtail picks the site by). Any other spelling (another port, capitals, an
  X-Forwarded-Host the settings don't trust) is served but not kept.
- The query as pages read it: tracking parameters (`utm_*`, `fbclid`...) are dropped before the
  site sees them, the distinct names put in one order (each name's values keep theirs: Django
  reads the last), and a request naming a parameter no public page reads is served but not kept.

All of it is read from the WSGI environ alone, so the WSGI front can answer before Django builds a
request."""

import re
from functools import cache, lru_cache
from urllib.parse import unquote_plus

from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.urls import reverse

MAX_QUERY_LENGTH = 512

# Parameters that tell analytics where a visitor came from: no page reads them.
TRACKING = re.compile(
    r"(utm_|mc_|mtm_|pk_|piwik_|_hs).*"
    r"|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|li_fat_id|srsltid"
    r"|_ga|_gl|mkt_tok|ref_src"
)

# Every query parameter a public page reads (a test checks the catalogues' filters and the views'
# `request.GET` reads against it): a request with any other is served, never kept.
PUBLIC_PARAMETERS = frozenset(
    {
        # catalogues (catalogue.filters; projects.filters, courses.filters) and every paginated list
        "page",
        "page_size",  # the API's lists (api.pagination; 1 to 100, anything else a 422, never kept)
        "q",
        "ordine",
        "fondo",
        "programma",
        "stato",
        "tema",
        "territorio",
        "ente",
        "servizio",
        "anno",
        "area",
        "modalita",
        "citta",
        "mese",
        "quota",
        "aperte",
        "archivio",
        # search (search.views), the theme stylesheet's version (serving.views), the sitemap's pages
        "tipo",
        "v",
        "p",
        # forms that prefill from the link (accessibility, courses, consent)
        "pagina",
        "lista",
        "edizione",
        "salvato",
        # Wagtail's login and password forms
        "next",
        "return_url",
    }
)


@cache
def admin_prefixes():
    return reverse("wagtailadmin_home"), reverse("admin:index")


@cache
def uncached_prefixes():
    """The admins, and the static files and uploads (served as files, never kept here)."""
    files = tuple(prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix and prefix != "/")
    return (*admin_prefixes(), *files)


def public_query(query_string):
    """(the query string as pages get it, whether pages read every name in it): tracking parameters
    dropped, the distinct names in alphabetical order, each name's values in the order sent, every
    piece as it was encoded."""
    named = [(unquote_plus(piece.partition("=")[0]), piece) for piece in query_string.split("&") if piece]
    kept = sorted(((name, piece) for name, piece in named if not TRACKING.fullmatch(name)), key=lambda item: item[0])
    return "&".join(piece for _, piece in kept), all(name in PUBLIC_PARAMETERS for name, _ in kept)


def clean_query(environ):
    """Drop the tracking parameters from the request (outside the admin) before anything reads it:
    what a page shows never depends on them, so neither may its key. Returns whether the query is
    one pages may be kept under."""
    if "asap_site.query_read_by_pages" not in environ:
        query = environ.get("QUERY_STRING", "")
        readable = True
        if query and not environ.get("PATH_INFO", "/").startswith(admin_prefixes()):
            environ["QUERY_STRING"], readable = public_query(query)
        environ["asap_site.query_read_by_pages"] = readable
    return environ["asap_site.query_read_by_pages"]


def scheme(environ):
    """As `HttpRequest.scheme` says it, behind a proxy that sets SECURE_PROXY_SSL_HEADER too."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        if header in environ:
            return "https" if environ[header].split(",", 1)[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def server_port(environ):
    """`HttpRequest.get_port()`: the port Wagtail matches sites on."""
    if settings.USE_X_FORWARDED_PORT and "HTTP_X_FORWARDED_PORT" in environ:
        return str(environ["HTTP_X_FORWARDED_PORT"])
    return str(environ.get("SERVER_PORT", ""))


def canonical_host(environ):
    """The host as sent when it is an accepted host in its canonical spelling, else None: pages
    echo the host (full links, structured data), so a page is kept only under a spelling that
    every visitor of that site sends."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        host = environ["HTTP_X_FORWARDED_HOST"]
    elif "HTTP_HOST" in environ:
        host = environ["HTTP_HOST"]
    else:  # as Django rebuilds it (PEP 3333)
        port = server_port(environ)
        default = "443" if scheme(environ) == "https" else "80"
        host = environ.get("SERVER_NAME", "") + ("" if port == default else f":{port}")
    return host if _is_canonical(host, server_port(environ), tuple(settings.ALLOWED_HOSTS)) else None


@lru_cache(maxsize=64)  # a hit's key needs it: the few hosts a site answers on, checked once
def _is_canonical(host, port, allowed_hosts):
    domain, _port = split_domain_port(host)
    return bool(domain) and validate_host(domain, allowed_hosts) and host in (domain, f"{domain}:{port}")


def has_own_script_name(environ):
    """Whether the path is the site's own: no forwarder header moved part of it into SCRIPT_NAME."""
    return environ.get("SCRIPT_NAME", "") == (settings.FORCE_SCRIPT_NAME or "")


def shareable_url(environ):
    """The URL a public answer to this request may be kept under by any cache, or None when the
    request's address is not one every visitor would send for the same page."""
    if not has_own_script_name(environ) or not clean_query(environ):
        return None
    query = environ.get("QUERY_STRING", "")
    host = canonical_host(environ)
    if host is None or len(query) > MAX_QUERY_LENGTH:
        return None
    return f"{scheme(environ)}://{host}{environ.get('SCRIPT_NAME', '')}{environ.get('PATH_INFO', '/')}?{query}"
