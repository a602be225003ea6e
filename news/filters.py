"""The news catalogue's facets, on the shared toolkit (`catalogue.filters`): text, kind, theme,
year and "only open calls". Every facet counts the articles it would give with the others applied,
in one query. Open calls depend on the clock: the filter set says when its results next change
(`next_change`, the next deadline) and its kept parts live no longer (`part_seconds`)."""

from django import forms
from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from catalogue.filters import (
    CatalogueFilterSet,
    CheckboxFilter,
    ChoiceFacet,
    FacetFilter,
    Option,
    TextFilter,
    facet_counts,
)
from core.parts import shared_part
from projects.filters import counted_options as counted
from projects.models import Theme
from search.query import clean_query
from search.services import matching_ids

from .deadlines import seconds_until
from .kinds import Kind

SEARCH_RESULT_LIMIT = 5000


def search_news(model, text):
    return matching_ids(model.objects.live(), text, SEARCH_RESULT_LIMIT, ranked=False)


def theme_choices():
    return list(Theme.objects.order_by("name").values_list("slug", "name"))


class NewsFilterSet(CatalogueFilterSet):
    q = TextFilter(match=search_news, clean=clean_query)
    tipo = ChoiceFacet(label=_("Tipo"), choices=Kind.choices, field_name="kind", empty_label=_("Tutti"))
    tema = FacetFilter(forms.SlugField, label=_("Tema"), field_name="themes__slug", empty_label=_("Tutti"))
    anno = FacetFilter(
        forms.IntegerField,
        label=_("Anno"),
        min_value=1900,
        max_value=2200,
        field_name="date__year",
        empty_label=_("Tutti"),
    )
    aperti = CheckboxFilter(label=_("Solo avvisi e bandi aperti"), method="filter_open")

    def __init__(self, data, queryset, *, request, now, **kwargs):
        super().__init__(data, queryset, request=request, **kwargs)
        self.now = now
        self.next_change = queryset.next_closing(now)
        self.part_seconds = seconds_until(self.next_change, now)

    @classmethod
    def for_catalogue(cls, request, index, now):
        return cls(request.GET, index.articles().order_by("-date", "-pk"), request=request, now=now)

    def filter_open(self, articles, name, value):
        return articles.open_calls(self.now) if value else articles

    @cached_property
    def theme_choices(self):
        return shared_part("news:theme-choices", self.request, theme_choices)

    def counts_tipo(self, articles):
        return facet_counts(articles, "kind")

    def options_tipo(self, counts, selected):
        return counted(Kind.choices, counts, selected)

    def counts_tema(self, articles):
        through = articles.model.themes.through.objects.filter(newsarticlepage_id__in=articles.order_by().values("pk"))
        return facet_counts(through, "theme__slug", Count("newsarticlepage_id", distinct=True))

    def options_tema(self, counts, selected):
        return counted(self.theme_choices, counts, selected)

    def counts_anno(self, articles):
        return facet_counts(articles, "date__year")

    def options_anno(self, counts, selected):
        years = sorted({int(year) for year in counts if year} | ({selected} if selected else set()), reverse=True)
        return [Option(str(year), str(year), counts.get(str(year), 0)) for year in years]
