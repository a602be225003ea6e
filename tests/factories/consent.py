"""Factories for the cookie registry, consent records and page-view aggregates."""

import factory
from cookie_consent.models import Cookie, CookieGroup
from django.utils import timezone

from consent.models import ConsentRecord, CookieDetails, DailyPageView


class CookieGroupFactory(factory.django.DjangoModelFactory):
    varname = factory.Sequence(lambda n: f"gruppo-{n}")
    name = factory.Sequence(lambda n: f"Categoria {n}")
    description = "Una categoria di prova."
    is_required = False
    is_deletable = True

    class Meta:
        model = CookieGroup
        django_get_or_create = ("varname",)


class CookieFactory(factory.django.DjangoModelFactory):
    cookiegroup = factory.SubFactory(CookieGroupFactory)
    name = factory.Sequence(lambda n: f"cookie_{n}")
    description = "Un cookie di prova."
    domain = ""

    class Meta:
        model = Cookie


class CookieDetailsFactory(factory.django.DjangoModelFactory):
    cookie = factory.SubFactory(CookieFactory)
    provider = "ASAP (prima parte)"
    duration = "6 mesi"
    is_third_party = False

    class Meta:
        model = CookieDetails


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    consent_id = factory.Sequence(lambda n: f"{n:032x}")
    action = ConsentRecord.Action.ACCEPT_ALL
    choices = factory.LazyFunction(lambda: {"statistiche": True})
    policy_version = "1"
    created_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ConsentRecord


class DailyPageViewFactory(factory.django.DjangoModelFactory):
    day = factory.LazyFunction(timezone.localdate)
    referrer_domain = ""
    device_class = DailyPageView.Device.DESKTOP
    views = 1

    class Meta:
        model = DailyPageView
