"""The page cache's hits answered in front of Django.

A hit needs nothing Django builds for a request (the request object, the signals, the middleware),
so `PageCacheApplication` wraps the WSGI application (`asap_site/wsgi.py`) and answers it from the
environ alone: one `stat` or cache read for the generation, one for the page. Everything else, misses
included, goes to Django, where `PageCacheMiddleware` stores what is storable under the same key."""

from .middleware import age_header, looked_up


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        _key, _generation, entry = looked_up(environ)
        if entry:
            status, reason, headers, content = entry.value
            start_response(f"{status} {reason}", [*headers, age_header(entry)])
            return [content]
        return self.application(environ, start_response)
