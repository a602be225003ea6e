"""Suggestions while typing in the header's search box (search/static/search/suggest.js): the titles
of live pages in the address's language that start with what was typed, each with its type.

The answer is the same for every visitor of a language and text, so it is kept as a shared part
(renewed when editors publish, like every part) and browsers may keep it a minute."""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext, ngettext

from core.parts import shared_part

from .query import clean_query, current_language
from .results import INDEX_CHANGED
from .services import live_pages
from .types import result_types

MIN_LENGTH = 2
MAX_SUGGESTIONS = 8
MAX_TEXT = 60  # longer text is not being typed into a suggestion box


def suggestions_for(raw, request=None):
    """{"label", "status", "results": [{"title", "type", "url"}]} for what the visitor typed."""
    text = clean_query(raw)[:MAX_TEXT].strip()
    if len(text) < MIN_LENGTH or not result_types.available:
        return _answer([])
    digest = hashlib.sha256(text.lower().encode()).hexdigest()[:32]
    key = f"search-suggestions:{current_language()}:{digest}"

    def build():
        return _answer(_find(text, request))

    return shared_part(key, request, build, seconds=settings.SEARCH_RESULTS_SECONDS, tags=[INDEX_CHANGED])


def _find(text, request):
    pages = live_pages(result_types.page_models())
    found = list(pages.autocomplete(text)[:MAX_SUGGESTIONS])
    if not found:  # a word inside a title ("appalti" in "Gli appalti pubblici")
        found = list(pages.filter(title__icontains=text).order_by("title")[:MAX_SUGGESTIONS])
    results = []
    for page in found:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        result_type = result_types.by_model.get(model)
        url = page.get_url(request)
        if url:
            results.append(
                {"title": page.title, "type": result_type.display_singular if result_type else "", "url": url}
            )
    return results


def _answer(results):
    count = len(results)
    status = (
        ngettext("%(count)s suggerimento", "%(count)s suggerimenti", count) % {"count": count}
        if count
        else gettext("Nessun suggerimento")
    )
    return {"label": gettext("Suggerimenti"), "status": status, "results": results}
