"""Wagtail's HTTP purge backend (PURGE of one URL), plus a BAN of everything cached, for the
changes that show on every page. deploy/varnish/default.vcl accepts both from the app servers."""

from urllib.error import URLError
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import logger


class BanRequest(Request):
    def get_method(self):
        return "BAN"


class VarnishBackend(HTTPBackend):
    def ban_everything(self):
        url = f"{self.cache_scheme}://{self.cache_netloc}/"
        try:
            urlopen(BanRequest(url), timeout=10)  # the configured FRONTEND_CACHE_URL
        except URLError as error:
            logger.error("Couldn't ban the pages cached at %s: %s", url, error)
