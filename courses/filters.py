"""The course catalogue's facets, on the shared toolkit (`catalogue.filters`): text, area, mode, city,
month, fee, open for enrolment, and the archive of past courses (a mode, kept as a hidden field)."""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.filters import CatalogueFilterSet, CheckboxFilter, ChoiceFacet, TextFilter
from core.dates import italian_month
from core.parts import shared_part
from search.query import clean_query
from search.services import matching_ids

from .choices import Area, DeliveryMode

ROME = ZoneInfo("Europe/Rome")
FEES = [("gratuito", _("Gratuiti")), ("pagamento", _("A pagamento"))]


def month_label(value):
    """An option of the month list, e.g. «Marzo 2027» (a list item starts with a capital)."""
    return italian_month(value).capitalize()


def facet_choices(courses):
    """The cities and months that `courses` have sessions in, as each list offers them: the same
    for every visitor, so kept per catalogue until editors change something."""
    sessions = courses.sessions()
    cities = sessions.filter(venue__isnull=False).order_by("venue__city").values_list("venue__city", flat=True)
    months = sessions.filter(cancelled=False).datetimes("start", "month", tzinfo=ROME)
    return {
        "citta": [(city, city) for city in sorted(set(cities))],
        "mese": [(f"{month:%Y-%m}", month_label(month)) for month in months],
    }


def search_courses(model, text):
    """Ids of live courses matching `text`; the catalogue keeps those a visitor may see."""
    return matching_ids(model.objects.live(), text, ranked=False)


class CourseFilterSet(CatalogueFilterSet):
    q = TextFilter(match=search_courses, clean=clean_query)
    area = ChoiceFacet(label=_("Area tematica"), choices=Area.choices, empty_label=_("Tutte"))
    modalita = ChoiceFacet(
        label=_("Modalità"), choices=DeliveryMode.choices, field_name="delivery_mode", empty_label=_("Tutte")
    )
    citta = ChoiceFacet(label=_("Città"), method="filter_city", empty_label=_("Tutte"))
    mese = ChoiceFacet(label=_("Mese"), method="filter_month")
    quota = ChoiceFacet(label=_("Quota"), choices=FEES, method="filter_fee")
    aperte = CheckboxFilter(label=_("Solo con iscrizioni aperte"), method="filter_open")
    archivio = CheckboxFilter(label=_("Archivio dei corsi conclusi"), widget=forms.HiddenInput, method="filter_archive")

    def __init__(self, data, queryset, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.now = timezone.now()
        self.archive = forms.BooleanField().to_python(self.data.get("archivio"))
        if self.archive:
            del self.filters["aperte"]  # every archived course is closed
        choices = shared_part(
            f"courses:facet-choices:{self.request.path}", self.request, lambda: facet_choices(queryset)
        )
        for name, options in choices.items():
            self.filters[name].extra["choices"] = options

    @classmethod
    def for_catalogue(cls, request, index):
        return cls(request.GET, index.courses(), request=request)

    def filter_city(self, courses, name, city):
        return courses.with_session(venue__city=city)

    def filter_month(self, courses, name, month):
        first = datetime.datetime.strptime(month, "%Y-%m").replace(tzinfo=ROME)
        following = (first + datetime.timedelta(days=32)).replace(day=1)
        return courses.with_session(cancelled=False, start__gte=first, start__lt=following)

    def filter_fee(self, courses, name, fee):
        return courses.filter(is_free=fee == "gratuito")

    def filter_open(self, courses, name, only_open):
        return courses.open_for_enrolment(self.now) if only_open else courses

    def filter_archive(self, courses, name, archive):
        return courses.archived(self.now) if archive else courses.upcoming(self.now)
