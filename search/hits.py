"""One result as /cerca/ shows it (title, address, type, date or status line, the texts its summary
may come from), kept as a shared part per page: a query string nobody sent yet reads the results
it found in one cache read instead of fetching each type's pages, their relations and their body
again (issue 27, item 5). Only the summary, cut and marked for the query, is made per search."""

from django.db.models import prefetch_related_objects
from django.utils.functional import Promise
from wagtail.models import Page

from core.parts import shared_parts

from .types import result_detail, result_types, summary_texts


def _describe(pages, request):
    """{part name: hit} for `pages`; relations the detail lines need are prefetched per type."""
    by_type = {}
    for page in pages:
        by_type.setdefault(result_types.type_of(page), []).append(page)
    for result_type, same_type in by_type.items():
        if result_type is not None and result_type.prefetch:
            prefetch_related_objects(same_type, *result_type.prefetch)
    hits = {}
    for page in pages:
        result_type = result_types.type_of(page)
        detail = result_detail(page, result_type)
        hits[f"search-hit:{page.pk}"] = {
            "title": page.title,
            "url": page.get_url(request),
            "type": result_type.slug if result_type is not None else "",
            "detail": str(detail) if isinstance(detail, Promise) else detail,
            "texts": tuple(summary_texts(page, result_type)),
        }
    return hits


def other_hit(result):
    """A result that is not a page (`Registry.register_source`) as a hit: it is built per search."""
    return {
        "title": result.title,
        "url": result.url,
        "type": result.search_type,
        "detail": result.detail,
        "texts": (result.search_description,),
        "result_type": result_types.get(result.search_type),
    }


def kept_hits(ids, request):
    """The hits of the pages `ids`, in order (pages gone since are left out)."""
    names = {f"search-hit:{pk}": pk for pk in ids}

    def build(missing):
        pages = Page.objects.filter(pk__in=[names[name] for name in missing]).specific()
        return _describe(list(pages), request)

    kept = shared_parts(list(names), request, build)
    hits = [kept[name] for name in names if name in kept]
    for hit in hits:
        hit["result_type"] = result_types.get(hit["type"])
    return hits
