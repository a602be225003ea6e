"""The events' pages: the index (upcoming first, an archive of past events, a calendar of all) and
the event page (its article, calendar file and registration form). Both are routable."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage
from core.parts import changes_in
from projects.visibility import fund_statement

from .. import listings
from .. import registration as registration_pages
from ..article import event_article
from ..blocks import ProgrammeBlock
from ..calendar import events_calendar_response
from ..querysets import EventPageQuerySet
from ..status import EventStatus, event_status, next_change

# The calendar of all events keeps recent and future ones.
CALENDAR_PAST = timedelta(days=365)


class EventIndexPage(RoutablePageMixin, BasePage):
    """Upcoming events soonest first, the latest past ones below, the archive of all past events."""

    intro = models.TextField(_("Introduzione"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("Elenco degli eventi")
        verbose_name_plural = _("Elenchi degli eventi")

    def events(self):
        return EventPage.objects.child_of(self).published()

    @path("")
    def index(self, request):
        return listings.event_index(request, self)

    @path("archivio/")
    def archive(self, request):
        return listings.event_archive(request, self)

    @path("calendario.ics/")
    @method_decorator(require_GET)
    def calendar(self, request):
        events = (
            self.events()
            .filter(end__gt=timezone.now() - CALENDAR_PAST)
            .select_related("venue", "funding_programme__fund")
        )
        return events_calendar_response(self.title, events.order_by("start"), request, "eventi.ics")


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventPage(RoutablePageMixin, BasePage):
    summary = models.TextField(_("Sommario"), max_length=500, help_text=_("Due o tre frasi per l'elenco."))
    start = models.DateTimeField(_("Inizio"), help_text=_("Data e ora, ora di Roma."))
    end = models.DateTimeField(_("Fine"), help_text=_("Data e ora, ora di Roma."))
    cancelled = models.BooleanField(_("Annullato"), default=False)
    venue = models.ForeignKey(
        "courses.Venue",
        verbose_name=_("Sede"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Vuota per un evento solo online."),
    )
    online_url = models.URLField(
        _("Collegamento per seguire online"), blank=True, help_text=_("Per un evento online o anche in diretta.")
    )
    description = RichTextField(_("Descrizione"), blank=True, features=RICH_TEXT_FEATURES)
    programme = StreamField(ProgrammeBlock(), verbose_name=_("Programma"), blank=True)
    funding_programme = models.ForeignKey(
        "projects.FundingProgramme",
        verbose_name=_("Programma di finanziamento"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Se l'evento è finanziato: la pagina mostra l'emblema UE e i loghi del programma."),
    )
    registration_open = models.BooleanField(
        _("Iscrizioni online"), default=False, help_text=_("Il modulo di iscrizione resta aperto fino all'inizio.")
    )
    seats = models.PositiveIntegerField(
        _("Posti"), null=True, blank=True, help_text=_("Vuoto: posti illimitati. Se finiscono, lista d'attesa.")
    )
    contact_email = models.EmailField(
        _("E-mail per le iscrizioni"), blank=True, help_text=_("Riceve le iscrizioni; se vuota, l'indirizzo generale.")
    )

    objects = EventPageManager()

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("title", boost=3),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("speaker_names"),
        index.SearchField("place_label"),
        index.FilterField("start"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("cancelled")],
            heading=_("Quando"),
        ),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("online_url")], heading=_("Dove")),
        FieldPanel("description"),
        FieldPanel("programme"),
        InlinePanel("speakers", label=_("Relatore o relatrice"), heading=_("Relatori")),
        MultiFieldPanel(
            [FieldPanel("funding_programme"), InlinePanel("related_projects", label=_("Progetto collegato"))],
            heading=_("Finanziamento e progetti collegati"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_open"), FieldPanel("seats"), FieldPanel("contact_email")],
            heading=_("Iscrizioni"),
        ),
    ]

    class Meta:
        verbose_name = _("Evento")
        verbose_name_plural = _("Eventi")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("La fine deve venire dopo l'inizio.")})
        if not self.venue_id and not self.online_url:
            raise ValidationError({"venue": _("Indica la sede oppure il collegamento per seguire online.")})

    def speaker_names(self):
        return " ".join(speaker.name for speaker in self.speakers.all())

    @property
    def place_label(self):
        if self.venue_id and self.online_url:
            return _("%(venue)s e online") % {"venue": self.venue.name}
        return self.venue.name if self.venue_id else _("Online")

    @property
    def attendance_mode(self):
        """schema.org eventAttendanceMode."""
        if self.venue_id and self.online_url:
            return "MixedEventAttendanceMode"
        return "OfflineEventAttendanceMode" if self.venue_id else "OnlineEventAttendanceMode"

    @property
    def eu_statement(self):
        return fund_statement(self.funding_programme.fund) if self.funding_programme_id else ""

    def status(self, now=None):
        return event_status(self, now)

    def seconds_until_change(self, now=None):
        """When this page next reads differently by the clock alone (it starts, it ends)."""
        return next_change([self.start, self.end], now)

    @cached_property
    def seats_taken(self):
        if hasattr(self, "confirmed_count"):
            return self.confirmed_count
        return self.registrations.taking_seats().count()

    @property
    def is_full(self):
        return self.seats is not None and self.seats_taken >= self.seats

    def accepts_registrations(self, now=None):
        """The form is open until the event starts (when full it takes the waiting list)."""
        return self.registration_open and self.status(now) == EventStatus.UPCOMING

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(event_article(self, request, context))
        return context

    @path("")
    def event(self, request):
        return changes_in(self.render(request), self.seconds_until_change())

    @path("evento.ics/")
    @method_decorator(require_GET)
    def calendar(self, request):
        return events_calendar_response(self.title, [self], request, f"{self.slug}.ics")

    @path("iscriviti/")
    @transaction.non_atomic_requests  # the form commits the registration itself (see `serving.views.serve`)
    def registration(self, request):
        return registration_pages.registration_form(request, self)

    @path("iscriviti/grazie/")
    def registration_thanks(self, request):
        return registration_pages.registration_thanks(request, self)
