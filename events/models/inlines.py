"""The parts of an event page edited inline: its speakers and the projects it belongs to."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class EventSpeaker(Orderable):
    event = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("Nome e cognome"), max_length=120)
    role = models.CharField(_("Ruolo ed ente"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("Relatore o relatrice")
        verbose_name_plural = _("Relatori")


class EventRelatedProject(Orderable):
    event = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="related_projects")
    project = models.ForeignKey(
        "projects.ProjectPage", verbose_name=_("Progetto"), on_delete=models.CASCADE, related_name="related_events"
    )

    panels = [FieldPanel("project")]

    class Meta(Orderable.Meta):
        verbose_name = _("Progetto collegato")
        verbose_name_plural = _("Progetti collegati")
