"""What every page type and every editor-made link share. `core` imports no other project app."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction

from .edit_forms import PageEditForm
from .links import LinkFields
from .restrictions import restricted_sections
from .site_settings import NavigationItem, NavigationSettings, OrganisationSettings

__all__ = [
    "SEARCH_ENGINE_PANEL",
    "BasePage",
    "LinkFields",
    "NavigationItem",
    "NavigationSettings",
    "OrganisationSettings",
]


# Wagtail's promote tab without "Mostra nel menu": the main menu is chosen in the site settings.
SEARCH_ENGINE_PANEL = MultiFieldPanel(
    [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
    heading="Indirizzo e motori di ricerca",
)


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

    promote_panels = [SEARCH_ENGINE_PANEL, FieldPanel("social_image")]
    base_form_class = PageEditForm

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's, with no query while no section of the site is restricted (`core.restrictions`)."""
        if not restricted_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_social_image(self):
        return self.social_image
