"""Site search: one place that turns a visitor's text into results, counts per type and editors'
picks. The catalogues' text boxes use `matching_ids`, so they match exactly like `/cerca/`."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core.language import active_locale_id
from core.parts import shared_part
from core.restrictions import public

from .query import clean_query
from .types import result_types


def live_pages(models):
    # Every page model's content type in one query in a fresh worker: the index's filter asks for all
    # of them, `type()` for some (two queries otherwise); both then read Django's per-process cache.
    get_descendants_content_types_pks(Page)
    # Only the pages in the visitor's language (core/language.py): /cerca/ is Italian.
    return public(Page.objects.live().filter(locale=active_locale_id()).type(*models))


@dataclass
class SiteSearch:
    """What `/cerca/` shows for one query and (optional) type."""

    query: str
    result_type: object = None
    counts: list = field(default_factory=list)  # [(ResultType, count)] in display order
    total: int = 0

    @classmethod
    def run(cls, raw_query, type_slug=None, counts_by_slug=None):
        """`counts_by_slug`, what `counts_by_slug()` gave for the same text a moment ago, saves counting."""
        search = cls(query=clean_query(raw_query), result_type=result_types.get(type_slug or ""))
        if search.query and result_types.available:
            if counts_by_slug is None:
                search.counts = search._count_per_type()
            else:
                search.counts = [(t, counts_by_slug.get(t.slug, 0)) for t in result_types.available]
            search.total = sum(count for _, count in search.counts)
        return search

    def counts_by_slug(self):
        return {result_type.slug: count for result_type, count in self.counts}

    def _count_per_type(self):
        """One faceted query for every type's count."""
        per_content_type = live_pages(result_types.page_models()).search(self.query).facet("content_type_id")
        counts = dict.fromkeys(result_types.available, 0)
        for content_type_id, count in per_content_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            result_type = result_types.by_model.get(model)
            if result_type is not None:
                counts[result_type] += count
        return list(counts.items())

    @property
    def count(self):
        """Results in the current view (all types, or the chosen one)."""
        if self.result_type is None:
            return self.total
        return dict(self.counts).get(self.result_type, 0)

    def results(self):
        """Relevance-ordered specific pages; slice it (the paginator does) before evaluating."""
        if not self.query or not result_types.available:
            return Page.objects.none()
        models = result_types.page_models(self.result_type)
        return live_pages(models).specific().search(self.query)

    def promotions(self, request=None):
        """Editors' picks for this exact query (`wagtail.contrib.search_promotions`), live pages only.
        Which queries have picks is read once per site and generation: most have none."""
        query_string = normalise_query_string(self.query)
        if not self.query or query_string not in shared_part("search-promoted-queries", request, promoted_queries):
            return []
        picks = SearchPromotion.objects.filter(query__query_string=query_string)
        picks = picks.select_related("page").order_by("sort_order")
        return [
            pick for pick in picks if pick.page is None or (pick.page.live and not pick.page.get_view_restrictions())
        ]


def promoted_queries():
    return frozenset(SearchPromotion.objects.order_by().values_list("query__query_string", flat=True).distinct())


def matching_ids(model_or_queryset, raw_query, limit=None, ranked=True):
    """Primary keys of the objects (of a model, or within a queryset) matching the visitor's text,
    best match first unless `ranked=False`; at most `limit`."""
    query = clean_query(raw_query)
    if not query:
        return []
    queryset = getattr(model_or_queryset, "_default_manager", model_or_queryset)
    results = queryset.all().search(query, order_by_relevance=ranked)
    if hasattr(results, "get_queryset"):  # database backends: only the ids, in one query
        return list(results.get_queryset().values_list("pk", flat=True)[:limit])
    return [obj.pk for obj in results[:limit]]
