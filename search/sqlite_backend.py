"""The SQLite (FTS5) half of search/backends.py; imported only on SQLite (its modelsearch imports
need the FTS model, which exists only there)."""

from functools import reduce

from modelsearch.backends.database.sqlite.query import BM25, Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend, SQLiteSearchQueryCompiler
from modelsearch.conf import get_app_config
from modelsearch.query import And, Not, Or, Phrase, PlainText

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
