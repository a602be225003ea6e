"""The search addresses in each language (asap_site/urls.py puts them in `i18n_patterns`): `/cerca/`
in Italian, `/en/search/` in English; the paths are translated through search's catalogue."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

urlpatterns = [
    path(pgettext_lazy("indirizzo", "cerca/"), views.search, name="search"),
    path(pgettext_lazy("indirizzo", "cerca/suggerimenti/"), views.suggestions, name="search_suggestions"),
]
