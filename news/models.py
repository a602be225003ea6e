"""The news: `NewsIndexPage` (routable: the catalogue and its Atom feeds) and `NewsArticlePage`, an
article of one kind (news, call, press release). A call carries its deadline and documents; its
state ("Scade il ...", "Scaduto") is computed when it is shown (`deadlines.py`)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from catalogue.listing import listing_context
from core.blocks import BodyStreamBlock
from core.jsonld import json_ld_script
from core.models import BasePage
from core.parts import changes_in, shared_part

from . import feeds
from .deadlines import closing_instant, deadline_state, seconds_until
from .filters import NewsFilterSet
from .kinds import Kind
from .querysets import NewsArticleQuerySet
from .structured_data import news_article_json_ld


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The "Notizie" catalogue: its child articles filtered by kind, theme, year and open calls
    (`filters.py`), and the Atom feeds, of all articles and of each kind (`feeds.py`)."""

    intro = models.TextField(_("Introduzione"), blank=True)
    articles_per_page = models.PositiveSmallIntegerField(
        _("Notizie per pagina"), default=12, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("articles_per_page")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("Elenco delle notizie")
        verbose_name_plural = _("Elenchi delle notizie")

    def articles(self):
        return NewsArticlePage.objects.in_index(self)

    @path("")
    def catalogue(self, request):
        now = timezone.now()
        filterset = NewsFilterSet.for_catalogue(request, self, now)
        context = listing_context(filterset, self.articles_per_page, "news/includes/news_card.html")
        response = self.render(request, template="news/news_index_page.html", context_overrides=context)
        return changes_in(response, seconds_until(filterset.next_change, now))

    @path("feed/")
    def feed(self, request):
        return feeds.atom_feed(request, self)

    @path("feed/<slug:kind>/")
    def kind_feed(self, request, kind):
        if kind not in Kind.values:
            raise Http404
        return feeds.atom_feed(request, self, Kind(kind))


NewsArticlePageManager = PageManager.from_queryset(NewsArticleQuerySet)


class NewsArticlePage(BasePage):
    date = models.DateField(_("Data"), default=timezone.localdate, db_index=True)
    kind = models.CharField(_("Tipo"), max_length=12, choices=Kind.choices, default=Kind.NEWS, db_index=True)
    summary = models.TextField(_("Sintesi"), help_text=_("Due o tre frasi: compaiono nell'elenco e nei risultati."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Immagine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Il punto focale dell'immagine decide che cosa resta nei ritagli delle schede."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("Testo"), blank=True)
    deadline_date = models.DateField(
        _("Scadenza"), null=True, blank=True, help_text=_("Solo per avvisi e bandi: l'ultimo giorno utile.")
    )
    deadline_time = models.TimeField(
        _("Ora della scadenza"),
        null=True,
        blank=True,
        help_text=_("Facoltativa, ora di Roma; se vuota vale tutto il giorno."),
    )
    # The deadline as one instant, kept by `save()`: the open calls are one indexed comparison.
    closes_at = models.DateTimeField(null=True, editable=False, db_index=True)
    featured = models.BooleanField(
        _("In evidenza nella home"), default=False, help_text=_("Le notizie in evidenza precedono le più recenti.")
    )

    themes = ParentalManyToManyField("projects.Theme", verbose_name=_("Temi"), blank=True, related_name="+")
    territories = ParentalManyToManyField(
        "projects.Territory", verbose_name=_("Territori"), blank=True, related_name="+"
    )
    related_projects = ParentalManyToManyField(
        "projects.ProjectPage", verbose_name=_("Progetti collegati"), blank=True, related_name="+"
    )
    related_courses = ParentalManyToManyField(
        "courses.CoursePage", verbose_name=_("Corsi collegati"), blank=True, related_name="+"
    )
    organisations = ParentalManyToManyField(
        "projects.Organisation", verbose_name=_("Organizzazioni"), blank=True, related_name="+"
    )

    objects = NewsArticlePageManager()
    select_related_on_serve = ("image",)

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("territories", [index.SearchField("name")]),
        index.RelatedFields("organisations", [index.SearchField("name"), index.SearchField("acronym")]),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("deadline_date"), FieldPanel("deadline_time")]),
                InlinePanel("documents", label=_("Documento")),
            ],
            heading=_("Avviso o bando: scadenza e documenti"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("territories"),
                FieldPanel("related_projects"),
                FieldPanel("related_courses"),
                FieldPanel("organisations"),
            ],
            heading=_("Collegamenti"),
        ),
        FieldPanel("featured"),
    ]

    class Meta:
        verbose_name = _("Notizia")
        verbose_name_plural = _("Notizie")

    def __str__(self):
        return self.title

    def get_social_image(self):
        return self.social_image or self.image

    @property
    def is_call(self):
        return self.kind == Kind.CALL

    def deadline(self, now=None):
        """The call's state at `now` ("Scade il ...", "Scaduto"), or None."""
        if not self.is_call:
            return None
        return deadline_state(self.deadline_date, self.deadline_time, now or timezone.now())

    def clean(self):
        super().clean()
        if self.deadline_time and not self.deadline_date:
            raise ValidationError({"deadline_date": _("Indica il giorno della scadenza, non solo l'ora.")})
        if self.deadline_date and not self.is_call:
            raise ValidationError({"deadline_date": _("Solo un avviso o bando ha una scadenza.")})

    def save(self, *args, **kwargs):
        self.closes_at = closing_instant(self.deadline_date, self.deadline_time) if self.is_call else None
        super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        """A call reads "Scaduto" from its deadline on: no cache keeps the page past it."""
        return changes_in(super().serve(request, *args, **kwargs), seconds_until(self.closes_at))

    def get_context(self, request, *args, **kwargs):
        """The article and its JSON-LD are the same for every visitor: built once and kept as a shared
        part until editors change something or, for a call, until its deadline (then "Scaduto")."""
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context.update(
            shared_part(
                f"page-article:{self.pk}",
                request,
                lambda: self.article_parts(request, context, now),
                seconds=seconds_until(self.closes_at, now),
            )
        )
        return context

    def article_parts(self, request, context, now):
        detail = {
            "deadline": self.deadline(now),
            "documents": list(self.documents.select_related("document")),
            "projects": list(self.related_projects.live().public().defer_streamfields().order_by("title")),
            "courses": list(self.related_courses.live().public().defer_streamfields().order_by("title")),
            "organisations": list(self.organisations.order_by("name")),
            "themes": list(self.themes.order_by("name")),
            "territories": list(self.territories.all()),
            "index": self.get_parent().specific_deferred,
        }
        return {
            "article": render_to_string("news/includes/article.html", {**context, **detail}, request=request),
            "json_ld": json_ld_script(news_article_json_ld(request, self)),
        }


class NewsDocument(Orderable):
    """A document of a call (the text of the call, forms, FAQ)."""

    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("Documento"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("Titolo"), max_length=255, blank=True, help_text=_("Se vuoto si usa il titolo del documento.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("Documento")
        verbose_name_plural = _("Documenti")

    @property
    def link_title(self):
        return self.title or self.document.title
