"""The beacon that counts a page view after the visitor accepted the statistics."""

import json
import re
from urllib.parse import urlsplit

from cookie_consent.cache import all_cookie_groups
from cookie_consent.util import get_cookie_value_from_request
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from serving import ratelimit

from .models import AnalyticsSettings, DailyPageView

BOT_RE = re.compile(r"bot|crawl|spider|slurp|bingpreview|facebookexternalhit|python-requests|curl|wget", re.I)
HOSTNAME_RE = re.compile(r"^[a-z0-9.-]{1,253}$")
MAX_BEACON_BYTES = 2048
BEACON_KEYS = {"page", "referrer", "device"}
MAX_REFERRER_LENGTH = 2000


def _reject_constant(name):
    raise ValueError(f"{name} non è un numero JSON")


def parse_beacon(body):
    """The beacon's {"page": id, "referrer": url, "device": class}, or None for anything else: not
    JSON, not an object, unknown keys, wrong types, NaN/Infinity, huge numbers or deep nesting."""
    try:
        payload = json.loads(body or b"{}", parse_constant=_reject_constant, parse_float=_reject_constant)
    except (ValueError, RecursionError):
        return None
    if not isinstance(payload, dict) or not payload.keys() <= BEACON_KEYS:
        return None
    page, referrer = payload.get("page"), payload.get("referrer", "")
    if type(page) is not int or not 0 < page < 2**31:
        return None
    if not isinstance(referrer, str) or len(referrer) > MAX_REFERRER_LENGTH:
        return None
    device = device_class(payload.get("device"))
    if device is None:
        return None
    return {"page": page, "referrer": referrer, "device": device}


def device_class(value):
    return value if value in DailyPageView.Device.values else None


def referrer_domain(referrer, own_host):
    """The referrer's host without "www.", or "" (direct, our own site, or not a URL with a host)."""
    try:
        host = (urlsplit(referrer).hostname or "").lower().removeprefix("www.") if referrer else ""
    except ValueError:  # e.g. "http://[::1" (an unclosed IPv6 bracket)
        return ""
    if not host or not HOSTNAME_RE.match(host) or host == own_host.lower().split(":")[0].removeprefix("www."):
        return ""
    return host


@csrf_exempt
@never_cache
@require_POST
def beacon(request):
    """Counts one page view. Cookieless and CSRF-exempt on purpose: it only adds 1 to a daily total,
    reads nothing back and stores no visitor data. It still checks the analytics consent cookie and
    skips editors (logged in), bots and malformed input, and is rate-limited per client."""
    window = settings.ANALYTICS_BEACON_RATE_WINDOW
    if not ratelimit.hit(request, "beacon", settings.ANALYTICS_BEACON_RATE_LIMIT, window):
        return ratelimit.too_many_requests(request, "beacon", window, as_json=True)
    if len(request.body) > MAX_BEACON_BYTES:
        return HttpResponseBadRequest("Richiesta troppo grande.")
    payload = parse_beacon(request.body)
    if payload is None:
        return HttpResponseBadRequest("Dati non validi.")
    analytics = AnalyticsSettings.for_request(request)
    if not analytics.is_active or request.user.is_authenticated:
        return HttpResponse(status=204)
    if BOT_RE.search(request.headers.get("User-Agent", "")):
        return HttpResponse(status=204)
    if get_cookie_value_from_request(request, analytics.cookie_group.varname) is not True:
        return HttpResponse(status=204)
    page = Page.objects.live().filter(pk=payload["page"]).first()
    if page is None or analytics.cookie_group.varname not in all_cookie_groups():
        return HttpResponse(status=204)
    DailyPageView.count(page, referrer_domain(payload["referrer"], request.get_host()), payload["device"])
    return HttpResponse(status=204)
