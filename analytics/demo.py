"""Demo: first-party statistics switched on, gated by a "Statistiche" cookie category (the consent
app's demo adds the other categories). Creates only what is missing, so a second run changes nothing."""

from cookie_consent.models import CookieGroup
from wagtail.models import Site

from .models import AnalyticsProvider, AnalyticsSettings

STATISTICS_GROUP = {
    "varname": "statistiche",
    "name": "Statistiche",
    "description": (
        "Contiamo le pagine visitate in forma aggregata, senza cookie e senza dati che ti identifichino, "
        "per capire quali contenuti sono utili."
    ),
    "is_required": False,
    "is_deletable": True,
    "ordering": 10,
}


def seed(stdout):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        stdout.write("analytics: manca il sito, nulla da fare")
        return
    group, created = CookieGroup.objects.get_or_create(varname=STATISTICS_GROUP["varname"], defaults=STATISTICS_GROUP)
    analytics = AnalyticsSettings.for_site(site)
    if analytics.cookie_group_id is None:
        analytics.provider = AnalyticsProvider.FIRST_PARTY
        analytics.cookie_group = group
        analytics.save()
        created += 1
    stdout.write(f"analytics: {created} elementi creati" if created else "analytics: già presente, nulla da fare")
