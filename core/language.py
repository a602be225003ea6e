"""The language of a request is the language of its address: English under `/en/`, Italian everywhere
else (asap_site/urls.py puts the pages in `i18n_patterns` without a prefix for Italian).

Django's `LocaleMiddleware` decides the same for these addresses, but it adds `Vary: Accept-Language`
to every unprefixed answer although the path alone decided it: the page cache keeps no answer that
varies (serving/pagecache), and a CDN or Varnish would keep one copy per browser language. Nothing a
visitor sends besides the path (cookie, Accept-Language) chooses the language, so the same address
is the same page for everybody."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page

from core.parts import shared_part


def language_of_path(path):
    """The language code whose prefix `path` starts with, else the site's default language."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


# What a visitor reads on the way to a page that is not in her language yet, in that language.
NOT_TRANSLATED = {
    "it": "Questa pagina non è ancora disponibile in italiano.",
    "en": "This page is not yet available in English.",
}
# The fragment the language switch adds to a home page it leads to instead (see `switch_links`).
NOT_TRANSLATED_ANCHOR = "non-tradotta"


def localized_root(site, request=None):
    """The site's home page in the address's language, or None when that language has none yet (then
    `/en/...` answers 404 instead of serving the Italian pages a second time). Kept with the shared
    parts (per site and language), so an English address costs no query for it either."""
    root = site.root_page
    if translation.get_language() == settings.LANGUAGE_CODE:
        return root  # the site's root page is the Italian home: no query

    def build():
        localized = root.localized
        return None if localized.pk == root.pk else localized

    return shared_part("localized-root", request, build)


def language_of(page):
    """The page's language (its locale's), or the address's when there is no page (search, errors)."""
    if page is not None and getattr(page, "locale_id", None):
        return language_code(page.locale_id)
    return translation.get_language() or settings.LANGUAGE_CODE


_LANGUAGE_CODES = {}


def forget_locales(**kwargs):
    """A locale made, changed or deleted (and a test's flush, which makes them again with new ids):
    read them again on the next request."""
    _LANGUAGE_CODES.clear()


def language_code(locale_id):
    """A locale's language code, read once per process (two rows that never change once made)."""
    if locale_id not in _LANGUAGE_CODES:
        _LANGUAGE_CODES.update(Locale.objects.values_list("pk", "language_code"))
    return _LANGUAGE_CODES.get(locale_id, settings.LANGUAGE_CODE)


def active_locale_id():
    """The id of the address's locale (search keeps to it), read once per process."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    for _attempt in range(2):
        for pk, each in _LANGUAGE_CODES.items():
            if each == code:
                return pk
        _LANGUAGE_CODES.clear()
        _LANGUAGE_CODES.update(Locale.objects.values_list("pk", "language_code"))
    return None


def live_translations(page, request=None):
    """{language code: (page id, URL, full URL)} of the live translations of `page`, itself included,
    in LANGUAGES order: kept with the shared parts (every visitor gets the same), so a page seen
    before costs no query for them."""
    if page is None or not getattr(page, "translation_key", None) or not settings.WAGTAIL_I18N_ENABLED:
        return {}
    if "_live_translations" not in page.__dict__:  # asked by the head and by the switch

        def build():
            found = {language_code(each.locale_id): each for each in page.get_translations(inclusive=True).live()}
            return {
                code: (found[code].pk, found[code].get_url(request), found[code].get_full_url(request))
                for code, _name in settings.LANGUAGES
                if code in found
            }

        page.__dict__["_live_translations"] = shared_part(f"translations:{page.translation_key}", request, build)
    return page.__dict__["_live_translations"]


def alternates(page, request):
    """[(hreflang, full URL)] for `<link rel="alternate">`: every live translation, then `x-default`,
    the default language's page. Empty for a page in one language only."""
    pages = live_translations(page, request)
    if len(pages) < 2:
        return []
    links = [(code, full_url) for code, (_pk, _url, full_url) in pages.items()]
    if settings.LANGUAGE_CODE in pages:
        links.append(("x-default", pages[settings.LANGUAGE_CODE][2]))
    return links


def homes(request, site):
    """{language code: (page id, URL)} of the site's live home pages, one per language, kept with the
    shared parts (they change when editors publish)."""
    if site is None:
        return {}

    def build():
        return {code: (pk, url) for code, (pk, url, _full) in live_translations(site.root_page, request).items()}

    return shared_part("language-homes", request, build)


def is_home(page, request, site):
    return page is not None and any(pk == page.pk for pk, _url in homes(request, site).values())


def switch_links(page, request, site):
    """[(language code, its own name, URL, translated)] for each other language: the translation of
    `page` when it is live, else that language's home page with the note (`#non-tradotta`); none for
    a language without a home page yet."""
    links = []
    current = language_of(page)
    pages = live_translations(page, request)
    home_pages = homes(request, site)
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        if code in pages:
            links.append((code, name, pages[code][1], True))
        elif code in home_pages:
            links.append((code, name, f"{home_pages[code][1]}#{NOT_TRANSLATED_ANCHOR}", False))
    return links


def in_active_language():
    """Whether the address's language is not the source language (Italian): only then is anything
    looked up in another language, so Italian pages cost no query more."""
    return (translation.get_language() or settings.LANGUAGE_CODE) != settings.LANGUAGE_CODE


def localized_pages(pages):
    """{page id: its live, public translation in the address's language} for those of `pages` that
    have one, in one query; nothing (and no query) on Italian addresses. Editors link Italian pages
    (menu entries, box picks, legal pages); an English page shows their English translations."""
    pages = [page for page in pages if page is not None]
    if not pages or not in_active_language():
        return {}
    locale_id = active_locale_id()
    wanted = {page.translation_key for page in pages if page.locale_id != locale_id}
    if not wanted:
        return {}
    found = {
        each.translation_key: each
        for each in Page.objects.live().public().filter(locale_id=locale_id, translation_key__in=wanted)
    }
    return {page.pk: found[page.translation_key] for page in pages if page.translation_key in found}
