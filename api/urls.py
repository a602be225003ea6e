"""/api/v3/: every operation of the API (and its schema and docs page) answered through `read_only`
(CORS, licence, Last-Modified, throttle)."""

from django.urls import URLPattern, URLResolver

from .http import read_only
from .service import api


def _wrapped(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _wrapped(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            pattern.callback = read_only(pattern.callback)
    return patterns


app_name = api.urls_namespace  # "asap_api", which ninja's docs page reverses
urlpatterns = _wrapped(api.urls[0])
