"""The page cache's hits answered in front of Django.

A hit needs nothing Django builds for a request (the request object, the signals, the middleware),
so `PageCacheApplication` wraps the WSGI application (`asap_site/wsgi.py`) and answers it from the
environ alone: one `stat` or cache read for the generation, one for the page, and a 304 without the
body when the browser already has it (If-None-Match). Everything else, misses included, goes to
Django, where `PageCacheMiddleware` stores what is storable under the same key."""

import time

from .hits import entry_etag, hit_headers, looked_up, not_modified

# What a 304 repeats of the page's headers (RFC 9110, 15.4.5).
NOT_MODIFIED_HEADERS = {"cache-control", "content-location", "date", "etag", "expires", "vary"}


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        _key, _generation, entry = looked_up(environ)
        if entry:
            status, reason, headers, content = entry.value
            if not_modified(environ, entry_etag(entry)):
                kept = [(name, value) for name, value in headers if name.lower() in NOT_MODIFIED_HEADERS]
                start_response("304 Not Modified", [*kept, *hit_headers(entry)])
                return []
            start_response(f"{status} {reason}", [*headers, *hit_headers(entry)])
            return [content]
        return self.application(environ, start_response)


class CpuTimedApplication:
    """`make bench` only (PAGE_CACHE_MARK_HITS, `asap_site/wsgi.py`): the CPU time the worker spent
    on a request until its headers, as `Server-Timing: cpu;dur=<ms>`. The benchmark compares single
    requests (the first after a publish with the steady one), finer than the kernel's 10 ms ticks."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        started = time.thread_time()

        def timed_start_response(status, headers, exc_info=None):
            spent = (time.thread_time() - started) * 1000
            return start_response(status, [*headers, ("Server-Timing", f"cpu;dur={spent:.3f}")], exc_info)

        return self.application(environ, timed_start_response)
