"""The PostgreSQL half of search/backends.py: Wagtail's backend, with a match that can use the index.

The stock backend filters on `(title || body) @@ query`: a concatenation no index covers, so every
search scans and re-concatenates every index entry. Here that exact condition is kept, behind a
pre-filter the two GIN indexes answer: `title @@ any_word OR body @@ any_word`, where `any_word` is
the query's words joined with OR. A one-word query is answered from the indexes alone (the
concatenation is not even computed).

Each language has its own stemming: pages are indexed, and queries read, with the text search
configuration of their language (`asap_italian` from the settings for Italian, PostgreSQL's `english`
for English), so "projects" finds "project" on the English site as "progetti" finds "progetto" here.
"""

import copy
import functools
import re
import threading

from django.conf import settings
from django.db import connection
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.sql import Query
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.conf import get_app_config
from modelsearch.query import MATCH_ALL, And, Or, PlainText
from wagtail.models import Page

from core.language import language_code

from .query import current_language

# Text search configuration per language other than the default one (the backend's SEARCH_CONFIG).
LANGUAGE_CONFIGS = {"en": "english"}
_indexing = threading.Lock()
TITLE_WORD_BONUS = 10.0


def config_for(backend, language):
    return LANGUAGE_CONFIGS.get(language, backend.config)


class IndexedPostgresQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return config_for(backend, current_language())

    def search(self, config, start, stop, score_field=None, backend=None):
        words = words_of(self.query)
        if self.fields is not None or not words:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        any_word = self.build_tsquery(PlainText(" ".join(words), operator="or"), config=config)
        if search_query is None or any_word is None:
            return self.queryset.none()
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config) + title_words_bonus(words)
        combined_vector = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined_vector = combined_vector._combine(vector, "||", False)
        # Annotations (not filter() lookups) so the conditions share one join to the index.
        queryset = self.queryset.annotate(_title_=F("index_entries__title"), _body_=F("index_entries__body"))
        queryset = queryset.filter(Q(_title_=any_word) | Q(_body_=any_word))
        if needs_title_and_body_together(self.query, words):
            queryset = queryset.annotate(_vector_=combined_vector).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


def title_words_bonus(words):
    """A bonus per query word found as typed in the title, far above any ts_rank difference: the
    stemmer makes "progettazione" and "progetti" one lexeme, yet the course titled "Progettazione
    europea" is the one a visitor typing it wants (the SQLite backend counts title matches alike)."""
    bonus = [
        Case(When(index_entries__title_text__icontains=word, then=Value(TITLE_WORD_BONUS)), default=Value(0.0))
        for word in bonus_words(words)
    ]
    return sum(bonus[1:], bonus[0]) if bonus else Value(0.0)


def bonus_words(words):
    return list(dict.fromkeys(word.lower() for word in words if len(word) > 2))


def words_of(query):
    """Every word of a plain-text query or of an And/Or of them (synonyms); None for anything else."""
    if isinstance(query, PlainText):
        return [word for word in re.split(r"[\s\-]+", query.query_string.strip()) if word]
    if isinstance(query, (And, Or)):
        parts = [words_of(subquery) for subquery in query.subqueries]
        return None if any(part is None for part in parts) else [word for part in parts for word in part]
    return None


def needs_title_and_body_together(query, words):
    """Several words that must all match may be split between title and body: only the
    concatenation tells (the index's pre-filter matches any word in either)."""
    return len(words) > 1 and not is_any_word(query)


def is_any_word(query):
    """True when one matching word is enough: the pre-filter is then the whole condition."""
    if isinstance(query, PlainText):
        return query.operator.lower() == "or" or len(words_of(query)) == 1
    return isinstance(query, Or) and all(is_any_word(subquery) for subquery in query.subqueries)


class LanguagePostgresIndex(PostgresIndex):
    """Index entries made with the configuration of each object's language (pages and translatable
    snippets have a locale; other objects take the default)."""

    def add_items(self, model, objs):
        by_language = {}
        for obj in objs:
            locale_id = getattr(obj, "locale_id", None)
            by_language.setdefault(language_code(locale_id) if locale_id else "", []).append(obj)
        for language, same_language in by_language.items():
            config = config_for(self.backend, language)
            if config == self.backend.config:
                super().add_items(model, same_language)
                continue
            with _indexing:  # the indexer reads the backend's configuration when it is made
                default, self.backend.config = self.backend.config, config
                try:
                    super().add_items(model, same_language)
                finally:
                    self.backend.config = default


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedPostgresQueryCompiler
    index_class = LanguagePostgresIndex


# --- one hand-written statement for the matches (search/matches.py) ----------------------------------
# The statement `IndexedPostgresQueryCompiler.search` makes, written once: building it through the ORM
# (the join to the index, the rank and its ordering resolved on every search) cost about 5 ms of a
# new search string's 10. The text search parts (queries, ranks) are still modelsearch's own
# expressions, compiled alone on the index entry's columns, so the score is the same to the last bit.

_ENTRY_COLUMNS = {name: RawSQL(f"e.{name}", [], output_field=FloatField()) for name in ("title", "title_norm", "body")}


class _EntryColumnsCompiler(IndexedPostgresQueryCompiler):
    """The compiler's vectors as the columns of the index entry `e` of a hand-written statement."""

    def get_index_vectors(self, search_query):
        return [(_ENTRY_COLUMNS["title"], _ENTRY_COLUMNS["title_norm"]), (_ENTRY_COLUMNS["body"], 1.0)]


@functools.cache
def _compiler():
    return _EntryColumnsCompiler(Page.objects.none(), MATCH_ALL)


def _sql(expression):
    return Query(None).get_compiler(connection=connection).compile(expression)


def _config():
    default = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
    return LANGUAGE_CONFIGS.get(current_language(), default)


def _entries_table():
    return get_app_config().get_model("IndexEntry")._meta.db_table


def _match(query, config):
    """(SQL condition on the index entry `e`, params, words) of `IndexedPostgresQueryCompiler.search`
    for `query`; None when that compiler would leave it to the stock one."""
    words = words_of(query)
    if not words:
        return None
    compiler = _compiler()
    search_query = compiler.build_tsquery(query, config=config)
    any_word = compiler.build_tsquery(PlainText(" ".join(words), operator="or"), config=config)
    if search_query is None or any_word is None:
        return None
    any_sql, any_params = _sql(any_word)
    sql, params = f"(e.title @@ {any_sql} OR e.body @@ {any_sql})", [*any_params, *any_params]
    if needs_title_and_body_together(query, words):
        every_sql, every_params = _sql(search_query)
        sql, params = f"{sql} AND (e.title || e.body) @@ {every_sql}", [*params, *every_params]
    return sql, params, words


def _score(query, config, words):
    """(SQL, params) of the score `IndexedPostgresQueryCompiler.search` orders by: modelsearch's rank
    of title and body plus the title words' bonus (`title_words_bonus`)."""
    compiler = copy.copy(_compiler())  # the rank reads the compiler's query: a copy per search
    compiler.query = query
    rank_sql, params = _sql(compiler._build_rank_expression(compiler.get_index_vectors(None), config))
    bonus = []
    for word in bonus_words(words):
        bonus.append("CASE WHEN UPPER(e.title_text::text) LIKE UPPER(%s) THEN %s ELSE %s END")
        params += [f"%{connection.ops.prep_for_like_query(word)}%", TITLE_WORD_BONUS, 0.0]
    if not bonus:
        return f"({rank_sql} + %s)", [*params, 0.0]
    return f"({rank_sql} + {' + '.join(bonus)})", params


def ranked_rows(query, entry_types, pages, limit):
    """[(page id, content type id)] of the pages matching `query`, best first (the backend's score,
    then the newest id), at most `limit`; `pages` is (SQL condition on `p`, params); `entry_types`
    the content types the index entries may have. None when the backend must answer."""
    config = _config()
    match = _match(query, config)
    if match is None:
        return None
    condition, condition_params, words = match
    score, score_params = _score(query, config, words)
    page_condition, page_params = pages
    sql = (
        f"SELECT p.id, p.content_type_id FROM wagtailcore_page p JOIN {_entries_table()} e "
        f"ON e.content_type_id IN ({', '.join(['%s'] * len(entry_types))}) AND e.object_id = (p.id)::varchar(50) "
        f"WHERE {page_condition} AND {condition} ORDER BY {score} DESC, p.id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*entry_types, *page_params, *condition_params, *score_params, limit])
        return list(dict.fromkeys(cursor.fetchall()))


def matching_object_ids(queries, entry_types, among=None):
    """For each of `queries`, the ids of the objects whose index entries (of `entry_types`) match it,
    in no order (optionally only `among` these ids), in one statement; None when the backend must answer."""
    config = _config()
    matches = [_match(query, config) for query in queries]
    if any(match is None for match in matches):
        return None
    if among is not None and not among:
        return [[] for _ in queries]
    select = (
        f"SELECT DISTINCT %s, e.object_id FROM {_entries_table()} e "
        f"WHERE e.content_type_id IN ({', '.join(['%s'] * len(entry_types))})"
    )
    if among is not None:
        select += f" AND e.object_id IN ({', '.join(['%s'] * len(among))})"
    selects, params = [], []
    for n, (condition, condition_params, _) in enumerate(matches):
        selects.append(f"{select} AND {condition}")
        params += [n, *entry_types, *(str(pk) for pk in among or ()), *condition_params]
    found = [[] for _ in queries]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        for n, pk in cursor.fetchall():
            found[n].append(int(pk))
    return found
