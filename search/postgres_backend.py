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

import re
import threading

from django.db.models import Case, F, Q, Value, When
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Or, PlainText

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
        if len(words) > 1 and not is_any_word(self.query):
            # Several words may be split between title and body: only the concatenation tells.
            queryset = queryset.annotate(_vector_=combined_vector).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


def title_words_bonus(words):
    """A bonus per query word found as typed in the title, far above any ts_rank difference: the
    stemmer makes "progettazione" and "progetti" one lexeme, yet the course titled "Progettazione
    europea" is the one a visitor typing it wants (the SQLite backend counts title matches alike)."""
    bonus = [
        Case(When(index_entries__title_text__icontains=word, then=Value(TITLE_WORD_BONUS)), default=Value(0.0))
        for word in dict.fromkeys(word.lower() for word in words if len(word) > 2)
    ]
    return sum(bonus[1:], bonus[0]) if bonus else Value(0.0)


def words_of(query):
    """Every word of a plain-text query or of an And/Or of them (synonyms); None for anything else."""
    if isinstance(query, PlainText):
        return [word for word in re.split(r"[\s\-]+", query.query_string.strip()) if word]
    if isinstance(query, (And, Or)):
        parts = [words_of(subquery) for subquery in query.subqueries]
        return None if any(part is None for part in parts) else [word for part in parts for word in part]
    return None


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
