"""The site's search backend: Wagtail's database backend, tuned for Italian.

- PostgreSQL: the stock backend with the text search configuration named in `SEARCH_CONFIG`
  (settings pick `asap_italian`, created by migration 0002: Italian stemming, accents ignored), and
  a match the GIN indexes can answer (search/postgres_backend.py).
- SQLite (FTS5): no Italian stemmer exists there, so each word becomes a prefix query on a light
  stem ("progetto" -> `"progett"*`, which also finds "progetti"), stopwords are dropped, and a title
  match ranks above body matches. FTS5's default tokenizer already ignores accents.
- Anything else: the stock backend unchanged.
"""

from django.db import connection
from modelsearch.backends import database as stock


def SearchBackend(params):
    backend = stock.SearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from .sqlite_backend import ItalianSQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            return ItalianSQLiteSearchBackend(params)
    if connection.vendor == "postgresql":
        from .postgres_backend import IndexedPostgresSearchBackend

        return IndexedPostgresSearchBackend(params)
    return backend
