import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.sitemap import TranslatedSitemap
from serving import file_views, throttles
from serving import views as page_views

# Branded Italian error pages, rendered without the database (serving/errors.py).
handler400 = "serving.errors.bad_request"
handler403 = "serving.errors.permission_denied"
handler404 = "serving.errors.page_not_found"
handler500 = "serving.errors.server_error"

urlpatterns = [
    # Password forms without a user behind them, throttled (serving/throttles.py); logins go through django-axes.
    path("admin/password_reset/", throttles.password_reset),
    path("_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/", throttles.page_password),
    path("documents/authenticate_with_password/<int:restriction_id>/", throttles.document_password),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, sandboxed and never shared-cached when restricted (serving/file_views.py).
    path("documents/<int:document_id>/<str:document_filename>", file_views.serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("statistiche/", include("analytics.urls")),
    path("api/v3/", include("api.urls")),  # the open data API (docs/api.md)
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("tema.css", page_views.theme_stylesheet, name="theme_stylesheet"),
    path("favicon.ico", lambda request: redirect(static("img/favicon.ico"), permanent=True)),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    # Images on one machine (dev, `make run`): never documents, which live outside MEDIA_ROOT.
    urlpatterns += [re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", file_views.serve_media)]

# Every page, and the routes of routable pages, including those that name a file
# (`<course>/calendario.ics`); `_util/` stays Wagtail's (password and login forms). Italian pages at
# the root as always, English ones under /en/ (docs/translations.md; core/language.py picks the
# language from the address).
urlpatterns += i18n_patterns(
    # The cookie preferences in each language (/cookie/preferenze/, /en/cookie/preferences/).
    path("cookie/", include("consent.urls")),
    path("", include("search.urls")),  # /cerca/, /en/search/
    path("newsletter/", include("subscriptions.urls")),  # /newsletter/iscriviti/, /en/newsletter/subscribe/
    re_path(r"^(?!_util/)((?:[\w\-]+/)*(?:[\w\-]+\.(?:ics|csv|json|ttl|rdf|jsonld))?)$", page_views.serve),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
