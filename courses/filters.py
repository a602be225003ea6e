"""Catalogue filters: a plain GET form, so the state lives in the URL and works without JavaScript.
Values a visitor mangled are reported next to the field and ignored, never a server error."""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format

from search.query import clean_query
from search.services import matching_ids

from .models import Area, CoursePage, CourseSession, DeliveryMode

ROME = ZoneInfo("Europe/Rome")

FEE_CHOICES = [("", "Tutti"), ("gratuito", "Gratuiti"), ("pagamento", "A pagamento")]


def month_label(value):
    return date_format(value, "F Y").capitalize()


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label="Cerca", required=False, max_length=200)
    area = forms.ChoiceField(label="Area tematica", required=False, choices=[("", "Tutte"), *Area.choices])
    modalita = forms.ChoiceField(label="Modalità", required=False, choices=[("", "Tutte"), *DeliveryMode.choices])
    citta = forms.ChoiceField(label="Città", required=False)
    mese = forms.ChoiceField(label="Mese", required=False)
    quota = forms.ChoiceField(label="Quota", required=False, choices=FEE_CHOICES)
    aperte = forms.BooleanField(label="Solo con iscrizioni aperte", required=False)
    archivio = forms.BooleanField(label="Archivio dei corsi conclusi", required=False, widget=forms.HiddenInput)

    def __init__(self, data, *, cities, months):
        super().__init__(data)
        self.fields["citta"].choices = [("", "Tutte"), *((city, city) for city in cities)]
        self.fields["mese"].choices = [("", "Tutti"), *((f"{m:%Y-%m}", month_label(m)) for m in months)]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = "Valore non valido: scegli una delle opzioni proposte."
        self.fields["q"].error_messages["max_length"] = "Scrivi al massimo 200 caratteri."

    def valid_value(self, name):
        """The cleaned value when this field is valid, otherwise empty (the error is shown)."""
        if not self.is_bound:
            return None
        self.is_valid()
        if name in self.errors:
            return None
        return self.cleaned_data.get(name)


def sessions_of_live_courses(index_page):
    live = CoursePage.objects.live().public().child_of(index_page)
    return CourseSession.objects.filter(course__in=live.values("pk"))


def filter_options(index_page):
    sessions = sessions_of_live_courses(index_page)
    cities = sessions.filter(venue__isnull=False).order_by("venue__city").values_list("venue__city", flat=True)
    months = sessions.filter(cancelled=False).datetimes("start", "month", tzinfo=ROME)
    return sorted(set(cities)), list(months)


def open_sessions(now):
    """SQL for `session_status(...) == OPEN` (see status.py)."""
    return CourseSession.objects.filter(
        Q(enrolment_deadline__isnull=True) | Q(enrolment_deadline__gte=timezone.localdate(now)),
        Q(seats__isnull=True) | Q(seats_taken__lt=F("seats")),
        course=OuterRef("pk"),
        cancelled=False,
        start__gt=now,
    )


def search_ids(query):
    return matching_ids(CoursePage.objects.live().public(), query, ranked=False)


def catalogue_queryset(index_page, form, now=None):
    now = now or timezone.now()
    sessions = CourseSession.objects.filter(course=OuterRef("pk"))
    active = sessions.filter(cancelled=False, end__gt=now)
    courses = (
        CoursePage.objects.live()
        .public()
        .child_of(index_page)
        .annotate(
            next_start=Subquery(active.order_by("start").values("start")[:1]),
            last_end=Subquery(sessions.order_by("-end").values("end")[:1]),
            has_future_session=Exists(sessions.filter(end__gt=now)),
        )
    )
    if form.valid_value("archivio"):
        courses = courses.filter(last_end__lte=now, has_future_session=False).order_by("-last_end", "title")
    else:
        courses = courses.filter(Q(has_future_session=True) | Q(last_end__isnull=True)).order_by(
            F("next_start").asc(nulls_last=True), "title"
        )

    query = clean_query(form.valid_value("q") or "")
    if query:
        courses = courses.filter(pk__in=search_ids(query))
    if area := form.valid_value("area"):
        courses = courses.filter(area=area)
    if mode := form.valid_value("modalita"):
        courses = courses.filter(delivery_mode=mode)
    if city := form.valid_value("citta"):
        courses = courses.filter(Exists(sessions.filter(venue__city=city)))
    if month := form.valid_value("mese"):
        first = datetime.datetime.strptime(month, "%Y-%m").replace(tzinfo=ROME)
        following = (first + datetime.timedelta(days=32)).replace(day=1)
        courses = courses.filter(Exists(sessions.filter(cancelled=False, start__gte=first, start__lt=following)))
    if form.valid_value("aperte"):
        courses = courses.filter(Exists(open_sessions(now)))
    fee = form.valid_value("quota")
    if fee == "gratuito":
        courses = courses.filter(is_free=True)
    elif fee == "pagamento":
        courses = courses.filter(is_free=False)
    return courses
