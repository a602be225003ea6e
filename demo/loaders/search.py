"""Editors' picks (search.yaml): searching "contatti" or "sede" puts the contacts page first."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from demo.helpers import home_page, read


def seed():
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
