"""Search figures for editors' reports; the statistics report gets them through search/wagtail_hooks.py."""

from datetime import timedelta

from django.db.models import F, Sum
from django.utils import timezone

from .models import ApprovedSearch, SearchQueryDay


def top_searches(start, end, limit=10):
    """[(query, searches)] between two dates (inclusive), most searched first."""
    rows = (
        SearchQueryDay.objects.filter(day__range=(start, end))
        .values("query")
        .annotate(total=Sum("searches"))
        .order_by("-total", "query")[:limit]
    )
    return [(row["query"], row["total"]) for row in rows]


def zero_result_searches(start, end, limit=10):
    """[(query, searches that found nothing)] between two dates (inclusive), most frequent first."""
    rows = (
        SearchQueryDay.objects.filter(day__range=(start, end), zero_result_searches__gt=0)
        .values("query")
        .annotate(total=Sum("zero_result_searches"))
        .order_by("-total", "query")[:limit]
    )
    return [(row["query"], row["total"]) for row in rows]


def popular_searches(days=30, limit=8):
    """Queries an editor approved that found something, most searched in the last `days` first:
    suggestions for a visitor whose search found nothing."""
    end = timezone.localdate()
    approved = ApprovedSearch.objects.values("query")
    rows = (
        SearchQueryDay.objects.filter(day__range=(end - timedelta(days=days), end), query__in=approved)
        .values("query")
        .annotate(total=Sum("searches"), fruitless=Sum("zero_result_searches"))
        .filter(total__gt=F("fruitless"))
        .order_by("-total", "query")[:limit]
    )
    return [row["query"] for row in rows]
