"""Mounted under /cookie/ next to django-cookie-consent's own accept/decline/status URLs."""

from django.urls import path

from . import views

urlpatterns = [
    path("stato/", views.ConsentStatusView.as_view(), name="consent_status"),
    path("scelta/", views.decision, name="consent_decision"),
    path("preferenze/", views.preferences, name="consent_preferences"),
]
