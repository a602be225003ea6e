"""Factories for the cookie registry and consent records, and the registry the tests share."""

import factory
from cookie_consent.models import Cookie, CookieGroup
from django.utils import timezone

from consent.models import ConsentRecord, CookieDetails


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


def make_registry(site, provider="first_party", **analytics_fields):
    """The demo's shape: necessary cookies, statistics, third-party videos; analytics switched on."""
    from cookie_consent.cache import delete_cache

    from analytics.models import AnalyticsSettings
    from consent.models import CookieBannerSettings

    delete_cache()
    necessary = CookieGroupFactory(varname="necessari", name="Necessari", is_required=True, is_deletable=False)
    statistics = CookieGroupFactory(varname="statistiche", name="Statistiche", ordering=10)
    videos = CookieGroupFactory(varname="video", name="Video di terze parti", ordering=20)
    CookieDetailsFactory(cookie=CookieFactory(cookiegroup=necessary, name="cookie_consent"), duration="6 mesi")
    CookieDetailsFactory(
        cookie=CookieFactory(cookiegroup=videos, name="YSC", domain=".youtube.com"),
        provider="Google Ireland (YouTube)",
        duration="Sessione",
        is_third_party=True,
    )
    analytics = AnalyticsSettings.for_site(site)
    analytics.provider = provider
    analytics.cookie_group = statistics
    for name, value in analytics_fields.items():
        setattr(analytics, name, value)
    analytics.save()
    banner = CookieBannerSettings.for_site(site)
    banner.embed_group = videos
    banner.save()
    return {"necessary": necessary, "statistics": statistics, "videos": videos, "site": site}
