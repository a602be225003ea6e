"""Editors' report of what visitors searched for (Rapporti → Ricerche del sito), with the searches
that found nothing, so missing content and missing editors' picks show up."""

import django_filters
from django import forms
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from core.dates import italian_date
from core.spreadsheets import ItalianSpreadsheetExportMixin

from .models import SearchQueryDay


class SearchLogFilterSet(WagtailFilterSet):
    day = django_filters.DateFromToRangeFilter(label="Giorno", widget=DateRangePickerWidget)
    query = django_filters.CharFilter(label="Testo cercato", lookup_expr="icontains")
    only_fruitless = django_filters.BooleanFilter(
        label="Solo ricerche senza risultati", method="filter_fruitless", widget=forms.CheckboxInput
    )

    class Meta:
        model = SearchQueryDay
        fields = ["day", "query"]

    def filter_fruitless(self, queryset, name, value):
        return queryset.filter(zero_result_searches__gt=0) if value else queryset


class SearchLogReportView(ItalianSpreadsheetExportMixin, ReportView):
    """What visitors searched for: only for users with "view search query day" (Moderatori)."""

    permission_required = "view"
    sheet_title = "Ricerche"
    page_title = "Ricerche del sito"
    header_icon = "search"
    model = SearchQueryDay
    filterset_class = SearchLogFilterSet
    index_url_name = "search_log"
    index_results_url_name = "search_log_results"
    columns = [
        Column("day", label="Giorno", accessor=lambda row: italian_date(row.day)),
        Column("query", label="Testo cercato"),
        Column("searches", label="Ricerche"),
        Column("zero_result_searches", label="Senza risultati"),
    ]
    export_filename = "ricerche-del-sito"
    list_export = ["day", "query", "searches", "zero_result_searches"]
    export_headings = {
        "day": "Giorno",
        "query": "Testo cercato",
        "searches": "Ricerche",
        "zero_result_searches": "Senza risultati",
    }

    def get_queryset(self):
        return SearchQueryDay.objects.order_by("-day", "-searches", "query")
