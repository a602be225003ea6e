"""Search in the demo: editors' picks (search.yaml: searching "contatti" or "sede" puts the contacts
page first) and synonyms (synonyms.yaml: the funds' acronyms and everyday equivalents, per language)."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from demo.helpers import home_page, read
from search.models import SearchSynonym


def seed():
    return seed_picks() + seed_synonyms()


def seed_picks():
    home = home_page()
    if home is None:
        return 0
    created = 0
    for pick in read("search"):
        page = home.get_children().live().filter(slug=pick["page"]).first()
        if page is None:
            continue
        _, was_created = SearchPromotion.objects.get_or_create(
            query=Query.get(pick["query"]), page=page, defaults={"description": pick["description"], "sort_order": 0}
        )
        created += was_created
    return created


def seed_synonyms():
    created = 0
    for language, groups in read("synonyms").items():
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            continue
        for terms in groups:
            _, was_created = SearchSynonym.objects.get_or_create(locale=locale, terms=terms)
            created += was_created
    return created
