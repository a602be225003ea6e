"""The parts of a project page edited inline: its organisations with their role, its results, its
documents and its related projects."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .snippets import NOT_NEGATIVE, Organisation


class ProjectOrganisation(Orderable):
    class Role(models.TextChoices):
        FUNDER = "finanziatore", _("Finanziatore")
        AUTHORITY = "autorita", _("Autorità responsabile")
        LEAD = "capofila", _("Capofila")
        PARTNER = "partner", _("Partner")
        IMPLEMENTER = "attuatore", _("Soggetto attuatore")

    project = ParentalKey("projects.ProjectPage", on_delete=models.CASCADE, related_name="organisation_roles")
    organisation = models.ForeignKey(
        Organisation, verbose_name="Organizzazione", on_delete=models.PROTECT, related_name="project_roles"
    )
    role = models.CharField("Ruolo", max_length=20, choices=Role.choices, default=Role.PARTNER)

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "Organizzazione del progetto"
        verbose_name_plural = "Organizzazioni del progetto"

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class ProjectResult(Orderable):
    project = ParentalKey("projects.ProjectPage", on_delete=models.CASCADE, related_name="results")
    name = models.CharField("Indicatore", max_length=255)
    unit = models.CharField("Unità di misura", max_length=60, blank=True, help_text="Per esempio: persone, corsi, ore.")
    target = models.DecimalField(
        "Obiettivo", max_digits=14, decimal_places=2, null=True, blank=True, validators=[NOT_NEGATIVE]
    )
    achieved = models.DecimalField(
        "Raggiunto", max_digits=14, decimal_places=2, null=True, blank=True, validators=[NOT_NEGATIVE]
    )

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("unit"), FieldPanel("target"), FieldPanel("achieved")])]

    class Meta(Orderable.Meta):
        verbose_name = "Risultato"
        verbose_name_plural = "Risultati"


class ProjectDocument(Orderable):
    project = ParentalKey("projects.ProjectPage", on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Documento", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField("Titolo", max_length=255, blank=True, help_text="Se vuoto si usa il titolo del documento.")

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "Documento"
        verbose_name_plural = "Documenti"

    @property
    def link_title(self):
        return self.title or self.document.title


class ProjectRelatedLink(Orderable):
    project = ParentalKey("projects.ProjectPage", on_delete=models.CASCADE, related_name="related_links")
    related_project = models.ForeignKey(
        "projects.ProjectPage", verbose_name="Progetto", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("related_project")]

    class Meta(Orderable.Meta):
        verbose_name = "Progetto correlato"
        verbose_name_plural = "Progetti correlati"

    def clean(self):
        if self.project_id and self.related_project_id == self.project_id:
            raise ValidationError({"related_project": "Un progetto non può essere correlato a sé stesso."})
