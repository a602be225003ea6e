"""Projects answered from kept rows, as the catalogue page answers from kept cards.

Serialising a project (the page model with its fund, programme, organisations, territories, themes
and services, through django-ninja's per-field getters and pydantic) cost most of an API call: 20
of them were about 35 of the list's 40 CPU-ms. Here each project's JSON is built once, through its
schema, and kept as a shared part (`api-project:<id>`, `api-project-detail:<id>`) until editors
change something, like a catalogue card; a list slices the catalogue's kept ordered ids
(`CatalogueFilterSet.ordered_ids`) and reads its rows in one cache read, fetching from the database
only the rows not kept yet. The answer is the kept JSON joined, byte for byte what ninja's
validation and renderer gave (`json.dumps` with `NinjaJSONEncoder`), so the schema fuzzing checks
the same bodies. An unknown or unpublished id is never kept (made-up ids fill no cache)."""

import json

from django.http import Http404, HttpResponse
from ninja.responses import NinjaJSONEncoder

from core.parts import shared_parts

from . import querysets

CONTENT_TYPE = "application/json; charset=utf-8"


def as_json(schema, row, request):
    """What ninja would answer for `row` through `schema`: validated, dumped, rendered."""
    data = schema.model_validate(row, context={"request": request}).model_dump(by_alias=False)
    return json.dumps(data, cls=NinjaJSONEncoder)


def kept_rows(request, schema, kind, ids, queryset):
    """{id: JSON} of the projects `ids` that are published, kept per project; those not kept yet are
    fetched with `queryset()` (the relations it prefetches) in one go: not even built when all are kept."""
    names = {f"{kind}:{pk}": pk for pk in ids}

    def build(missing):
        rows = queryset().filter(pk__in=[names[name] for name in missing])
        return {f"{kind}:{row.pk}": as_json(schema, row, request) for row in rows}

    kept = shared_parts(list(names), request, build)
    return {names[name]: body for name, body in kept.items()}


def json_response(content):
    return HttpResponse(content, content_type=CONTENT_TYPE)


def project_page(request, schema, ids, page, page_size):
    """`{"items": [...], "count": N}`, as ninja's numbered pages give it: a page beyond the end is empty."""
    start = (page - 1) * page_size
    page_ids = list(ids[start : start + page_size])
    rows = kept_rows(request, schema, "api-project", page_ids, querysets.project_list_rows)
    items = ", ".join(rows[pk] for pk in page_ids if pk in rows)
    return json_response(f'{{"items": [{items}], "count": {len(ids)}}}')


def project_detail(request, schema, pk):
    rows = kept_rows(request, schema, "api-project-detail", [pk], querysets.project_detail_rows)
    if pk not in rows:
        raise Http404("Elemento inesistente o non pubblicato.")
    return json_response(rows[pk])
