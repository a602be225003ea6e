"""Editors' settings for the cookie banner."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

POLICY_VERSION_RE = r"^[-_.a-zA-Z0-9]+$"


# Short enough for the first layer to stay within about a third of a phone screen.
SHORT_TEXT = (
    "Usiamo cookie tecnici necessari e, solo con il tuo consenso, statistiche anonime e contenuti di terze "
    "parti (video e mappe). Chiudendo il banner rifiuti i cookie non necessari."
)


@register_setting(icon="doc-full")
class CookieBannerSettings(BaseSiteSetting):
    """Texts of the banner and the policy version: changing the version asks again those who accepted."""

    select_related = ["embed_group"]

    title = models.CharField("Titolo del banner", max_length=120, default="Rispettiamo la tua privacy")
    text = models.TextField(
        "Spiegazione",
        default=SHORT_TEXT,
        help_text="Poche righe: sul telefono il banner deve lasciare libera gran parte dello schermo.",
    )
    policy_version = models.CharField(
        "Versione della cookie policy",
        max_length=32,
        default="1",
        validators=[RegexValidator(POLICY_VERSION_RE, "Usa solo lettere, numeri, punti, trattini e trattini bassi.")],
        help_text="Cambiala quando la policy cambia in modo sostanziale: chi aveva accettato riceverà di nuovo la richiesta.",
    )
    embed_group = models.ForeignKey(
        "cookie_consent.CookieGroup",
        verbose_name="Categoria di video e mappe",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_required": False},
        help_text="I contenuti incorporati si caricano da soli solo se il visitatore accetta questa categoria.",
    )

    title_en = models.CharField(
        "Titolo del banner in inglese",
        max_length=120,
        blank=True,
        help_text="Per le pagine in inglese. Se resta vuoto, il titolo predefinito è tradotto dal sito; "
        "un titolo scritto da te resta in italiano.",
    )
    text_en = models.TextField(
        "Spiegazione in inglese",
        blank=True,
        help_text="Per le pagine in inglese. Se resta vuota, la spiegazione predefinita è tradotta dal sito; "
        "una spiegazione scritta da te resta in italiano.",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("policy_version"),
        FieldPanel("embed_group"),
        MultiFieldPanel([FieldPanel("title_en"), FieldPanel("text_en")], heading="Inglese"),
    ]

    def texts(self, language):
        """(title, explanation) a page in `language` shows: on English pages the English fields, else
        the English of the texts the site ships (`known_texts`); the Italian ones on Italian pages."""
        english = language == "en"
        return (
            (self.title_en if english and self.title_en else gettext(self.title)),
            (self.text_en if english and self.text_en else gettext(self.text)),
        )

    class Meta:
        verbose_name = "Banner dei cookie"
