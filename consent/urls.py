"""Mounted under /cookie/ (and /en/cookie/ for English pages, asap_site/urls.py) next to
django-cookie-consent's own accept/decline/status URLs. The preferences page's address is in the
page's language: /cookie/preferenze/, /en/cookie/preferences/."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path("stato/", views.ConsentStatusView.as_view(), name="consent_status"),
    path("scelta/", views.decision, name="consent_decision"),
    path(_("preferenze/"), views.preferences, name="consent_preferences"),
]
