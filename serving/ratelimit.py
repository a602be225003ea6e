"""One rate limiter for the whole site, counted in the `ratelimit` cache (the default one when there is
none): Redis in production, so every worker process sees the same counts (with the local-memory
cache each process counts on its own), in a database of its own so that emptying or evicting pages
does not reset them (docs/redis.md).

The client is the address that connected to us (REMOTE_ADDR) or, behind TRUSTED_PROXY_COUNT proxies,
the address the outermost trusted proxy saw: the N-th from the right in X-Forwarded-For, since each
proxy appends the address it received the request from. Nothing else the client sends is trusted.
IPv6 clients count per /64 network, what one subscriber usually gets.

A client's window opens with its first counted request; Retry-After is the time left in it. If the
cache is unreachable or full nothing can be counted and requests are let through (fail open): an
outage must not lock people out, nor lose what they sent. Logins stay throttled through an outage:
django-axes counts in the database."""

import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import caches

from .errors import too_many_requests as too_many_requests_response


def _counters():
    return caches["ratelimit" if "ratelimit" in settings.CACHES else "default"]


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request):
    """The client's IP address, None when there is none (also django-axes' AXES_CLIENT_IP_CALLABLE)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= proxies:
            forwarded = _valid_ip(hops[-proxies])
            if forwarded:
                return forwarded
    return _valid_ip(remote)


def _client_id(request):
    address = client_address(request)
    if address is None:
        return "unknown"
    ip = ipaddress.ip_address(address)
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _key(request, scope):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{_client_id(request)}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def _open_window(key, window):
    """Start counting at 1; the window's end is kept beside the count, for Retry-After."""
    if not _counters().add(key, 1, timeout=window):
        return False
    _counters().set(f"{key}:end", time.time() + window, timeout=window)
    return True


def hit(request, scope, limit=None, window=None):
    """Count one request of this client; False when that puts it over the limit of its window."""
    limit = limit or settings.FORM_RATE_LIMIT
    window = window or settings.FORM_RATE_WINDOW
    key = _key(request, scope)
    if _open_window(key, window):
        return True
    try:
        count = _counters().incr(key)
    except ValueError:  # the window ended between add() and incr(), or the cache is unreachable
        count = 1 if _open_window(key, window) else 0
    return count <= limit


def blocked(request, scope, limit=None):
    """True when this client has used up its current window (counts nothing)."""
    return (_counters().get(_key(request, scope)) or 0) >= (limit or settings.FORM_RATE_LIMIT)


def too_many_requests(request, scope, window=None, kind="requests", as_json=False):
    """The 429 answer (branded page, or JSON for JSON clients or with as_json) with Retry-After: the
    rest of the window."""
    end = _counters().get(f"{_key(request, scope)}:end")
    seconds_left = end - time.time() if end else window or settings.FORM_RATE_WINDOW
    return too_many_requests_response(request, seconds_left, kind, as_json=as_json)
