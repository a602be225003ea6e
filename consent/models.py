"""Proof of consent, extra facts about registered cookies and the generated cookie policy page. The
registry itself is django-cookie-consent's CookieGroup and Cookie."""

from cookie_consent.models import Cookie, CookieGroup
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.dates import italian_datetime
from core.models import BasePage

from .site_settings import CookieBannerSettings

__all__ = ["ConsentRecord", "CookieBannerSettings", "CookieDetails", "CookiePolicyPage"]


class ConsentRecord(models.Model):
    """One decision taken in the banner or on the preferences page. No IP address and no user agent:
    the random consent id is the link to the visitor's own consent cookie."""

    class Action(models.TextChoices):
        ACCEPT_ALL = "accept_all", "Accetta tutti"
        REJECT_ALL = "reject_all", "Rifiuta"
        CLOSE = "close", "Chiusura del banner (rifiuto)"
        CUSTOM = "custom", "Scelta per categoria"

    consent_id = models.CharField("ID del consenso", max_length=32, db_index=True)
    action = models.CharField("Azione", max_length=20, choices=Action.choices)
    choices = models.JSONField("Scelte per categoria", default=dict, help_text="Categoria: accettata (true) o no.")
    policy_version = models.CharField("Versione della policy", max_length=32)
    registry_version = models.CharField("Versione del registro dei cookie", max_length=64, blank=True)
    created_at = models.DateTimeField("Data e ora", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "Registrazione del consenso"
        verbose_name_plural = "Registro dei consensi"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.consent_id} · {self.get_action_display()} · {italian_datetime(self.created_at)}"

    @property
    def accepted_groups(self):
        return sorted(name for name, accepted in self.choices.items() if accepted)


class CookieDetails(models.Model):
    """What the cookie policy needs and django-cookie-consent's Cookie lacks."""

    cookie = models.OneToOneField(Cookie, on_delete=models.CASCADE, primary_key=True, related_name="details")
    provider = models.CharField("Fornitore", max_length=120, default="ASAP (prima parte)")
    duration = models.CharField("Durata", max_length=80, default="Sessione", help_text="Ad esempio «6 mesi».")
    is_third_party = models.BooleanField("Di terza parte", default=False)

    class Meta:
        verbose_name = "Dettagli del cookie"
        verbose_name_plural = "Dettagli dei cookie"

    def __str__(self):
        return str(self.cookie)


class CookiePolicyPage(BasePage):
    """The cookie policy, generated from the registry: editors write the introduction and any extra
    text, the tables always list every registered cookie."""

    intro = models.TextField("Sommario", blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name="Testo aggiuntivo", blank=True)

    parent_page_types = ["home.HomePage", "standardpages.ContentPage"]
    subpage_types = []
    max_count = 1

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    template = "consent/cookie_policy_page.html"

    class Meta:
        verbose_name = "Cookie policy (generata dal registro)"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cookie_groups"] = registry_groups()
        return context


def registry_groups():
    """Every group with its cookies and their details, in a constant number of queries."""
    return list(
        CookieGroup.objects.order_by("-is_required", "ordering", "name").prefetch_related(
            models.Prefetch("cookie_set", queryset=Cookie.objects.select_related("details").order_by("name"))
        )
    )


def registry_version():
    """Changes whenever a group or cookie is added: the newest creation time in the registry."""
    newest = [
        CookieGroup.objects.aggregate(newest=models.Max("created"))["newest"],
        Cookie.objects.aggregate(newest=models.Max("created"))["newest"],
    ]
    newest = [value for value in newest if value]
    return max(newest).isoformat() if newest else ""
