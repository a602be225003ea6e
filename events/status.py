"""Where an event stands at a given moment. Computed when a page is rendered, never stored: the page
cache is told when the answer next changes (`next_change`), so "Concluso" shows without anyone
editing the page."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventStatus(models.TextChoices):
    UPCOMING = "in_programma", _("In programma")
    RUNNING = "in_corso", _("In corso")
    PAST = "concluso", _("Concluso")
    CANCELLED = "annullato", _("Annullato")


def event_status(event, now=None):
    now = now or timezone.now()
    if event.cancelled:
        return EventStatus.CANCELLED
    if event.end <= now:
        return EventStatus.PAST
    if event.start <= now:
        return EventStatus.RUNNING
    return EventStatus.UPCOMING


def next_change(moments, now=None):
    """Seconds until the first of `moments` after `now` (an event starts or ends), or None."""
    now = now or timezone.now()
    later = [moment for moment in moments if moment > now]
    return max(int((min(later) - now).total_seconds()), 1) if later else None
