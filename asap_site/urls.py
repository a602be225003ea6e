from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import throttles
from search import views as search_views

# Branded Italian error pages, rendered without the database (core/errors.py).
handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"

urlpatterns = [
    # Password forms without a user behind them, throttled (core/throttles.py); logins go through django-axes.
    path("admin/password_reset/", throttles.password_reset),
    path("_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/", throttles.page_password),
    path("documents/authenticate_with_password/<int:restriction_id>/", throttles.document_password),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("cerca/", search_views.search, name="search"),
    path("cookie/", include("consent.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("favicon.ico", lambda request: redirect(static("img/favicon.ico"), permanent=True)),
    path("", include("courses.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static as media_static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += media_static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
