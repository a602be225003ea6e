"""Factories for the first-party statistics."""

import factory
from django.utils import timezone

from analytics.models import DailyPageView


class DailyPageViewFactory(factory.django.DjangoModelFactory):
    day = factory.LazyFunction(timezone.localdate)
    referrer_domain = ""
    device_class = DailyPageView.Device.DESKTOP
    views = 1

    class Meta:
        model = DailyPageView
