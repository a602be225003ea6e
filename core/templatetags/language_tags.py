"""The page's language in the page: `<html lang>`, the `hreflang` alternates in the head, the
language switch in the header and, on a home page, the note for visitors the switch brought there
because the page they were on is not translated (docs/translations.md)."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from core.language import NOT_TRANSLATED, NOT_TRANSLATED_ANCHOR, alternates, is_home, language_of, switch_links

register = template.Library()


def _page(page):
    """The template's `page` when it is one (a listing may call its page number `page`)."""
    return page if isinstance(page, Page) else None


@register.simple_tag
def page_language(page=None):
    return language_of(_page(page))


@register.simple_tag
def home_url():
    """The address of the home page in the address's language: `/` for Italian, `/en/` for English
    (the brand link and the error pages' links; no query, so error pages can use it too)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context, page=None):
    return {"alternates": alternates(_page(page), context.get("request"))}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context, page=None):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return {"links": switch_links(_page(page), request, site), "anchor": NOT_TRANSLATED_ANCHOR}


@register.inclusion_tag("includes/language_note.html", takes_context=True)
def language_note(context, page=None):
    """The note, hidden until the address's fragment names it (`:target`), on a home page only: the
    page stays the same for every visitor, whichever page the switch came from."""
    request, page = context.get("request"), _page(page)
    site = Site.find_for_request(request) if request is not None else None
    note = NOT_TRANSLATED.get(language_of(page)) if is_home(page, request, site) else ""
    return {"note": note, "anchor": NOT_TRANSLATED_ANCHOR}
