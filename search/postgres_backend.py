"""The PostgreSQL half of search/backends.py: Wagtail's backend, with a match that can use the index.

The stock backend filters on `(title || body) @@ query`: a concatenation no index covers, so every
search scans and re-concatenates every index entry. Here that exact condition is kept, behind a
pre-filter the two GIN indexes answer: `title @@ any_word OR body @@ any_word`, where `any_word` is
the query's words joined with OR. A one-word query is answered from the indexes alone (the
concatenation is not even computed).
"""

import re

from django.db.models import F, Q
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend, PostgresSearchQueryCompiler
from modelsearch.query import PlainText


class IndexedPostgresQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        if self.fields is not None or not isinstance(self.query, PlainText):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        any_word = self.build_tsquery(PlainText(self.query.query_string, operator="or"), config=config)
        if search_query is None or any_word is None:
            return self.queryset.none()
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        combined_vector = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined_vector = combined_vector._combine(vector, "||", False)
        # Annotations (not filter() lookups) so the conditions share one join to the index.
        queryset = self.queryset.annotate(_title_=F("index_entries__title"), _body_=F("index_entries__body"))
        queryset = queryset.filter(Q(_title_=any_word) | Q(_body_=any_word))
        if len(re.split(r"[\s\-]+", self.query.query_string.strip())) > 1:
            # Several words may be split between title and body: only the concatenation tells.
            queryset = queryset.annotate(_vector_=combined_vector).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedPostgresQueryCompiler
