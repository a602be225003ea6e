"""Site-wide settings editors manage under "Impostazioni": who we are, and the main navigation."""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .links import LinkFields


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Contact details, legal identifiers and footer links shown on every page."""

    select_related = ["privacy_page", "cookie_policy_page", "accessibility_page", "legal_notes_page"]

    name = models.CharField("Denominazione", max_length=200, default="ASAP")
    tagline = models.CharField("Sottotitolo", max_length=255, blank=True)
    address = models.TextField("Indirizzo", blank=True)
    email = models.EmailField("E-mail", blank=True)
    pec = models.EmailField("PEC", blank=True, help_text="Posta elettronica certificata.")
    phone = models.CharField("Telefono", max_length=40, blank=True)
    fiscal_code = models.CharField("Codice fiscale", max_length=16, blank=True)
    vat_number = models.CharField("Partita IVA", max_length=13, blank=True)
    footer_text = models.TextField("Testo del piè di pagina", blank=True)

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

    class Meta(LinkFields.Meta):
        verbose_name = "Voce di menu"
        verbose_name_plural = "Voci di menu"
