"""What visitors search for, kept as daily aggregates (no visitor data), so editors can see popular
and fruitless searches."""

from django.db import models
from django.db.models import F
from django.utils import timezone

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
        day = day or timezone.localdate()
        entry, _ = cls.objects.get_or_create(day=day, query=query)
        cls.objects.filter(pk=entry.pk).update(
            searches=F("searches") + 1,
            zero_result_searches=F("zero_result_searches") + (0 if result_count else 1),
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
