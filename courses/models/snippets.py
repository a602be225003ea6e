"""Venues: where sessions take place; a snippet (see wagtail_hooks.py) so that one venue serves many courses."""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Venue(TranslatableMixin, index.Indexed, models.Model):
    """Where sessions take place; a snippet (see wagtail_hooks.py) so that one venue serves many courses.
    Translatable (`core.translatable`): its name and accessibility notes; the address stays."""

    translated_field_names = ("name", "accessibility_notes")

    name = models.CharField("Nome", max_length=200)
    address = models.CharField("Indirizzo", max_length=255)
    postal_code = models.CharField("CAP", max_length=5, blank=True)
    city = models.CharField("Comune", max_length=100)
    province = models.CharField("Provincia (sigla)", max_length=2, blank=True)
    accessibility_notes = models.TextField(
        "Note sull'accessibilità", blank=True, help_text="Ingresso, ascensori, servizi, parcheggi riservati."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city"), FieldPanel("province")]),
        FieldPanel("accessibility_notes"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("city"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "Sede dei corsi"
        verbose_name_plural = "Sedi dei corsi"
        ordering = ["city", "name"]

    def __str__(self):
        return f"{self.name} ({self.city})"

    @property
    def full_address(self):
        place = " ".join(part for part in [self.postal_code, self.city] if part)
        if self.province:
            place = f"{place} ({self.province})"
        return f"{self.address}, {place}"
