"""The archive page and the issues under it. An issue is a page: editors get revisions, Wagtail's
preview (the web page, the e-mail as HTML and as plain text), the moderation workflow and translations
for free, and every issue sent has its web version in the archive."""

from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from core.models import BasePage

from ..blocks import IssueBodyBlock


class NewsletterIndexPage(BasePage):
    """ "La newsletter": the public archive of the issues' web versions, newest first."""

    intro = models.TextField(_("Introduzione"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count_per_parent = 1
    template = "newsletter/newsletter_index_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("Archivio della newsletter")
        verbose_name_plural = _("Archivi della newsletter")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = NewsletterIssuePage.objects.child_of(self).live().public().order_by("-first_published_at")
        return context


class NewsletterIssuePage(BasePage):
    """One issue: its title is the e-mail's subject; it goes to the subscribers of its topics."""

    intro = models.TextField(_("Introduzione"), blank=True, help_text=_("Poche righe in apertura dell'e-mail."))
    body = StreamField(IssueBodyBlock(), verbose_name=_("Contenuto"), blank=True)
    topics = ParentalManyToManyField(
        "subscriptions.Topic",
        verbose_name=_("Argomenti"),
        related_name="+",
        help_text=_("Il numero va agli iscritti di almeno uno di questi argomenti."),
    )

    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []
    template = "newsletter/newsletter_issue_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body"), FieldPanel("topics")]

    preview_modes = [
        ("", _("Pagina web")),
        ("email", _("E-mail (HTML)")),
        ("text", _("E-mail (testo semplice)")),
    ]

    class Meta:
        verbose_name = _("Numero della newsletter")
        verbose_name_plural = _("Numeri della newsletter")

    def serve_preview(self, request, mode_name):
        from ..rendering import render_issue, sample_links

        if mode_name in ("email", "text"):
            message = render_issue(self).personalised(sample_links())
            if mode_name == "email":
                return HttpResponse(message.html)
            return HttpResponse(message.text, content_type="text/plain; charset=utf-8")
        return super().serve_preview(request, mode_name)
