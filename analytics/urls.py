"""Mounted under /statistiche/."""

from django.urls import path

from . import views

urlpatterns = [path("visita/", views.beacon, name="analytics_beacon")]
