"""Wagtail's page view, as every page URL reaches it (see `asap_site/urls.py`), and the theme stylesheet."""

from django.db import connections, transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.views import serve as wagtail_serve

from core import theme
from core.parts import site_setting
from core.site_settings import OrganisationSettings

from .routing import route_for_request

YEAR = 365 * 24 * 60 * 60


@transaction.non_atomic_requests
def serve(request, path):
    """Wagtail's `serve`, with ATOMIC_REQUESTS decided per page route: a route marked
    `transaction.non_atomic_requests` (the course enquiry form, which commits the enquiry in its own
    transaction so that nothing after it can roll it back) runs outside the request's transaction;
    every other page runs inside it, as Django would wrap it."""
    route = route_for_request(request, path)  # cached on the request for Wagtail's own lookup
    route_view = route.args[0] if route is not None and route.args else None
    exempt = getattr(route_view, "_non_atomic_requests", set())
    serve_page = wagtail_serve
    for alias, settings_dict in connections.settings.items():
        if settings_dict["ATOMIC_REQUESTS"] and alias not in exempt:
            serve_page = transaction.atomic(using=alias)(serve_page)
    return serve_page(request, path)


def theme_stylesheet(request):
    """`/tema.css`: the brand colour of "Dati dell'organizzazione" as custom properties. Pages link it
    as `/tema.css?v=<fingerprint>`; at the current fingerprint browsers keep it for a year (a new
    colour makes a new address), anything else gets the public pages' headers and the page cache's
    purge (see serving.pagecache)."""
    organisation = site_setting(OrganisationSettings, request)
    response = HttpResponse(theme.stylesheet(organisation.brand_colour), content_type="text/css; charset=utf-8")
    if request.GET.get("v") == organisation.theme_version:
        patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    return response
