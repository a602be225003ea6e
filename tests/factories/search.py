"""Factories for the site search: editors' picks and the daily search log."""

import factory
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import SearchQueryDay


class SearchPromotionFactory(factory.django.DjangoModelFactory):
    query = factory.LazyAttribute(lambda o: Query.get(o.query_string))
    sort_order = factory.Sequence(int)
    description = ""

    class Meta:
        model = SearchPromotion

    class Params:
        query_string = "fondo"


class SearchQueryDayFactory(factory.django.DjangoModelFactory):
    day = factory.LazyFunction(timezone.localdate)
    query = factory.Sequence(lambda n: f"ricerca {n}")
    searches = 1
    zero_result_searches = 0

    class Meta:
        model = SearchQueryDay
