"""The beacon that counts a page view after the visitor accepted the statistics."""

import json
import re
from urllib.parse import urlsplit

from cookie_consent.cache import all_cookie_groups
from cookie_consent.util import get_cookie_value_from_request
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .models import AnalyticsSettings, DailyPageView

BOT_RE = re.compile(r"bot|crawl|spider|slurp|bingpreview|facebookexternalhit|python-requests|curl|wget", re.I)
HOSTNAME_RE = re.compile(r"^[a-z0-9.-]{1,253}$")
MAX_BEACON_BYTES = 2048


def device_class(value):
    return value if value in DailyPageView.Device.values else None


def referrer_domain(referrer, own_host):
    host = (urlsplit(referrer).hostname or "").lower().removeprefix("www.") if referrer else ""
    if not host or not HOSTNAME_RE.match(host) or host == own_host.lower().split(":")[0].removeprefix("www."):
        return ""
    return host


@csrf_exempt
@never_cache
@require_POST
def beacon(request):
    """Counts one page view. Cookieless and CSRF-exempt on purpose: it only adds 1 to a daily total,
    reads nothing back and stores no visitor data. It still checks the analytics consent cookie and
    skips editors (logged in), bots and malformed input."""
    if len(request.body) > MAX_BEACON_BYTES:
        return HttpResponseBadRequest("Richiesta troppo grande.")
    try:
        payload = json.loads(request.body or b"{}")
        page_id = int(payload.get("page"))
    except (ValueError, TypeError, AttributeError):
        return HttpResponseBadRequest("Dati non validi.")
    device = device_class(payload.get("device"))
    if device is None or not isinstance(payload.get("referrer", ""), str):
        return HttpResponseBadRequest("Dati non validi.")
    analytics = AnalyticsSettings.for_request(request)
    if not analytics.is_active or request.user.is_authenticated:
        return HttpResponse(status=204)
    if BOT_RE.search(request.headers.get("User-Agent", "")):
        return HttpResponse(status=204)
    if get_cookie_value_from_request(request, analytics.cookie_group.varname) is not True:
        return HttpResponse(status=204)
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None or analytics.cookie_group.varname not in all_cookie_groups():
        return HttpResponse(status=204)
    DailyPageView.count(page, referrer_domain(payload.get("referrer", ""), request.get_host()), device)
    return HttpResponse(status=204)
