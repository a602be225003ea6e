"""Site search: one place that turns a visitor's text into results, counts per type and editors'
picks. The catalogues' text boxes use `matching_ids`, so they match exactly like `/cerca/`."""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core.language import active_locale_id
from core.parts import shared_part
from core.restrictions import public

from .matches import content_type_ids, ids_matching, ranked_page_rows
from .plans import Plan, backend_query, read, word_queries
from .query import clean_query
from .types import result_types
from .vocabulary import corrected_terms


def live_pages(models):
    # Every page model's content type in one query in a fresh worker: the index's filter asks for all
    # of them, `type()` for some (two queries otherwise); both then read Django's per-process cache.
    get_descendants_content_types_pks(Page)
    # Only the pages in the visitor's language (core/language.py): /cerca/ is Italian.
    pages = Page.objects.live().filter(locale=active_locale_id(), content_type_id__in=content_type_ids(*models))
    return public(pages)


ALL_TYPES = "tutti"  # ?tipo=tutti: every type, even when the words name one ("corsi appalti")
# Pages the any-word plan ranks by how many words they match; further ones follow in the backend's order.
RANKED_CANDIDATES = 100
# A plan's matches are read as (id, content type) rows, best first, in one query: when there are at most
# this many, the counts per type and the results' ids come from them; more are counted by a faceted query.
KEPT_MATCHES = 200


@dataclass
class SiteSearch:
    """What `/cerca/` shows for one query and (optional) type."""

    query: str
    result_type: object = None
    counts: list = field(default_factory=list)  # [(ResultType, count)] in display order
    total: int = 0
    plan: Plan = None  # how the words were searched (search/plans.py)
    steered: bool = False  # the type was chosen by the query's words, not by the visitor
    suggestion: str = ""  # "Forse cercavi: ..."
    # The chosen plan's matching pages, [(id, content type id)] best first, when they were few enough.
    matches: list = field(default=None, repr=False, compare=False)

    @classmethod
    def run(cls, raw_query, type_slug=None, known=None, request=None):
        """`known`, what `state()` gave for the same query string a moment ago, saves searching again."""
        search = cls(query=clean_query(raw_query), result_type=result_types.get(type_slug or ""))
        if search.query and result_types.available:
            if known:
                search._restore(known)
            else:
                explicit = search.result_type is not None or type_slug == ALL_TYPES
                search._choose_plan(request, explicit)
            search.total = sum(count for _, count in search.counts)
        return search

    def _choose_plan(self, request, explicit_type):
        fallback = None
        for plan in read(self.query, request, explicit_type=explicit_type):
            counts, matches = self._count_per_type(plan, request)
            if plan.steer:
                steer = result_types.get(plan.steer)
                if dict(counts).get(steer):
                    self.plan, self.counts, self.matches = plan, counts, matches
                    self.result_type, self.steered = steer, True
                    break
                continue
            fallback = fallback or (plan, counts, matches)
            if any(count for _, count in counts):
                self.plan, self.counts, self.matches = plan, counts, matches
                break
        else:
            self.plan, self.counts, self.matches = fallback
        found = sum(count for _, count in self.counts)
        if self.plan.corrected:
            self.suggestion = self.plan.corrected
        elif found < 3:
            corrected = corrected_terms(self.plan.terms, request)
            self.suggestion = " ".join(corrected) if corrected else ""

    def state(self):
        """What `run(known=...)` needs: picklable, the same for every visitor of this query string."""
        return {
            "plan": self.plan,
            "counts": self.counts_by_slug(),
            "steer": self.result_type.slug if self.steered else "",
            "suggestion": self.suggestion,
        }

    def _restore(self, known):
        self.plan, self.suggestion = known["plan"], known["suggestion"]
        self.counts = [(t, known["counts"].get(t.slug, 0)) for t in result_types.available]
        if known["steer"]:
            self.result_type, self.steered = result_types.get(known["steer"]), True

    def counts_by_slug(self):
        return {result_type.slug: count for result_type, count in self.counts}

    def _count_per_type(self, plan, request=None):
        """([(type, count)], the matching rows or None): one query reads the matches' (id, content type),
        best first, when they are at most KEPT_MATCHES (the results' ids then need no other query);
        a broader query is counted per type by a second, faceted one."""
        models = result_types.page_models()
        matches = _matching_rows(plan, request, models, KEPT_MATCHES + 1)
        if len(matches) <= KEPT_MATCHES:
            per_content_type = Counter(content_type_id for _, content_type_id in matches)
        elif plan.in_titles:
            matches = None
            rows = live_pages(models).filter(title__icontains=plan.text).values("content_type_id")
            per_content_type = {row["content_type_id"]: row["n"] for row in rows.annotate(n=Count("pk")).order_by()}
        else:
            matches = None
            per_content_type = live_pages(models).search(backend_query(plan, request)).facet("content_type_id")
        counts = dict.fromkeys(result_types.available, 0)
        for content_type_id, count in per_content_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            result_type = result_types.by_model.get(model)
            if result_type is not None:
                counts[result_type] += count
        for result_type in counts:
            for source in result_types.sources(result_type):
                counts[result_type] += source.count(plan, request)
        return list(counts.items()), matches

    @property
    def count(self):
        """Results in the current view (all types, or the chosen one)."""
        if self.result_type is None:
            return self.total
        return dict(self.counts).get(self.result_type, 0)

    @property
    def searched_text(self):
        """The words the results are for: the corrected ones when the typed ones found nothing."""
        return self.plan.corrected if self.plan is not None and self.plan.corrected else self.query

    def results(self, request=None):
        """Relevance-ordered specific pages (after the results that are not pages); slice it (the
        paginator does) before evaluating."""
        if not self.query or not result_types.available or self.plan is None:
            return Page.objects.none()
        return self._others_first(request, self._page_results)

    def result_ids(self, request=None):
        """`results()` with page ids in place of the pages, one query per slice: /cerca/ shows them
        from the kept hits (search/hits.py) without fetching the pages."""
        if not self.query or not result_types.available or self.plan is None:
            return []
        return self._others_first(request, self._page_ids)

    def _others_first(self, request, pages_of):
        """The results of the sources that are not pages (`Registry.register_source`), then what
        `pages_of(request)` gives for the pages."""
        others = [
            result for source in result_types.sources(self.result_type) for result in source.results(self.plan, request)
        ]
        if self.result_type is not None and not result_types.page_models(self.result_type):
            return others
        pages = pages_of(request)
        return OthersFirst(others, pages) if others else pages

    def _page_results(self, request):
        pages = live_pages(result_types.page_models(self.result_type))
        if self.plan.in_titles:
            return pages.filter(title__icontains=self.plan.text).specific().order_by("title", "pk")
        found = pages.specific().search(backend_query(self.plan, request))
        if not self.plan.any_word:
            return found
        return RankedByWordsMatched(pages, found, word_queries(self.plan, request))

    def _page_ids(self, request):
        if self.matches is not None:  # every match, read with the counts
            ids = self._matching_ids_of_type()
            if not self.plan.any_word:
                return ids
            return RankedByWordsMatched(None, None, word_queries(self.plan, request), as_ids=True, every_id=ids)
        pages = live_pages(result_types.page_models(self.result_type))
        if self.plan.in_titles or not self.plan.any_word:
            return _best_first(pages, self.plan, request).values_list("pk", flat=True)
        found = pages.search(backend_query(self.plan, request))
        return RankedByWordsMatched(pages, found, word_queries(self.plan, request), as_ids=True)

    def _matching_ids_of_type(self):
        if self.result_type is None:
            return [pk for pk, _ in self.matches]
        of_type = set(content_type_ids(*result_types.page_models(self.result_type)))
        return [pk for pk, content_type_id in self.matches if content_type_id in of_type]

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


class OthersFirst:
    """The results that are not pages (few, see `Registry.register_source`), then the pages."""

    def __init__(self, others, pages):
        self.others, self.pages = others, pages

    def __getitem__(self, index):
        start, stop = index.start or 0, index.stop
        first = self.others[start:stop]
        rest_start, rest_stop = max(start - len(self.others), 0), None if stop is None else stop - len(self.others)
        return first + (list(self.pages[rest_start:rest_stop]) if rest_stop is None or rest_stop > 0 else [])


class RankedByWordsMatched:
    """The any-word plan's results, as a sliceable sequence: the backend's first candidates ranked by
    how many of the words (or their synonyms) they match, best first (one query per word), then the
    rest in the backend's order."""

    def __init__(self, pages, found, word_queries, as_ids=False, every_id=None):
        """`every_id`: the ids of every match in the backend's order, when known (then `found` is not
        read); `pages` may then be None: they are all pages a visitor may see."""
        self.pages, self.found, self.word_queries, self.as_ids = pages, found, word_queries, as_ids
        self.every_id = every_id
        self._ranked = None

    def _backend_order(self, start, stop):
        if self.every_id is not None:
            return self.every_id[start:stop]
        return list(self.found.get_queryset().values_list("pk", flat=True)[start:stop])

    def _candidates(self):
        if self._ranked is None:
            ids = self._backend_order(0, RANKED_CANDIDATES)
            matched = dict.fromkeys(ids, 0)
            for hits in self._matched_per_word(ids):
                for pk in hits:
                    matched[pk] += 1
            self._ranked = sorted(ids, key=lambda pk: -matched[pk])  # stable: backend order on ties
        return self._ranked

    def _matched_per_word(self, ids):
        """For each word, the `ids` it matches: one statement where the database allows it."""
        per_word = ids_matching(self.word_queries, Page, among=ids)
        if per_word is not None:
            return per_word
        pages = self.pages if self.pages is not None else Page.objects.all()
        return [
            pages.filter(pk__in=ids).search(query, order_by_relevance=False).get_queryset().values_list("pk", flat=True)
            for query in self.word_queries
        ]

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        ranked = self._candidates()
        ids = ranked[start:stop]
        if stop is None or stop > len(ranked):  # past the candidates, the backend's order goes on
            ids += self._backend_order(max(start, len(ranked)), stop)
        if self.as_ids:
            return ids
        by_id = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        return [by_id[pk] for pk in ids if pk in by_id]


def _matching_rows(plan, request, models, limit):
    """[(id, content type id)] of the live pages of `models` matching a plan, best first, at most
    `limit`: one hand-written statement where the database allows it (search/matches.py)."""
    if not plan.in_titles:
        rows = ranked_page_rows(backend_query(plan, request), models, limit)
        if rows is not None:
            return rows
    return list(_best_first(live_pages(models), plan, request).values_list("pk", "content_type_id")[:limit])


def _best_first(pages, plan, request):
    """The pages matching a plan, in the order of its results."""
    if plan.in_titles:
        return pages.filter(title__icontains=plan.text).order_by("title", "pk")
    return pages.search(backend_query(plan, request)).get_queryset()


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
