"""A small per-client limit on form posts, kept in the cache (shared between processes when the
cache is Redis). The client is the connecting address; behind a proxy, set the proxy to pass the
real address as REMOTE_ADDR."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_key(request, scope):
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def hit(request, scope):
    """Count one post; return False when the client is over the limit for the current window."""
    key = client_key(request, scope)
    window = settings.FORM_RATE_WINDOW
    if cache.add(key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=window)
            count = 1
    return count <= settings.FORM_RATE_LIMIT
