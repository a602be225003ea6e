from django.conf import settings
from django.core.paginator import Paginator
from django.db import transaction
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone

from core.parts import keep_out_of_shared_caches
from serving import ratelimit

from .highlight import excerpt, highlight
from .hits import kept_hits, other_hit
from .models import SearchQueryDay, count_promotions_hit
from .query import clean_query
from .results import kept_results
from .services import SiteSearch
from .stats import popular_searches
from .suggestions import suggestions_for

RESULTS_PER_PAGE = 10


class CountedPaginator(Paginator):
    """A paginator told the count (the type facets already computed it), saving a query."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @property
    def count(self):
        return self.known_count


def _describe(results, query, request):
    """What each result shows: the results that are not pages (they come first), then the kept hits
    of the pages' ids (search/hits.py), with the summary cut and marked for this query."""
    ids = [result for result in results if isinstance(result, int)]
    hits = [other_hit(result) for result in results if not isinstance(result, int)] + kept_hits(ids, request)
    return [{**hit, "summary": highlight(excerpt(hit["texts"], query), query)} for hit in hits]


def _results(request, search):
    """(the search's state, the HTML from the count line to the pagination): what every visitor
    sending this query string sees, so `kept_results` can share it."""
    paginator = CountedPaginator(search.result_ids(request), RESULTS_PER_PAGE, search.count)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "search": search,
        "search_query": search.query,
        "results": _describe(list(page.object_list), search.searched_text, request),
        "page_obj": page,
        "paginator": paginator,
        "promotions": search.promotions(request) if page.number == 1 else [],
    }
    return search.state(), render_to_string("search/results.html", context, request)


def _log(request, search):
    """Count a search once, when it is submitted: not again for each results page or type filter, nor
    beyond a client's allowance (it still gets its results). True when countable: that answer must then
    reach this view every time, so no shared cache keeps it."""
    if search.query and "page" not in request.GET and "tipo" not in request.GET:
        if ratelimit.hit(request, "search-log", settings.SEARCH_LOG_RATE_LIMIT, settings.SEARCH_LOG_RATE_WINDOW):
            # One commit for the three writes: on SQLite 1.6-1.8 CPU-ms instead of 3.3-3.8 (and 18 ms of
            # the visitor's wait instead of 54 on this machine's disk); on PostgreSQL 0.2-0.3 ms more.
            with transaction.atomic():
                SearchQueryDay.record(search.query, search.total)
                count_promotions_hit(search.query, timezone.now().date())
        return True
    return False


def search(request):
    text, type_slug = request.GET.get("q", ""), request.GET.get("tipo")
    state, section = {}, ""
    if clean_query(text):
        state, section = kept_results(
            request, lambda: _results(request, SiteSearch.run(text, type_slug, request=request))
        )
    search = SiteSearch.run(text, type_slug, known=state)
    counted = _log(request, search)
    context = {
        "search": search,
        "search_query": search.query,
        "results_section": section,
        "popular_searches": popular_searches() if not search.count else [],
    }
    response = TemplateResponse(request, "search/search.html", context)
    return keep_out_of_shared_caches(response) if counted else response


def suggestions(request):
    """The header box's suggestions as JSON (search/suggestions.py); the same for every visitor."""
    response = JsonResponse(suggestions_for(request.GET.get("q", ""), request))
    response["Cache-Control"] = "public, max-age=60"
    return response
