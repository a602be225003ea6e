"""Which statistics run, edited in *Impostazioni → Statistiche del sito* (its own permission)."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.csp import origin

GA4_ID_RE = re.compile(r"^G-[A-Z0-9]{4,20}$")
# What gtag.js loads and where it sends hits (Google's documented CSP for Google Analytics 4).
GA4_CSP_SOURCES = {
    "script-src": ["https://*.googletagmanager.com"],
    "img-src": ["https://*.google-analytics.com", "https://*.googletagmanager.com"],
    "connect-src": [
        "https://*.google-analytics.com",
        "https://*.analytics.google.com",
        "https://*.googletagmanager.com",
    ],
}


class AnalyticsProvider(models.TextChoices):
    NONE = "none", "Nessuna statistica"
    FIRST_PARTY = "first_party", "Solo statistiche interne (senza cookie)"
    MATOMO = "matomo", "Statistiche interne e Matomo"
    PLAUSIBLE = "plausible", "Statistiche interne e Plausible"
    GA4 = "ga4", "Statistiche interne e Google Analytics 4"


@register_setting(icon="table")
class AnalyticsSettings(BaseSiteSetting):
    """Which statistics run, always only after the visitor accepts `cookie_group`."""

    select_related = ["cookie_group"]

    provider = models.CharField(
        "Servizio di statistica", max_length=20, choices=AnalyticsProvider.choices, default=AnalyticsProvider.NONE
    )
    cookie_group = models.ForeignKey(
        "cookie_consent.CookieGroup",
        verbose_name="Categoria di cookie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_required": False},
        help_text="Le statistiche partono solo dopo che il visitatore ha accettato questa categoria.",
    )
    matomo_url = models.URLField(
        "Indirizzo di Matomo", blank=True, help_text="Ad esempio https://statistiche.example.org/"
    )
    matomo_site_id = models.PositiveIntegerField("ID del sito in Matomo", null=True, blank=True)
    plausible_domain = models.CharField("Dominio in Plausible", max_length=255, blank=True)
    plausible_script_host = models.URLField(
        "Server dello script di Plausible", blank=True, default="https://plausible.io"
    )
    ga4_measurement_id = models.CharField(
        "ID di misurazione GA4", max_length=32, blank=True, help_text="Ad esempio G-ABC123XYZ."
    )

    panels = [
        FieldPanel("provider"),
        FieldPanel("cookie_group"),
        MultiFieldPanel([FieldPanel("matomo_url"), FieldPanel("matomo_site_id")], heading="Matomo"),
        MultiFieldPanel([FieldPanel("plausible_domain"), FieldPanel("plausible_script_host")], heading="Plausible"),
        MultiFieldPanel([FieldPanel("ga4_measurement_id")], heading="Google Analytics 4"),
    ]

    class Meta:
        verbose_name = "Statistiche del sito"

    def clean(self):
        errors = {}
        if self.provider != AnalyticsProvider.NONE and not self.cookie_group_id:
            errors["cookie_group"] = "Scegli la categoria di cookie che il visitatore deve accettare."
        if self.provider == AnalyticsProvider.MATOMO:
            if not self.matomo_url:
                errors["matomo_url"] = "Indica l'indirizzo di Matomo."
            if not self.matomo_site_id:
                errors["matomo_site_id"] = "Indica l'ID del sito in Matomo."
        if self.provider == AnalyticsProvider.PLAUSIBLE:
            if not self.plausible_domain:
                errors["plausible_domain"] = "Indica il dominio registrato in Plausible."
            if not self.plausible_script_host:
                errors["plausible_script_host"] = "Indica il server dello script di Plausible."
        if self.provider == AnalyticsProvider.GA4 and not GA4_ID_RE.match(self.ga4_measurement_id or ""):
            errors["ga4_measurement_id"] = "Scrivi un ID nel formato G-ABC123XYZ."
        if errors:
            raise ValidationError(errors)

    @property
    def is_active(self):
        return self.provider != AnalyticsProvider.NONE and self.cookie_group_id is not None

    def csp_sources(self):
        """The hosts the configured provider's script comes from and reports to, for the page's
        Content-Security-Policy (core/csp.py); nothing when no external provider is active."""
        if not self.is_active:
            return {}
        if self.provider == AnalyticsProvider.MATOMO and origin(self.matomo_url):
            host = origin(self.matomo_url)
            return {"script-src": [host], "img-src": [host], "connect-src": [host]}
        if self.provider == AnalyticsProvider.PLAUSIBLE and origin(self.plausible_script_host):
            host = origin(self.plausible_script_host)
            return {"script-src": [host], "connect-src": [host]}
        if self.provider == AnalyticsProvider.GA4:
            return GA4_CSP_SOURCES
        return {}
