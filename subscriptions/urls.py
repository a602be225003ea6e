"""Mounted under /newsletter/ (and /en/newsletter/, asap_site/urls.py). The addresses are in the
page's language: /newsletter/iscriviti/, /en/newsletter/subscribe/. Every route here is
uncached (a CSRF token, or a signed link that is one person's own)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path(_("iscriviti/"), views.signup, name="subscriptions_signup"),
    path(_("iscriviti/grazie/"), views.signup_thanks, name="subscriptions_signup_thanks"),
    path(_("conferma/<str:token>/"), views.confirm, name="subscriptions_confirm"),
    path(_("preferenze/<str:token>/"), views.preferences, name="subscriptions_preferences"),
    path(_("disiscriviti/<str:token>/"), views.unsubscribe, name="subscriptions_unsubscribe"),
]
