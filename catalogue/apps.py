"""The catalogue toolkit as an app, so that its templates, tags and stylesheet are found."""

from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    """The toolkit of the filtered listings (projects, courses): filters, facets, cards, pagination."""

    name = "catalogue"
    verbose_name = "Cataloghi"
