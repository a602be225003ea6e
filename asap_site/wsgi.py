"""WSGI entry point; production servers set DJANGO_SETTINGS_MODULE=asap_site.settings.production.

Pages kept by the full-page cache are answered before Django builds a request
(serving.pagecache.wsgi); everything else is Django's."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asap_site.settings.dev")

django_application = get_wsgi_application()

from serving.pagecache.wsgi import CpuTimedApplication, PageCacheApplication  # noqa: E402  (needs Django set up)

application = PageCacheApplication(django_application)
if os.environ.get("PAGE_CACHE_MARK_HITS"):  # `make bench` only: hits marked, CPU time per request
    application = CpuTimedApplication(application)
