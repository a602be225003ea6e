"""The read-only open data API (/api/v3/), on Wagtail's API layer (`wagtail.api.v3`, django-ninja)."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "API dei dati aperti"
