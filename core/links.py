"""The one way an editor links to something: an internal page or an external address."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.queryset import FakeQuerySet
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, Page


class LinkFields(Orderable):
    """An editor's link: an internal page or an external address, with an optional text.

    Menu entries and box picks are both this. A page link only counts while the page is live and
    public: a draft, unpublished or private page never appears on the site through a link."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Pagina", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.URLField("Oppure indirizzo esterno", blank=True)
    label = models.CharField("Testo", max_length=200, blank=True, help_text="Se vuoto si usa il titolo della pagina.")

    panels = [FieldPanel("page"), FieldPanel("url"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if bool(self.page_id) == bool(self.url):
            raise ValidationError("Scegli una pagina oppure scrivi un indirizzo esterno, non entrambi.")
        if self.url and not self.label:
            raise ValidationError({"label": "Un collegamento esterno ha bisogno di un testo."})

    @property
    def text(self):
        return self.label or (self.page.title if self.page else self.url)

    def get_url(self, request=None):
        return self.page.get_url(request) if self.page else self.url

    @classmethod
    def visible(cls, queryset):
        """The links a visitor may follow: external ones, and those to live, public pages."""
        public_pages = Page.objects.live().public().values("pk")
        if isinstance(queryset, FakeQuerySet):  # a draft's rows, as a preview shows them: filtered in memory
            public = set(public_pages.filter(pk__in=[link.page_id for link in queryset]).values_list("pk", flat=True))
            return queryset.get_clone([link for link in queryset if link.page_id is None or link.page_id in public])
        return queryset.filter(models.Q(page__isnull=True) | models.Q(page__in=public_pages))
