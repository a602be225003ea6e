"""Request and response guards that every URL shares (listed first in MIDDLEWARE)."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.utils import translation

from core.language import language_of_path

from .errors import bad_request

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
UTF8_NAMES = {"utf-8", "utf8", "us-ascii", "ascii"}


class SecurityHeadersMiddleware:
    """The headers Django's SecurityMiddleware does not write: Permissions-Policy (no camera,
    microphone, location... for the site and what it embeds) and Cross-Origin-Resource-Policy (other
    sites cannot load our pages, images and files into theirs)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allowlist)})" for feature, allowlist in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        if settings.CROSS_ORIGIN_RESOURCE_POLICY:
            response.headers.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        return response


class FormCharsetMiddleware:
    """A form posted in another charset than UTF-8 (`charset=utf-16`...) is refused with 400 before
    anything reads request.POST: Django raises on every read of such a body (the CSRF check, the
    view, an error report that lists the POST data), so refusing it up front gives one clean answer
    and no error log. Browsers post our pages' forms in UTF-8, so nobody real is refused."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        content_type = request.content_type or ""
        charset = (request.content_params or {}).get("charset")
        if content_type in FORM_TYPES and charset and charset.strip().lower() not in UTF8_NAMES:
            return bad_request(request, BadRequest(f"Form posted as {charset!r}, not UTF-8"))
        return self.get_response(request)


class PathLanguageMiddleware:
    """The language of the address, activated for the request, without `Vary` (core/language.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        translation.activate(language_of_path(request.path_info))
        request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
