"""A plan's matches in one hand-written statement where the database allows it (SQLite's FTS5:
search/sqlite_backend.py; PostgreSQL: search/postgres_backend.py), the same rows, score and order as
modelsearch's queryset: building that queryset cost several times what the database needs to run
it, on every new query string (issue 27 item 5). Elsewhere (an external engine) the functions answer
None and the callers build the queryset as before."""

import functools

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page

from core.language import active_locale_id
from core.restrictions import restricted_sections


@functools.cache
def _models_and_subclasses(models):
    return tuple(model for model in apps.get_models() if issubclass(model, models))


def content_type_ids(*models):
    """The content type ids of `models` and their subclasses (what `PageQuerySet.type()` filters on),
    without going through every installed model and comparing content type objects each time."""
    found = ContentType.objects.get_for_models(*_models_and_subclasses(models))
    return [content_type.pk for content_type in found.values()]


def _backend():
    if settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] != "search.backends":
        return None  # an external engine (Elasticsearch, OpenSearch)
    if connection.vendor == "sqlite":
        from . import sqlite_backend

        return sqlite_backend
    if connection.vendor == "postgresql":
        from . import postgres_backend

        return postgres_backend
    return None


def page_conditions(content_type_ids):
    """`live_pages()` (search/services.py) as SQL on the page table `p`: live, of the address's
    language and of these content types, outside the sections with a view restriction."""
    sql = ["p.live", "p.locale_id = %s", f"p.content_type_id IN ({', '.join(['%s'] * len(content_type_ids))})"]
    params = [active_locale_id(), *content_type_ids]
    for path, depth in restricted_sections():
        sql.append("NOT (p.path LIKE %s AND p.depth >= %s)")  # page paths are [0-9A-Z]: nothing to escape
        params += [f"{path}%", depth]
    return " AND ".join(sql), params


def ranked_page_rows(query, models, limit):
    """[(id, content type id)] of the pages of `models` matching `query` (a modelsearch query), best
    first, at most `limit`; None when the backend's queryset must answer."""
    backend = _backend()
    if backend is None or not models:
        return None
    # Every page type first: a fresh worker then reads all their content types in one query.
    entry_types = get_descendants_content_types_pks(Page)
    return backend.ranked_rows(query, entry_types, page_conditions(content_type_ids(*models)), limit)


def ids_matching(queries, model, among=None):
    """For each of `queries` (modelsearch queries), the ids of the `model` objects (optionally only
    `among` these) matching it, in no order, in one statement; None when the backend's queryset must
    answer."""
    backend = _backend()
    if backend is None or not queries:
        return None
    return backend.matching_object_ids(queries, get_descendants_content_types_pks(model), among)
