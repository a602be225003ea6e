"""Site-wide settings editors manage under "Impostazioni": who we are, and the main navigation.

Wagtail's settings are per site, not per locale, and wagtail-localize translates pages and snippets
only: the few texts a visitor reads here have an English field beside them (tab "Inglese", the
menu entry's "Testo in inglese"), empty meaning "as in Italian". `in_language` gives the setting
as an English page shows it, pages it links included (`core.parts.site_setting` asks it)."""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .language import localized_pages
from .links import LinkFields
from .theme import DEFAULT_BRAND_COLOUR, validate_brand_colour, version


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Contact details, legal identifiers and footer links shown on every page."""

    select_related = ["logo", "privacy_page", "cookie_policy_page", "accessibility_page", "legal_notes_page"]

    name = models.CharField("Denominazione", max_length=200, default="ASAP")
    tagline = models.CharField("Sottotitolo", max_length=255, blank=True)
    address = models.TextField("Indirizzo", blank=True)
    email = models.EmailField("E-mail", blank=True)
    pec = models.EmailField("PEC", blank=True, help_text="Posta elettronica certificata.")
    phone = models.CharField("Telefono", max_length=40, blank=True)
    fiscal_code = models.CharField("Codice fiscale", max_length=16, blank=True)
    vat_number = models.CharField("Partita IVA", max_length=13, blank=True)
    footer_text = models.TextField("Testo del piè di pagina", blank=True)

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Mostrato nell'intestazione di ogni pagina, alto 48 pixel. Meglio un file SVG; "
        "altrimenti un PNG alto almeno 96 pixel, con lo sfondo trasparente.",
    )
    logo_alt = models.CharField(
        "Testo alternativo del logo",
        max_length=150,
        blank=True,
        help_text="Ciò che il logo dice a chi non lo vede, per esempio «Logo di ASAP». Obbligatorio se c'è un logo.",
    )
    brand_colour = models.CharField(
        "Colore istituzionale",
        max_length=7,
        default=DEFAULT_BRAND_COLOUR,
        validators=[validate_brand_colour],
        help_text="Il colore dell'intestazione e dei pulsanti, in esadecimale (per esempio #0b4f8a). Il testo "
        "bianco deve restare leggibile: sono rifiutati i colori con un contrasto inferiore a 4,5:1.",
    )

    tagline_en = models.CharField("Sottotitolo in inglese", max_length=255, blank=True)
    address_en = models.TextField(
        "Indirizzo in inglese", blank=True, help_text="Se vuoto le pagine in inglese mostrano quello in italiano."
    )
    footer_text_en = models.TextField("Testo del piè di pagina in inglese", blank=True)
    logo_alt_en = models.CharField("Testo alternativo del logo in inglese", max_length=150, blank=True)

    facebook_url = models.URLField("Facebook", blank=True)
    linkedin_url = models.URLField("LinkedIn", blank=True)
    instagram_url = models.URLField("Instagram", blank=True)
    youtube_url = models.URLField("YouTube", blank=True)
    x_url = models.URLField("X (Twitter)", blank=True)

    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Informativa privacy",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cookie_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Cookie policy",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Dichiarazione di accessibilità",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    legal_notes_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Note legali",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("tagline"),
                    FieldPanel("address"),
                    MultiFieldPanel([FieldPanel("email"), FieldPanel("pec"), FieldPanel("phone")], heading="Contatti"),
                    MultiFieldPanel([FieldPanel("fiscal_code"), FieldPanel("vat_number")], heading="Dati fiscali"),
                    FieldPanel("footer_text"),
                ],
                heading="Organizzazione",
            ),
            ObjectList(
                [
                    FieldPanel("privacy_page"),
                    FieldPanel("cookie_policy_page"),
                    FieldPanel("accessibility_page"),
                    FieldPanel("legal_notes_page"),
                ],
                heading="Pagine legali",
            ),
            ObjectList(
                [
                    MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading="Logo"),
                    FieldPanel("brand_colour", widget=forms.TextInput(attrs={"type": "color"})),
                ],
                heading="Aspetto",
            ),
            ObjectList(
                [
                    FieldPanel("tagline_en"),
                    FieldPanel("address_en"),
                    FieldPanel("footer_text_en"),
                    FieldPanel("logo_alt_en"),
                ],
                heading="Inglese",
            ),
            ObjectList(
                [
                    FieldPanel("facebook_url"),
                    FieldPanel("linkedin_url"),
                    FieldPanel("instagram_url"),
                    FieldPanel("youtube_url"),
                    FieldPanel("x_url"),
                ],
                heading="Social",
            ),
        ]
    )

    class Meta:
        verbose_name = "Dati dell'organizzazione"

    def clean(self):
        super().clean()
        self.brand_colour = (self.brand_colour or "").lower()
        if self.logo_id and not self.logo_alt.strip():
            raise ValidationError(
                {"logo_alt": "Scrivi il testo alternativo del logo: lo leggono i lettori di schermo."}
            )

    # Texts with an English field (`<name>_en`), and the pages linked in the footer.
    ENGLISH_FIELDS = ("tagline", "address", "footer_text", "logo_alt")
    LEGAL_PAGES = ("privacy_page", "cookie_policy_page", "accessibility_page", "legal_notes_page")

    def in_language(self, language):
        """This setting as a page in `language` shows it: on English pages the English texts (the
        Italian ones where none is written) and the English translations of the legal pages (one
        query); itself on Italian pages."""
        if language != "en":
            return self
        shown = copy.copy(self)  # the row that was read stays as it is (editors save that one)
        for name in self.ENGLISH_FIELDS:
            setattr(shown, name, getattr(self, f"{name}_en") or getattr(self, name))
        translated = localized_pages([getattr(self, name) for name in self.LEGAL_PAGES])
        for name in self.LEGAL_PAGES:
            page = getattr(self, name)
            if page is not None and page.pk in translated:
                setattr(shown, name, translated[page.pk])
        return shown

    @property
    def theme_version(self):
        """Changes whenever `/tema.css` does, so the pages link a new address (see `core.theme`)."""
        return version(self.brand_colour)

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("LinkedIn", self.linkedin_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("X", self.x_url),
        ]
        return [(label, url) for label, url in links if url]


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    """The main menu: editors choose, label and order its entries."""

    class Meta:
        verbose_name = "Menu principale"

    panels = [InlinePanel("items", label="Voce di menu", heading="Voci del menu principale")]

    def menu_items(self):
        """The entries a visitor may follow, in the editors' order (drafts and private pages left out)."""
        return NavigationItem.visible(self.items.all()).select_related("page").order_by("sort_order")


class NavigationItem(LinkFields):
    settings = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="items")
    label_en = models.CharField(
        "Testo in inglese",
        max_length=200,
        blank=True,
        help_text="Sulle pagine in inglese. Se vuoto si usa il titolo della traduzione inglese della pagina.",
    )

    panels = LinkFields.panels + [FieldPanel("label_en")]

    class Meta(LinkFields.Meta):
        verbose_name = "Voce di menu"
        verbose_name_plural = "Voci di menu"
