"""The visitor's pages: the sign-up form (its own uncached address: the footer form on every cached
page only sends the e-mail address here with GET, so no page carries a CSRF token), the thank-you
page, and the pages a signed link opens: confirmation, preferences, unsubscribe. Those answer a
bad or expired link with an Italian page (400 or 410), never a 500; the unsubscribe address also
takes the mail client's one-click POST (RFC 8058), which carries no CSRF token."""

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Site

from core.site_settings import OrganisationSettings
from inbox.flow import FormFlow

from . import lifecycle
from .consent_text import consent_text
from .forms import PreferencesForm, SignupForm
from .links import CONFIRM_SALT, MANAGE_SALT, BadLink, manage_token, subscriber_from_token
from .mail import queue_signup_mail
from .models import Subscriber, Topic


class SignupFlow(FormFlow):
    """The inbox's flow (honeypot, rate limit, stored and queued in one transaction, sent after
    commit) with the double opt-in: the subscriber stays pending until the link is followed."""

    throttle_scope = "newsletter"
    template = "subscriptions/signup.html"

    def get_form(self, data=None):
        initial = {"email": self.request.GET.get("email", "")[:254]} if data is None else None
        return SignupForm(data, initial=initial)

    def get_context(self, form):
        organisation = OrganisationSettings.for_request(self.request)
        return {**super().get_context(form), "privacy_page": organisation.privacy_page, "consent_text": consent_text()}

    def store(self, form):
        data = form.cleaned_data
        language = translation.get_language() if translation.get_language() in ("it", "en") else "it"
        subscriber, self.mail_kind = lifecycle.sign_up(data["email"], data["name"], data["topics"], language)
        return subscriber

    def queue_mails(self, form, subscriber):
        return queue_signup_mail(subscriber, self.mail_kind, Site.find_for_request(self.request))

    def thank_you(self, form, subscriber):  # the same answer for spam, a new and a known address
        return redirect(reverse("subscriptions_signup_thanks"))


_signup_form = SignupFlow.view()


@transaction.non_atomic_requests  # the flow commits the sign-up itself
def signup(request):
    """The sign-up belongs to no page: the flow gets none."""
    return _signup_form(request, None)


@require_GET
def signup_thanks(request):
    context = {"days": settings.SUBSCRIPTIONS_CONFIRMATION_DAYS}
    return TemplateResponse(request, "subscriptions/signup_thanks.html", context)


def _bad_link(request, error):
    status = 410 if error.expired else 400
    return TemplateResponse(request, "subscriptions/bad_link.html", {"expired": error.expired}, status=status)


def _page(request, template, subscriber, status=200, **context):
    return TemplateResponse(request, template, {"subscriber": subscriber, **context}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: a mail scanner that opens every link confirms nothing."""
    max_age = settings.SUBSCRIPTIONS_CONFIRMATION_DAYS * 24 * 3600
    try:
        subscriber = subscriber_from_token(token, salt=CONFIRM_SALT, max_age=max_age)
    except BadLink as error:
        return _bad_link(request, error)
    if subscriber.status in (Subscriber.Status.UNSUBSCRIBED, Subscriber.Status.UNDELIVERABLE):
        return _bad_link(request, BadLink())
    if request.method == "POST":
        lifecycle.confirm(subscriber)
        return redirect(
            reverse("subscriptions_preferences", kwargs={"token": manage_token(subscriber)}) + "?confermata=1"
        )
    return _page(request, "subscriptions/confirm.html", subscriber)


def _managed_subscriber(token):
    return subscriber_from_token(token, salt=MANAGE_SALT)


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    try:
        subscriber = _managed_subscriber(token)
    except BadLink as error:
        return _bad_link(request, error)
    if not subscriber.is_active:
        return _page(request, "subscriptions/not_active.html", subscriber)
    status, saved = 200, False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            lifecycle.change_topics(subscriber, form.cleaned_data["topics"])
            saved = True
        else:
            status = 400
    else:
        form = PreferencesForm(initial={"topics": list(subscriber.topics.values_list("pk", flat=True))})
    context = {
        "form": form,
        "saved": saved,
        "confirmed": request.GET.get("confermata") == "1",
        "topics": Topic.objects.all(),
        "unsubscribe_path": reverse("subscriptions_unsubscribe", kwargs={"token": token}),
    }
    return _page(request, "subscriptions/preferences.html", subscriber, status=status, **context)


@csrf_exempt  # RFC 8058: the mail client posts without a token; the signed address is the authority
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET: a page with a button (a link scanner must not unsubscribe anyone); POST: leave, from
    that button or from the mail client's one-click `List-Unsubscribe=One-Click`."""
    try:
        subscriber = _managed_subscriber(token)
    except BadLink as error:
        return _bad_link(request, error)
    if request.method == "GET":
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            return _page(request, "subscriptions/unsubscribed.html", subscriber, already=True)
        return _page(request, "subscriptions/unsubscribe.html", subscriber)
    one_click = request.POST.get("List-Unsubscribe") == "One-Click"
    lifecycle.unsubscribe(subscriber, source="un clic" if one_click else "pagina")
    return _page(request, "subscriptions/unsubscribed.html", subscriber, already=False)
