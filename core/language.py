"""The language of a request is the language of its address: English under `/en/`, Italian everywhere
else (asap_site/urls.py puts the pages in `i18n_patterns` without a prefix for Italian).

Django's `LocaleMiddleware` decides the same for these addresses, but it adds `Vary: Accept-Language`
to every unprefixed answer although the path alone decided it: the page cache keeps no answer that
varies (core/pagecache), and a CDN or Varnish would keep one copy per browser language. Nothing a
visitor sends besides the path (cookie, Accept-Language) chooses the language, so the same address
is the same page for everybody."""

from django.conf import settings
from django.utils import translation


def language_of_path(path):
    """The language code whose prefix `path` starts with, else the site's default language."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


class PathLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        translation.activate(language_of_path(request.path_info))
        request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
