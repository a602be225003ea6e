"""A project's status follows from its dates, unless an editor forces one; nothing is stored, so a
project moves from "in corso" to "concluso" without anyone saving it. The same rule exists in
Python (`project_status`, for one page) and in SQL (`status_expression`, so the catalogue filters
and counts by status in the database)."""

from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PLANNED = "programmato", _("Programmato")
    IN_PROGRESS = "in-corso", _("In corso")
    CONCLUDED = "concluso", _("Concluso")
    CANCELLED = "annullato", _("Annullato")


def project_status(start, end, override, today):
    """Actual dates win over planned ones (the caller passes the effective `start` and `end`)."""
    if override:
        return override
    if end and end < today:
        return Status.CONCLUDED.value
    if start and start <= today:
        return Status.IN_PROGRESS.value
    return Status.PLANNED.value


def status_expression(today):
    """`project_status` over the annotations `effective_start` and `effective_end`."""
    return Case(
        When(~Q(status_override=""), then=F("status_override")),
        When(effective_end__lt=today, then=Value(Status.CONCLUDED.value)),
        When(effective_start__lte=today, then=Value(Status.IN_PROGRESS.value)),
        default=Value(Status.PLANNED.value),
        output_field=models.CharField(),
    )
