"""What visitors search for, kept as daily aggregates (no visitor data), so editors can see popular
and fruitless searches."""

from django.db import connection, models
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import TranslatableMixin
from wagtail.search.utils import normalise_query_string

from core.dates import italian_date

MAX_LOGGED_QUERY_LENGTH = 200


class SearchQueryDay(models.Model):
    day = models.DateField("Giorno", db_index=True)
    query = models.CharField("Ricerca", max_length=MAX_LOGGED_QUERY_LENGTH)
    searches = models.PositiveIntegerField("Ricerche", default=0)
    zero_result_searches = models.PositiveIntegerField("Ricerche senza risultati", default=0)

    class Meta:
        verbose_name = "Ricerca del giorno"
        verbose_name_plural = "Registro delle ricerche"
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="search_query_day_unique")]
        ordering = ["-day", "-searches"]

    def __str__(self):
        return f"{self.query} ({italian_date(self.day)})"

    @classmethod
    def record(cls, query, result_count, day=None):
        """Count one search; `query` should already be cleaned and is stored lower-cased."""
        query = query.strip().lower()[:MAX_LOGGED_QUERY_LENGTH]
        if not query:
            return
        upsert_increment(
            cls,
            {"day": day or timezone.localdate(), "query": query},
            ["searches", "zero_result_searches"],
            [1, 0 if result_count else 1],
        )


def upsert_increment(model, keys, counters, amounts):
    """Add `amounts` to `counters` of the row with `keys` (a unique constraint), creating it if need
    be: one INSERT ... ON CONFLICT DO UPDATE (SQLite and PostgreSQL) rather than a read and a write."""
    table, fields = model._meta.db_table, model._meta
    key_columns = [fields.get_field(name).column for name in keys]
    counter_columns = [fields.get_field(name).column for name in counters]
    columns = ", ".join(connection.ops.quote_name(c) for c in [*key_columns, *counter_columns])
    updates = ", ".join(
        f"{connection.ops.quote_name(c)} = {connection.ops.quote_name(table)}.{connection.ops.quote_name(c)} + excluded.{connection.ops.quote_name(c)}"
        for c in counter_columns
    )
    conflict = ", ".join(connection.ops.quote_name(c) for c in key_columns)
    placeholders = ", ".join(["%s"] * (len(key_columns) + len(counter_columns)))
    values = [fields.get_field(name).get_db_prep_value(value, connection) for name, value in keys.items()]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {connection.ops.quote_name(table)} ({columns}) VALUES ({placeholders}) "
            f"ON CONFLICT ({conflict}) DO UPDATE SET {updates}",
            [*values, *amounts],
        )


def count_promotions_hit(query_string, day):
    """Wagtail's `Query.get(query_string).add_hit(day)`, which feeds the promotions' "popular queries",
    in two statements and no read or transaction: the query's row if it is new, then its daily hits."""
    quote = connection.ops.quote_name
    queries, hits = quote(Query._meta.db_table), quote(QueryDailyHits._meta.db_table)
    text, query_id, date, count = (quote(c) for c in ("query_string", "query_id", "date", "hits"))
    query_string = normalise_query_string(query_string)
    day = QueryDailyHits._meta.get_field("date").get_db_prep_value(day, connection)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {queries} ({text}) VALUES (%s) ON CONFLICT ({text}) DO NOTHING", [query_string])
        # The `WHERE` is needed: SQLite would read `ON CONFLICT` after a bare `FROM` as a join's `ON`.
        cursor.execute(
            f"INSERT INTO {hits} ({query_id}, {date}, {count}) SELECT id, %s, 1 FROM {queries} WHERE {text} = %s "
            f"ON CONFLICT ({query_id}, {date}) DO UPDATE SET {count} = {hits}.{count} + 1",
            [day, query_string],
        )


class ApprovedSearch(models.Model):
    """A search an editor allows among the public "Ricerche frequenti": what other visitors typed is
    shown only once someone has read it."""

    query = models.CharField(
        "Ricerca",
        max_length=MAX_LOGGED_QUERY_LENGTH,
        unique=True,
        help_text="Come compare nel registro delle ricerche; viene salvata in minuscolo.",
    )

    class Meta:
        verbose_name = "Ricerca frequente approvata"
        verbose_name_plural = "Ricerche frequenti approvate"
        ordering = ["query"]

    def __str__(self):
        return self.query

    def save(self, *args, **kwargs):
        self.query = self.query.strip().lower()
        super().save(*args, **kwargs)


class SearchSynonym(TranslatableMixin, models.Model):
    """Words a visitor may use for the same thing ("FSE", "Fondo sociale europeo"): a search for any of
    them finds pages that use another (search/synonyms.py, applied when the query is read, so no
    reindexing). One row per group and language."""

    terms = models.CharField(
        "Termini equivalenti",
        max_length=500,
        help_text="Separati da virgole, per esempio: FSE, Fondo sociale europeo. Una parola o più parole per termine.",
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = "Sinonimo di ricerca"
        verbose_name_plural = "Sinonimi di ricerca"
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    def term_list(self):
        return [term.strip() for term in self.terms.split(",") if term.strip()]
