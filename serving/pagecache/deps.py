"""What a cached page or part depends on, recorded while it is built rather than declared by hand, so
that a feature cannot forget a dependency and a purge can drop only what a change touched.

While a page or part is built (`recording`), three kinds of tags are collected:

- `page:<pk>`: every page instance loaded (the page itself, the pages along its path, the cards of a
  listing, the menu's items). Republishing a page purges this tag: whatever showed it, built afresh.
- `listing:<table>`: a query over a page type's table (or a page's inline rows) that is not a fetch
  of given pages by id (a catalogue, a box, a feed, facet counts): publishing a page of that type
  purges it, since the listing may now hold, order or count it differently. A query over pages of
  any type (`listing:wagtailcore_page`: the menu, the sitemap, a page's children) is purged when a
  page is first published or moved, as it may now list it, or list it elsewhere.
- `table:<table>`: any other table read (snippets, settings and their inline rows, images,
  documents, cookie groups...): saving or deleting a row of it purges it.

A snippet, setting, image or document, once loaded, is often used again by what is built later in
the same request without a query of its own (Wagtail keeps the settings on the request, a page keeps
its venue or image, a cached part hands over the objects it holds). So the tables of these rows
(`watch_rows`) seen anywhere in a request, loaded (`post_init`), read or noted from a kept entry,
go with everything built after them in that request (`recording`): a build may carry a table it
did not use, never miss one it did.

Tags a query cannot show are declared (`core.parts.shared_part(..., tags=...)`); the pages a part
is handed are those its name names by id (`recording`). A part found in the cache passes its tags
on to whatever contains it (`note`), so a page's entry holds every tag of every part it shows, and
a purged part takes the pages that showed it along."""

import re
import threading
from contextlib import contextmanager
from functools import cache

from django.apps import apps
from django.core.signals import request_started
from django.db import connection
from django.db.models.signals import post_init
from modelcluster.models import get_all_child_relations
from wagtail.models import Page

_local = threading.local()

TABLES = re.compile(r'\b(?:FROM|JOIN)\s+"?(\w+)"?', re.IGNORECASE)


@cache
def page_tables():
    """{table: the page type's table it belongs to}: page types, and the inline rows of pages."""
    tables = {"wagtailcore_page": "wagtailcore_page"}
    for model in apps.get_models():
        if issubclass(model, Page) and model is not Page:
            tables[model._meta.db_table] = model._meta.db_table
            for relation in get_all_child_relations(model):
                tables.setdefault(relation.related_model._meta.db_table, model._meta.db_table)
    return tables


@cache
def by_id():
    """Fetches of given pages or of given pages' inline rows (`.specific`, a route's pages along its
    path, a page's rows): they show those pages (their `page:` tags), not a listing of their type."""
    # A page's translations (by its translation key) are given pages too.
    columns = ['"wagtailcore_page"."id"', '"wagtailcore_page"."url_path"', '"wagtailcore_page"."translation_key"']
    for model in apps.get_models():
        if issubclass(model, Page) and model is not Page:
            columns.append(f'"{model._meta.db_table}"."page_ptr_id"')
            for relation in get_all_child_relations(model):
                table, column = relation.related_model._meta.db_table, relation.field.column
                columns.append(f'"{table}"."{column}"')
                columns.append(f'U0."{column}"')  # the same rows in a subquery (a page's related pages)
    # Compared with given values (`= %s`, `IN (%s, ...)`), not excluded (`NOT (... = %s)`), and not
    # joined to another column (`"wagtailcore_page"."id" = "projects_projectpage"."page_ptr_id"`:
    # every query of a page type's rows has that join, a catalogue's too) or to a subquery.
    any_column = "|".join(re.escape(column) for column in columns)
    return re.compile(r"(?<!NOT \()(?:" + any_column + r")\s*(?:=\s*%s|IN\s*\(\s*%s)")


def tags_of_query(sql):
    """The tags a query's SQL shows (see the module's docstring)."""
    tags, owners = set(), page_tables()
    fetch_by_id = by_id().search(sql) is not None
    for table in TABLES.findall(sql):
        owner = owners.get(table)
        if owner is None:
            tags.add(f"table:{table}")
        elif not fetch_by_id:
            tags.add(f"{'new' if owner in getattr(_local, 'new_only', ()) else 'listing'}:{owner}")
    return tags


def listing_tag(model):
    return f"listing:{model._meta.db_table}"


def table_tag(model):
    return f"table:{model._meta.db_table}"


def _stack():
    if not hasattr(_local, "stack"):
        _local.stack = []
    return _local.stack


def note(tags):
    """What is being built shows something with these tags (a part found in the cache, a declaration)."""
    stack = _stack()
    if tags:
        _seen_rows().update(_watched.intersection(tags))
        if stack:
            stack[-1].update(tags)


def _record_query(execute, sql, params, many, context):
    note(tags_of_query(sql))
    return execute(sql, params, many, context)


def _record_page(sender, instance, **kwargs):
    if _stack() and isinstance(instance, Page) and instance.pk is not None:
        _stack()[-1].add(f"page:{instance.pk}")


_watched = set()  # `table:` tags of the rows whose use spreads through a request (`watch_rows`)
_watch = []  # what gives the models to watch, until the first build or request asks for them
_watching = threading.Lock()


def _seen_rows():
    if not hasattr(_local, "rows"):
        _local.rows = set()
    return _local.rows


def forget_rows(**kwargs):
    """A new request: what the last one loaded is not on hand any more."""
    _start_watching()
    _local.rows = set()


def _record_row(sender, instance, **kwargs):
    _seen_rows().add(table_tag(sender))


def watch_rows(models):
    """Rows of the models `models()` gives (snippets, settings, images, documents) loaded, read or
    noted in a request go with every page and part built after them in it (see the module's
    docstring). Asked at the first request or build: the snippets' registry is complete only
    once every app is ready."""
    _watch.append(models)
    request_started.connect(forget_rows, dispatch_uid="pagecache-rows-forget")


def _start_watching():
    if not _watch:
        return
    with _watching:  # another thread's first request waits until every receiver is connected
        while _watch:
            for model in _watch[-1]():
                _watched.add(table_tag(model))
                post_init.connect(_record_row, sender=model, dispatch_uid=f"pagecache-rows-{model._meta.label_lower}")
            _watch.pop()


def connect():
    """Hear page instances being loaded (each page type: a receiver for every model would run on
    every row any code loads)."""
    for model in apps.get_models():
        if issubclass(model, Page):
            post_init.connect(_record_page, sender=model, dispatch_uid=f"pagecache-deps-{model._meta.label_lower}")


@contextmanager
def listed_by_first_publish(*models, facts=()):
    """`core.parts.listed_by_first_publish`: the listings of these page types read inside change
    only when a page is first published or taken away (newest first by first publication), or
    when the app purges one of `facts`, so they are tagged `new:<table>`, which a republish does
    not purge (the pages shown have their `page:` tags), and `facts`."""
    note(facts)
    previous = getattr(_local, "new_only", frozenset())
    _local.new_only = previous | {model._meta.db_table for model in models}
    try:
        yield
    finally:
        _local.new_only = previous


@contextmanager
def recording(named_pages=(), home=None):
    """Collect the tags of what is built inside; yields the set (complete when the block ends). An
    enclosing recording gets them too: a page depends on every part it builds, kept or built.

    A part's tags are its own, not those of the page it happened to be built for: a menu built
    while serving one page would otherwise go with that page's every republish, and take every
    page along. What a part is handed rather than loads shows no query, so (`parts.given_pages`)
    the pages its name names by id (`named_pages`) and the site's home (`home`) count as loaded;
    and a page's own part (its name names a page the enclosing build shows: `page-article:{pk}`
    built while serving that page) takes every page the enclosing build showed, since it may use
    any of them (the page's parent, its path) and only that page shows it."""
    _start_watching()
    tags = set()
    stack = _stack()
    stack.append(tags)
    outermost = len(stack) == 1
    try:
        if outermost:
            with connection.execute_wrapper(_record_query):
                yield tags
        else:
            yield tags
    finally:
        stack.pop()
        named = {f"page:{pk}" for pk in named_pages}
        if named and stack:
            enclosing = set().union(*stack)
            if named & enclosing:
                tags.update(tag for tag in enclosing if tag.startswith("page:"))
        tags.update(named)
        tags.update(_seen_rows())
        if home is not None:
            tags.add(f"page:{home}")
        if stack:
            stack[-1].update(tags)
