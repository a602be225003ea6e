from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from .boxes import entries_from_picks
from .site_settings import NavigationItem, NavigationSettings, OrganisationSettings

__all__ = [
    "BasePage",
    "ContentPage",
    "HomeCoursePick",
    "HomePage",
    "HomeProjectPick",
    "NavigationItem",
    "NavigationSettings",
    "OrganisationSettings",
]


class BasePage(Page):
    """Fields every public page shares: an image for social previews, next to Wagtail's promote fields."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Immagine per la condivisione",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Mostrata quando la pagina è condivisa sui social (Open Graph).",
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading="Indirizzo e motori di ricerca"),
        FieldPanel("social_image"),
    ]

    class Meta:
        abstract = True

    def get_social_image(self):
        return self.social_image


class HomePage(BasePage):
    """The site root. Besides the hero it carries the "Corsi" and "Progetti" boxes that every page
    shows; editors pick what goes in each."""

    hero_title = models.CharField("Titolo principale", max_length=200)
    hero_text = models.TextField("Testo di apertura", blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Immagine di apertura",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Pagina del pulsante",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField("Testo del pulsante", max_length=60, blank=True)
    intro = RichTextField("Introduzione", blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyStreamBlock(), verbose_name="Contenuto", blank=True)

    courses_box_title = models.CharField("Titolo del box corsi", max_length=80, default="Corsi")
    projects_box_title = models.CharField("Titolo del box progetti", max_length=80, default="Progetti")

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("intro")]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_label"),
            ],
            heading="Apertura",
        ),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("courses_box_title"), InlinePanel("course_picks", label="Corso in evidenza")],
            heading="Box corsi",
        ),
        MultiFieldPanel(
            [FieldPanel("projects_box_title"), InlinePanel("project_picks", label="Progetto in evidenza")],
            heading="Box progetti",
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = "Home page"

    def get_social_image(self):
        return self.social_image or self.hero_image

    def course_box_items(self, request=None, size=4):
        """Editor picks first, then the next courses open for enrolment (two queries in all)."""
        from courses.boxes import next_open_courses

        picks = list(self.course_picks.select_related("page"))
        picked = [pick.page_id for pick in picks if pick.page_id]
        upcoming = next_open_courses(request, limit=size, exclude_ids=picked)
        entries = entries_from_picks(picks, request)
        return entries + upcoming[: max(size - len(entries), 0)]

    def project_box_items(self, request=None, limit=3):
        """Editor picks first; without picks, the latest published projects (a constant number of queries)."""
        picks = entries_from_picks(self.project_picks.select_related("page"), request)
        if picks:
            return picks
        from projects.boxes import latest_projects

        return latest_projects(self, request, limit)


class ContentPage(BasePage):
    """Editorial pages: "Chi siamo", contacts, privacy policy, accessibility statement, legal notes."""

    intro = models.TextField("Sommario", blank=True, help_text="Una o due frasi mostrate sotto il titolo.")
    body = StreamField(BodyStreamBlock(), verbose_name="Contenuto", blank=True)

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = "Pagina di contenuto"
        verbose_name_plural = "Pagine di contenuto"


class BoxLink(Orderable):
    """An editor's pick for a home box: an internal page or an external address."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Pagina", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.URLField("Oppure indirizzo esterno", blank=True)
    title = models.CharField("Titolo", max_length=200, blank=True, help_text="Se vuoto si usa il titolo della pagina.")
    description = models.CharField("Descrizione breve", max_length=255, blank=True)

    panels = [FieldPanel("page"), FieldPanel("url"), FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        if bool(self.page_id) == bool(self.url):
            raise ValidationError("Scegli una pagina oppure scrivi un indirizzo esterno, non entrambi.")
        if self.url and not self.title:
            raise ValidationError({"title": "Un collegamento esterno ha bisogno di un titolo."})

    @property
    def link_title(self):
        return self.title or self.page.title

    @property
    def link_description(self):
        return self.description or (self.page.search_description if self.page else "")


class HomeCoursePick(BoxLink):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="course_picks")


class HomeProjectPick(BoxLink):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="project_picks")
