"""/api/v3/: every operation of the API (and its schema and docs page) answered through `read_only`
(CORS, licence, Last-Modified, throttle), and a JSON 404 for any other address under it."""

from django.urls import URLPattern, URLResolver, re_path
from wagtail.api.v3.errors import problem_response

from .http import read_only
from .service import api


def _wrapped(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _wrapped(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            pattern.callback = read_only(pattern.callback)
    return patterns


def unknown_address(request, rest):
    """Any other address under /api/v3/ (a path no operation has, an id with a slash in it): a
    problem document like the API's other errors, not the site's HTML page."""
    return problem_response(status=404, detail="Indirizzo sconosciuto: vedi /api/v3/docs/.")


app_name = api.urls_namespace  # "asap_api", which ninja's docs page reverses
urlpatterns = _wrapped([*api.urls[0], re_path(r"^(?P<rest>.*)$", unknown_address)])
