"""Wagtail's page view, as every page URL reaches it (see `asap_site/urls.py`)."""

from django.db import connections, transaction
from wagtail.views import serve as wagtail_serve

from .routing import route_for_request


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
