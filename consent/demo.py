"""Demo registry and the generated cookie policy page (the statistics category and settings are the
analytics app's demo). Creates only what is missing, so a second run changes nothing."""

from cookie_consent.models import Cookie, CookieGroup
from wagtail.models import Site

from core.site_settings import OrganisationSettings

from .models import CookieBannerSettings, CookieDetails, CookiePolicyPage

GROUPS = [
    {
        "varname": "necessari",
        "name": "Cookie tecnici necessari",
        "description": "Servono a far funzionare il sito, a ricordare le tue scelte sui cookie e a proteggere i moduli.",
        "is_required": True,
        "is_deletable": False,
        "ordering": 0,
    },
    {
        "varname": "contenuti-esterni",
        "name": "Video e mappe di terze parti",
        "description": "Video (YouTube, Vimeo) e mappe incorporati nelle pagine: i fornitori possono usare cookie propri.",
        "is_required": False,
        "is_deletable": True,
        "ordering": 20,
    },
]

COOKIES = [
    (
        "necessari",
        "cookie_consent",
        "",
        "Ricorda le tue scelte sui cookie e l'ID anonimo del consenso.",
        "ASAP (prima parte)",
        "6 mesi",
        False,
    ),
    ("necessari", "csrftoken", "", "Protegge i moduli da invii contraffatti.", "ASAP (prima parte)", "1 anno", False),
    (
        "necessari",
        "sessionid",
        "",
        "Mantiene l'accesso della redazione all'area riservata.",
        "ASAP (prima parte)",
        "2 settimane",
        False,
    ),
    (
        "contenuti-esterni",
        "YSC",
        ".youtube.com",
        "Usato da YouTube per le statistiche dei video visti.",
        "Google Ireland (YouTube)",
        "Sessione",
        True,
    ),
    (
        "contenuti-esterni",
        "VISITOR_INFO1_LIVE",
        ".youtube.com",
        "Usato da YouTube per stimare la banda e le preferenze.",
        "Google Ireland (YouTube)",
        "6 mesi",
        True,
    ),
    (
        "contenuti-esterni",
        "vuid",
        ".vimeo.com",
        "Usato da Vimeo per le statistiche dei video visti.",
        "Vimeo",
        "2 anni",
        True,
    ),
]


def seed(stdout):
    created = 0
    groups = {}
    for fields in GROUPS:
        groups[fields["varname"]], was_created = CookieGroup.objects.get_or_create(
            varname=fields["varname"], defaults=fields
        )
        created += was_created
    for varname, name, domain, purpose, provider, duration, third_party in COOKIES:
        cookie, was_created = Cookie.objects.get_or_create(
            cookiegroup=groups[varname], name=name, domain=domain, defaults={"description": purpose}
        )
        _, details_created = CookieDetails.objects.get_or_create(
            cookie=cookie, defaults={"provider": provider, "duration": duration, "is_third_party": third_party}
        )
        created += was_created + details_created

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        stdout.write("consent: manca il sito, nulla da fare")
        return
    home = site.root_page

    banner = CookieBannerSettings.for_site(site)
    if banner.embed_group_id is None:
        banner.embed_group = groups["contenuti-esterni"]
        banner.save()
        created += 1

    policy = CookiePolicyPage.objects.first()
    if policy is None:
        # the foundation's earlier demo made a plain ContentPage here: the generated page replaces it
        for old in home.get_children().filter(slug="cookie-policy"):
            old.delete()
        policy = CookiePolicyPage(
            title="Cookie policy",
            slug="cookie-policy",
            intro="Quali cookie usa il sito, a che cosa servono e come puoi scegliere o cambiare idea.",
            search_description="I cookie tecnici e, con il tuo consenso, di statistica e di terze parti usati dal sito di ASAP.",
        )
        home.add_child(instance=policy)
        policy.save_revision().publish()
        created += 1
    organisation = OrganisationSettings.for_site(site)
    if organisation.cookie_policy_page_id != policy.pk:
        organisation.cookie_policy_page = policy
        organisation.save()
        created += 1

    stdout.write(f"consent: {created} elementi creati" if created else "consent: già presente, nulla da fare")
