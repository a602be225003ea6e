"""The sitemap of every language: Wagtail's lists the pages under the site's root page only, which
leaves out the English pages (under the English home, a sibling of the Italian one). Each page that
exists in more than one language names its translations and `x-default` (`xhtml:link`), as in the
pages' head (core/language.py)."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class TranslatedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        return Page.objects.filter(under_a_root).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        locations = {item.pk: item.get_full_url(self.request) for item in pages}
        translations = defaultdict(dict)
        for item in pages:
            translations[item.translation_key][languages[item.locale_id]] = locations[item.pk]
        urls, last_mods = [], set()
        for item in pages:
            alternates = self.alternates(translations[item.translation_key])
            for url_info in item.get_sitemap_urls(self.request):
                if alternates and url_info.get("location") == locations[item.pk]:
                    url_info = {**url_info, "alternates": alternates}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    @staticmethod
    def alternates(by_language):
        """[{lang_code, location}] in LANGUAGES order plus x-default, for a page in two languages or more."""
        if len(by_language) < 2:
            return []
        links = [
            {"lang_code": code, "location": by_language[code]} for code, _ in settings.LANGUAGES if code in by_language
        ]
        if settings.LANGUAGE_CODE in by_language:
            links.append({"lang_code": "x-default", "location": by_language[settings.LANGUAGE_CODE]})
        return links
