import wagtail_factories

from opendata.models import OpenDataPage


class OpenDataPageFactory(wagtail_factories.PageFactory):
    title = "Dati aperti"
    slug = "dati-aperti"
    intro = "I dati del sito, riutilizzabili."

    class Meta:
        model = OpenDataPage
