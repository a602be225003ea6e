"""Per-visitor endpoints, all uncached: consent status (with the CSRF token for the banner's POST),
the decision, a no-JavaScript preferences page and the statistics beacon. Public pages never carry
per-visitor markup; the static script asks these endpoints."""

import json
import re
from urllib.parse import urlsplit

from cookie_consent.cache import all_cookie_groups
from cookie_consent.util import get_cookie_value_from_request, get_declined_cookie_groups
from cookie_consent.views import CookieStatusView
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .forms import DecisionForm
from .models import CookieBannerSettings, DailyPageView, registry_groups
from .site_settings import AnalyticsSettings
from .state import read_state, save_decision

BOT_RE = re.compile(r"bot|crawl|spider|slurp|bingpreview|facebookexternalhit|python-requests|curl|wget", re.I)
HOSTNAME_RE = re.compile(r"^[a-z0-9.-]{1,253}$")
MAX_BEACON_BYTES = 2048


def policy_version(request):
    return CookieBannerSettings.for_request(request).policy_version


@method_decorator(never_cache, name="dispatch")
class ConsentStatusView(CookieStatusView):
    """django-cookie-consent's status endpoint reshaped for our banner: whether to ask, the groups
    accepted under the current policy, the consent id and the CSRF token for the decision POST, with
    `Cache-Control: no-store` (the package sends none)."""

    def get(self, request):
        state = read_state(request, policy_version(request))
        declined = [group.varname for group in get_declined_cookie_groups(request)]
        return JsonResponse(
            {
                "ask": state.ask,
                "acceptedCookieGroups": state.accepted,
                "declinedCookieGroups": declined,
                "consentId": state.consent_id,
                "csrftoken": get_token(request),
                "decisionUrl": reverse("consent_decision"),
            }
        )


@never_cache
@require_POST
def decision(request):
    """The banner's POST (fetch with the CSRF token from the status endpoint)."""
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    response = JsonResponse({"ok": True})
    record = save_decision(
        request, response, form.accepted_groups(), form.cleaned_data["action"], policy_version(request)
    )
    response.content = json.dumps({"ok": True, "accepted": record.accepted_groups, "consentId": record.consent_id})
    return response


@never_cache
def preferences(request):
    """The same choices without JavaScript: a form on its own uncached URL (so its CSRF token never
    ends up in a cacheable page)."""
    status = 200
    if request.method == "POST":
        form = DecisionForm(request.POST)
        if form.is_valid():
            response = redirect(f"{reverse('consent_preferences')}?salvato=1")
            save_decision(
                request, response, form.accepted_groups(), form.cleaned_data["action"], policy_version(request)
            )
            return response
        status = 400
    else:
        state = read_state(request, policy_version(request))
        form = DecisionForm(initial={"cookie_groups": state.accepted, "action": "custom"})
    context = {"form": form, "saved": request.GET.get("salvato") == "1", "groups": registry_groups()}
    return render(request, "consent/preferences.html", context, status=status)


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
