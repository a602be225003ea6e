"""The SQLite (FTS5) half of search/backends.py; imported only on SQLite (its modelsearch imports
need the FTS model, which exists only there)."""

import functools
from functools import reduce

from django.db import connection
from django.db.models.sql import Query
from modelsearch.backends.database.sqlite.query import (
    BM25,
    Lexeme,
    MatchExpression,
    SearchQueryCombinable,
    SearchQueryExpression,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend, SQLiteSearchQueryCompiler
from modelsearch.conf import get_app_config
from modelsearch.query import MATCH_ALL, And, Not, Or, Phrase, PlainText
from wagtail.models import Page

from .query import light_stem, search_terms

# bm25() weights for the FTS5 columns, in table order: (autocomplete, body, title).
SQLITE_COLUMN_WEIGHTS = (1.0, 1.0, 10.0)
SQLITE_TITLE_COLUMN = 2
# bm25 alone cannot promise "title first": with few documents, or a word found in most of them, its
# IDF collapses to ~0. So any title match gets a bonus far larger than any bm25 difference.
SQLITE_TITLE_MATCH_BONUS = 1000.0


class TitleFirstBM25(BM25):
    """bm25 (lower is better) minus a large bonus per title word that matched: the page whose title
    holds more of the query's words comes first ("progettazione europea": the course with both in
    its title before one with only "europeo")."""

    def as_sql(self, compiler, connection, function=None, template=None):
        table = get_app_config().get_model("SQLiteFTSIndexEntry")._meta.db_table
        weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS)
        # highlight() opens each matched title word with char(1): count them.
        marked = f"highlight({table}, {SQLITE_TITLE_COLUMN}, char(1), char(2))"
        title_words = f"(length({marked}) - length(replace({marked}, char(1), '')))"
        return f"(bm25({table}, {weights}) - {title_words} * {SQLITE_TITLE_MATCH_BONUS})", []


class ItalianSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            stems = [stem for stem in (light_stem(term) for term in search_terms(query.query_string)) if stem]
            if not stems:
                return None
            lexemes = [Lexeme(stem.replace('"', ""), prefix=True) for stem in stems]
            combine = (lambda a, b: a & b) if query.operator.upper() == "AND" else (lambda a, b: a | b)
            return SearchQueryExpression(reduce(combine, lexemes), config=config)
        return super().build_search_query_content(query, config=config)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        # bm25() scores the whole MATCH expression whatever part of it is asked: And/Or of synonyms get
        # the same single score (the stock backend multiplies the parts' negative scores together).
        if isinstance(query, (Phrase, PlainText, Not, And, Or)):
            rank = TitleFirstBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)


class ItalianSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = ItalianSQLiteQueryCompiler


# --- one hand-written statement for the matches (search/matches.py) ----------------------------------
# Building modelsearch's queryset costs several times what SQLite needs to run it; these statements are
# the ones it builds (the same MATCH text, score and order), written once.


@functools.cache
def _query_compiler():
    return ItalianSQLiteQueryCompiler(Page.objects.none(), MATCH_ALL)


def match_text(query):
    """The FTS5 MATCH text the backend gives `query` (a modelsearch query), or None when it has none."""
    built = _query_compiler().build_search_query(normalize(query))
    if not isinstance(built, SearchQueryCombinable):  # nothing to match, or a negation: the backend's way
        return None
    _, params = MatchExpression(["title", "body"], built).as_sql(
        Query(None).get_compiler(connection=connection), connection
    )
    return params[0]


def _tables():
    app = get_app_config()
    return app.get_model("SQLiteFTSIndexEntry")._meta.db_table, app.get_model("IndexEntry")._meta.db_table


def ranked_rows(query, entry_types, pages, limit):
    """[(page id, content type id)] of the pages matching `query`, best first (modelsearch's score and
    order: score, then the newest id), at most `limit`; `pages` is (SQL condition on `p`, params);
    `entry_types` the content types the index entries may have. None when the backend must answer."""
    match = match_text(query)
    if match is None:
        return None
    fts, entries = _tables()
    score, _ = TitleFirstBM25().as_sql(None, connection)
    condition, params = pages
    sql = (
        f"SELECT p.id, p.content_type_id FROM {fts} JOIN {entries} e ON {fts}.rowid = e.id "
        f"JOIN wagtailcore_page p ON p.id = e.object_id "
        f"WHERE {fts} MATCH %s AND e.content_type_id IN ({', '.join(['%s'] * len(entry_types))}) AND {condition} "
        f"ORDER BY (({score}) * e.title_norm) + (({score}) * 1.0) ASC, p.id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *entry_types, *params, limit])
        return list(dict.fromkeys(cursor.fetchall()))


def matching_object_ids(queries, entry_types, among=None):
    """For each of `queries`, the ids of the objects whose index entries (of `entry_types`) match it,
    in no order (optionally only `among` these ids), in one statement; None when the backend must answer."""
    matches = [match_text(query) for query in queries]
    if any(match is None for match in matches):
        return None
    if among is not None and not among:
        return [[] for _ in queries]
    fts, entries = _tables()
    select = (
        f"SELECT DISTINCT %s, e.object_id FROM {fts} JOIN {entries} e ON {fts}.rowid = e.id "
        f"WHERE {fts} MATCH %s AND e.content_type_id IN ({', '.join(['%s'] * len(entry_types))})"
    )
    if among is not None:
        select += f" AND e.object_id IN ({', '.join(['%s'] * len(among))})"
    params = []
    for n, match in enumerate(matches):
        params += [n, match, *entry_types, *(str(pk) for pk in among or ())]
    found = [[] for _ in queries]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join([select] * len(matches)), params)
        for n, pk in cursor.fetchall():
            found[n].append(int(pk))
    return found
