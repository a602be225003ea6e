""" "Dati aperti": the page that states the licence and describes every dataset of the registry
(`datasets.py`), the DCAT-AP_IT catalogue of those datasets at stable addresses (`catalogo.ttl`,
`catalogo.rdf`, `catalogo.jsonld`) and the course exports (`corsi.csv`, `corsi.json`).

Everything here is public and the same for every visitor: the page cache keeps the responses, and
the datasets' section and the catalogue are shared parts (`core.parts`), rebuilt when editors
change anything (a project, a course, a receipt, this page)."""

from django.db import models
from django.http import HttpResponse
from django.template.loader import render_to_string
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from core.licence import LICENCE_NAME, LICENCE_SHORT_NAME, LICENCE_URL, licensed
from core.models import BasePage
from core.parts import shared_part
from core.site_settings import OrganisationSettings
from courses.models import CourseIndexPage

from . import exports
from .datasets import API_ROOT, API_SCHEMA, CATALOGUE_FORMATS, CATALOGUE_SUFFIXES, DATASETS, Text

CATALOGUE_TEXT = {
    "title": Text("Catalogo dei dati aperti di ASAP", "ASAP's open data catalogue"),
    "description": Text(
        "I dati che ASAP pubblica sul proprio sito, con licenza CC BY 4.0: progetti finanziati, contributi "
        "pubblici ricevuti e corsi di formazione.",
        "The data ASAP publishes on its website, under the CC BY 4.0 licence: funded projects, public funding "
        "received and training courses.",
    ),
}


class OpenDataPage(RoutablePageMixin, BasePage):
    """ "Dati aperti": licence, datasets with their fields and files, the API and the DCAT catalogue."""

    intro = models.TextField(
        "Introduzione", blank=True, help_text="Una o due frasi sotto il titolo; licenza e dataset sono già scritti."
    )

    parent_page_types = ["home.HomePage", "standardpages.ContentPage"]
    subpage_types = []
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Dati aperti"
        verbose_name_plural = "Dati aperti"

    def dataset_entries(self):
        """(dataset, its live source page in this page's language) for every dataset that has one."""
        entries = [(dataset, dataset.source_page(self.locale_id)) for dataset in DATASETS]
        return [(dataset, source) for dataset, source in entries if source is not None]

    def catalogue_graph(self, request):
        from . import catalogue  # rdflib only where a catalogue is built: 20 MiB less in every web worker

        organisation = OrganisationSettings.for_request(request)
        return catalogue.build_graph(request, self, self.dataset_entries(), organisation, CATALOGUE_TEXT)

    def render_datasets(self, request):
        datasets = [
            {
                "dataset": dataset,
                "source": source,
                "modified": dataset.modified(source),
                "files": [(d, dataset.url_of(d, source, self)) for d in dataset.distributions],
                "examples": [(label, source.url + route) for label, route in dataset.examples],
            }
            for dataset, source in self.dataset_entries()
        ]
        return render_to_string("opendata/includes/datasets.html", {"datasets": datasets, "page": self}, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            licence_url=LICENCE_URL,
            licence_name=LICENCE_NAME,
            licence_short_name=LICENCE_SHORT_NAME,
            api_root=API_ROOT,
            api_schema=API_SCHEMA,
            catalogue_formats=[(suffix, CATALOGUE_FORMATS[rdf]) for suffix, rdf in CATALOGUE_SUFFIXES.items()],
        )
        if not getattr(request, "is_preview", False):
            context["datasets_html"] = shared_part(
                f"opendata:datasets:{self.pk}", request, lambda: self.render_datasets(request)
            )
        else:
            context["datasets_html"] = self.render_datasets(request)
        return context

    @path("")
    def data_page(self, request):
        return self.render(request)

    def catalogue_response(self, request, suffix):
        from . import catalogue

        rdf_format = CATALOGUE_SUFFIXES[suffix]
        body = shared_part(
            f"opendata:catalogue:{self.pk}:{suffix}",
            request,
            lambda: catalogue.serialise(self.catalogue_graph(request), rdf_format),
        )
        response = HttpResponse(body, content_type=f"{CATALOGUE_FORMATS[rdf_format]}; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="catalogo.{suffix}"'
        return licensed(response, cross_origin=True)

    @path("catalogo.ttl/")
    def catalogue_turtle(self, request):
        return self.catalogue_response(request, "ttl")

    @path("catalogo.rdf/")
    def catalogue_rdf_xml(self, request):
        return self.catalogue_response(request, "rdf")

    @path("catalogo.jsonld/")
    def catalogue_json_ld(self, request):
        return self.catalogue_response(request, "jsonld")

    def courses(self):
        index = CourseIndexPage.objects.live().public().filter(locale_id=self.locale_id).first()
        if index is None:
            return []
        return index.courses().for_listing().select_related("funding_programme").order_by("title")

    @path("corsi.csv/")
    def courses_csv(self, request):
        return exports.csv_response(request, self.courses())

    @path("corsi.json/")
    def courses_json(self, request):
        return exports.json_response(request, self.courses())
