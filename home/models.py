"""The site root. `home` is the composition root: it may import every app; no app imports it."""

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from core.boxes import Box, entries_from_picks
from core.language import language_code
from core.links import LinkFields
from core.models import BasePage
from courses.boxes import next_open_courses
from news.boxes import NEWS_BOX_TITLE, latest_news
from projects.boxes import latest_projects


class HomePage(BasePage):
    """Besides the hero it carries the "Corsi" and "Progetti" boxes that every page shows; editors
    pick what goes in each, and the catalogues fill what is left."""

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
    hero_image_alt = models.CharField(
        "Testo alternativo dell'immagine",
        max_length=250,
        blank=True,
        help_text="Che cosa mostra l'immagine, per chi non la vede. Se vuoto vale la descrizione dell'immagine.",
    )
    hero_image_caption = models.CharField(
        "Didascalia dell'immagine", max_length=250, blank=True, help_text="Facoltativa: autore, luogo, occasione."
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
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_caption"),
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

    @property
    def hero_alt(self):
        return self.hero_image_alt or (self.hero_image.default_alt_text if self.hero_image else "")

    def site_boxes(self, request=None):
        """The boxes `{% site_boxes %}` shows on every page of the site (empty ones left out). A
        translated home whose box would be empty (no picks, no pages yet in its language) shows the
        source home's picks and latest entries instead, each as its translation where there is one
        (`entries_from_picks`), under its own title."""
        boxes = [
            Box("box-corsi", self.courses_box_title, self.course_box_items(request)),
            Box("box-progetti", self.projects_box_title, self.project_box_items(request)),
            Box("box-notizie", NEWS_BOX_TITLE, latest_news(self, request)),
        ]
        if not all(box.entries for box in boxes) and (source := self.source_home()) is not None:
            fallback = {box.id: box for box in source.site_boxes(request)}
            boxes = [
                box
                if box.entries or box.id not in fallback
                else Box(box.id, box.title or fallback[box.id].title, fallback[box.id].entries)
                for box in boxes
            ]
        return [box for box in boxes if box.entries]

    def source_home(self):
        """The home page this one translates (the default language's), or None for that one itself."""
        if language_code(self.locale_id) == settings.LANGUAGE_CODE:  # no query: the locales are read once
            return None
        return (
            HomePage.objects.live()
            .filter(translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE)
            .first()
        )

    def course_box_items(self, request=None, size=4):
        """Editor picks first, then the next courses open for enrolment (two queries in all)."""
        picks = list(HomeCoursePick.visible(self.course_picks.all()).select_related("page"))
        upcoming = next_open_courses(
            request, limit=size, exclude_ids=[pick.page_id for pick in picks if pick.page_id], locale_id=self.locale_id
        )
        entries = entries_from_picks(picks, request)
        return entries + upcoming[: max(size - len(entries), 0)]

    def project_box_items(self, request=None, limit=3):
        """Editor picks first; without picks, the latest published projects (a constant number of queries)."""
        picks = entries_from_picks(HomeProjectPick.visible(self.project_picks.all()).select_related("page"), request)
        return picks or latest_projects(self, request, limit)


class BoxPick(LinkFields):
    """An editor's pick for a home box."""

    description = models.CharField("Descrizione breve", max_length=255, blank=True)

    panels = LinkFields.panels + [FieldPanel("description")]

    class Meta(LinkFields.Meta):
        abstract = True


class HomeCoursePick(BoxPick):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="course_picks")


class HomeProjectPick(BoxPick):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="project_picks")
