"""Which events a listing shows: upcoming (not yet ended) soonest first, past ones latest first."""

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import PageQuerySet

from .models.registrations import RegistrationStatus


class EventPageQuerySet(PageQuerySet):
    def published(self):
        return self.live().public()

    def upcoming(self, now=None):
        return self.filter(end__gt=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lte=now or timezone.now()).order_by("-start", "-pk")

    def for_listing(self):
        return self.select_related("venue").defer_streamfields()

    def with_seats_taken(self):
        return self.annotate(
            confirmed_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED))
        )
