"""Per-visitor endpoints, all uncached: consent status (with the CSRF token for the banner's POST),
the decision and a no-JavaScript preferences page. Public pages never carry per-visitor markup; the
static script asks these endpoints."""

import json

from cookie_consent.util import get_declined_cookie_groups
from cookie_consent.views import CookieStatusView
from django.conf import settings
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from serving import ratelimit

from .forms import DecisionForm
from .models import CookieBannerSettings, registry_groups
from .state import read_state, save_decision


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
    """The banner's POST (fetch with the CSRF token from the status endpoint). Each decision stores a
    consent record, so one client can make only a few per window."""
    window = settings.CONSENT_DECISION_RATE_WINDOW
    if not ratelimit.hit(request, "consent", settings.CONSENT_DECISION_RATE_LIMIT, window):
        return ratelimit.too_many_requests(request, "consent", window, as_json=True)
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
        window = settings.CONSENT_DECISION_RATE_WINDOW
        if not ratelimit.hit(request, "consent", settings.CONSENT_DECISION_RATE_LIMIT, window):
            return ratelimit.too_many_requests(request, "consent", window)
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
