"""Course catalogue: the catalogue page and the course pages (their editions are in `editions.py`). Both
pages are routable: the catalogue serves its listing and a calendar of every course; a course its
page, its calendar and its enquiry form."""

from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.views.decorators.http import require_GET
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from catalogue.listing import listing_context
from core.amounts import euros
from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage
from core.parts import shared_part
from projects.visibility import fund_statement

from ..article import course_article
from ..blocks import CourseBodyBlock, programme_hours_mismatch
from ..choices import Area, Certificate, DeliveryMode, Level
from ..enquiries import pages as enquiry_pages
from ..feeds import build_calendar, calendar_response
from ..filters import CourseFilterSet
from ..querysets import CoursePageQuerySet
from ..status import course_status

COURSES_PER_PAGE = 10
# The catalogue's calendar keeps recent and future sessions; a course's own calendar keeps them all.
CATALOGUE_CALENDAR_PAST = timedelta(days=180)


class CourseIndexPage(RoutablePageMixin, BasePage):
    """The catalogue: upcoming courses first, filters (`filters.py`), and an archive of past courses."""

    intro = models.TextField("Introduzione", blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Catalogo dei corsi"
        verbose_name_plural = "Cataloghi dei corsi"

    def courses(self):
        """The courses a visitor may see in this catalogue."""
        return CoursePage.objects.in_catalogue(self)

    @path("")
    def catalogue(self, request):
        filterset = CourseFilterSet.for_catalogue(request, self)
        context = listing_context(filterset, COURSES_PER_PAGE, "courses/includes/course_card.html")
        context["archive"] = filterset.archive
        return self.render(request, context_overrides=context)

    @path("calendario.ics/")
    @method_decorator(require_GET)
    def calendar(self, request):
        """Every course's recent and future sessions."""
        courses = self.courses().for_calendar(since=timezone.now() - CATALOGUE_CALENDAR_PAST)
        return calendar_response(build_calendar(self.title, courses, lambda c: c.get_full_url(request)), "corsi.ics")


CoursePageManager = PageManager.from_queryset(CoursePageQuerySet)


class CoursePage(RoutablePageMixin, BasePage):
    code = models.CharField("Codice", max_length=30, help_text="Ad esempio ASAP-FSE-01.")
    summary = models.TextField("Sommario", max_length=500, help_text="Due o tre frasi per il catalogo.")
    body = StreamField(CourseBodyBlock(), verbose_name="Descrizione", blank=True)
    area = models.CharField("Area tematica", max_length=20, choices=Area.choices)
    target_audience = models.TextField("Destinatari")
    prerequisites = models.TextField("Prerequisiti", blank=True)
    learning_outcomes = RichTextField("Risultati di apprendimento", blank=True, features=RICH_TEXT_FEATURES)
    level = models.CharField("Livello", max_length=20, choices=Level.choices, default=Level.BASE)
    delivery_mode = models.CharField("Modalità di erogazione", max_length=20, choices=DeliveryMode.choices)
    language = models.CharField("Lingua", max_length=50, default="Italiano")
    total_hours = models.DecimalField(
        "Durata complessiva (ore)", max_digits=6, decimal_places=1, validators=[MinValueValidator(Decimal("0.5"))]
    )
    is_free = models.BooleanField("Gratuito", default=False)
    fee = models.DecimalField(
        "Quota di iscrizione (euro)",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    fee_notes = models.CharField(
        "Note sulla quota", max_length=255, blank=True, help_text="Ad esempio: IVA esente, sconti per enti soci."
    )
    certificate = models.CharField("Attestato", max_length=20, choices=Certificate.choices, blank=True)
    certificate_notes = models.CharField(
        "Note sull'attestato", max_length=255, blank=True, help_text="Ad esempio il numero di crediti formativi."
    )
    funding_programme = models.ForeignKey(
        "projects.FundingProgramme",
        verbose_name="Programma di finanziamento",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
        help_text="Se il corso è finanziato: il programma del catalogo progetti.",
    )
    contact_name = models.CharField("Referente", max_length=120, blank=True)
    contact_email = models.EmailField(
        "E-mail del referente",
        blank=True,
        help_text="Riceve le richieste di informazioni su questo corso; se vuota si usa l'indirizzo generale.",
    )
    contact_phone = models.CharField("Telefono del referente", max_length=40, blank=True)

    objects = CoursePageManager()

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("title", boost=3),
        index.SearchField("code", boost=2),
        index.SearchField("summary"),
        index.SearchField("area_label"),
        index.SearchField("venue_names"),
        index.SearchField("body"),
        index.AutocompleteField("code"),
        index.FilterField("area"),
        index.FilterField("delivery_mode"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("code"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("area"),
                FieldPanel("level"),
                FieldPanel("delivery_mode"),
                FieldPanel("language"),
                FieldPanel("total_hours"),
            ],
            heading="Caratteristiche",
        ),
        MultiFieldPanel(
            [FieldPanel("target_audience"), FieldPanel("prerequisites"), FieldPanel("learning_outcomes")],
            heading="Destinatari e obiettivi",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("is_free"), FieldPanel("fee"), FieldPanel("fee_notes")],
            heading="Quota",
        ),
        MultiFieldPanel([FieldPanel("certificate"), FieldPanel("certificate_notes")], heading="Attestato"),
        MultiFieldPanel(
            [FieldPanel("funding_programme"), InlinePanel("related_projects", label="Progetto collegato")],
            heading="Finanziamento e progetti collegati",
        ),
        InlinePanel("sessions", label="Edizione", heading="Edizioni e date"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading="Contatti",
        ),
    ]

    class Meta:
        verbose_name = "Corso"
        verbose_name_plural = "Corsi"

    def clean(self):
        super().clean()
        if self.is_free and self.fee:
            raise ValidationError({"fee": "Un corso gratuito non ha una quota di iscrizione."})
        if not self.is_free and self.fee is None:
            raise ValidationError({"fee": "Indica la quota oppure segna il corso come gratuito."})
        mismatch = programme_hours_mismatch(self.body, self.total_hours)
        if mismatch:
            raise ValidationError({"total_hours": mismatch})

    @classmethod
    def get_indexed_objects(cls):
        """`venue_names` reads every session's venue: fetched with the pages when indexing in bulk."""
        return super().get_indexed_objects().prefetch_related("sessions__venue")

    def area_label(self):
        return self.get_area_display()

    def venue_names(self):
        return " ".join(sorted({f"{s.venue.name} {s.venue.city}" for s in self.sessions.all() if s.venue}))

    @cached_property
    def sorted_sessions(self):
        """Sessions by start date; uses prefetched sessions when the listing loaded them."""
        if "sessions" in getattr(self, "_prefetched_objects_cache", {}):
            sessions = self.sessions.all()
        else:
            sessions = self.sessions.select_related("venue")
        return sorted(sessions, key=lambda session: session.start)

    def status(self, now=None):
        return course_status(self.sorted_sessions, now)

    def upcoming_sessions(self, now=None):
        now = now or timezone.now()
        return [s for s in self.sorted_sessions if s.end > now and not s.cancelled]

    def next_session(self, now=None):
        """The next edition: the first not cancelled that starts today or later (Rome date), so
        "Prossima edizione" never names a day already past."""
        today = timezone.localdate(now or timezone.now())
        return next((s for s in self.upcoming_sessions(now) if timezone.localdate(s.start) >= today), None)

    def running_session(self, now=None):
        """The edition under way (started before today, not over), for "In corso fino al ..."."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        return next((s for s in self.upcoming_sessions(now) if timezone.localdate(s.start) < today), None)

    def enquirable_sessions(self, now=None):
        """Sessions a visitor can ask about: enrolment open (never a closed, cancelled or past one).
        A full one stays: asking for it puts the visitor on its waiting list."""
        return [s for s in self.upcoming_sessions(now) if s.enrolment_is_open(now)]

    def waiting_list_sessions(self, now=None):
        """The course has only a waiting list when every session open for enrolment is full: these."""
        open_sessions = self.enquirable_sessions(now)
        return open_sessions if open_sessions and all(s.is_full for s in open_sessions) else []

    @property
    def eu_statement(self):
        """The EU statement of the fund behind the course's programme, or "" (see `projects.visibility`)."""
        return fund_statement(self.funding_programme.fund) if self.funding_programme_id else ""

    @property
    def fee_label(self):
        if self.is_free:
            return gettext("Gratuito")
        return euros(self.fee)

    def get_context(self, request, *args, **kwargs):
        """The article is the same for every visitor, so it is built once and kept as a shared part
        until editors change something, and for the page cache's staleness bound at most (the status,
        seats and waiting list follow the clock and enquiries); a preview builds it afresh."""
        context = super().get_context(request, *args, **kwargs)
        context.update(shared_part(f"page-article:{self.pk}", request, lambda: course_article(self, request, context)))
        return context

    @path("calendario.ics/")
    @method_decorator(require_GET)
    def calendar(self, request):
        """All the course's sessions."""
        url = self.get_full_url(request)
        return calendar_response(build_calendar(self.title, [self], lambda course: url), f"{self.slug}.ics")

    @path("richiedi-informazioni/")
    @transaction.non_atomic_requests  # the form commits the enquiry itself (see `serving.views.serve`)
    def enquiry(self, request):
        return enquiry_pages.enquiry_form(request, self)

    @path("richiedi-informazioni/grazie/")
    def enquiry_thanks(self, request):
        return enquiry_pages.enquiry_thanks(request, self)
