from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import BasePage


class ContentPage(BasePage):
    """Editorial pages: "Chi siamo", contacts, privacy policy, accessibility statement, legal notes."""

    intro = models.TextField("Sommario", blank=True, help_text="Una o due frasi mostrate sotto il titolo.")
    body = StreamField(BodyStreamBlock(), verbose_name="Contenuto", blank=True)

    parent_page_types = ["home.HomePage", "standardpages.ContentPage"]
    subpage_types = ["standardpages.ContentPage"]

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = "Pagina di contenuto"
        verbose_name_plural = "Pagine di contenuto"

    def get_social_image(self):
        """The sharing image, else the first image of the content (`og:image`)."""
        if self.social_image:
            return self.social_image
        return next((block.value["image"] for block in self.body if block.block_type == "image"), None)
