"""Demo editors' picks for `seed_demo`: searching "contatti" or "sede" puts the contacts page first.
Idempotent: a second run finds the picks and changes nothing."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

PICKS = {
    "contatti": "Telefono, e-mail, PEC e indirizzo della sede.",
    "sede": "Dove siamo e come raggiungerci.",
}


def seed(stdout):
    contacts = Page.objects.live().filter(slug="contatti").first()
    if contacts is None:
        return
    created = 0
    for query_string, description in PICKS.items():
        query = Query.get(query_string)
        _, was_created = SearchPromotion.objects.get_or_create(
            query=query, page=contacts, defaults={"description": description, "sort_order": 0}
        )
        created += was_created
    if created:
        stdout.write(f"Ricerca: {created} risultati in evidenza creati.")
