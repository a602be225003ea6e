"""Fixtures of the security tests: the public pages a visitor reaches, and production's settings."""

import importlib

import pytest
from django.test import Client

from tests.factories.courses import CoursePageFactory, CourseSessionFactory

from .faults import running_redis

# Settings the production module sets for security; the test settings keep everything else.
PRODUCTION_PREFIXES = ("SECURE_", "SESSION_COOKIE", "CSRF_COOKIE", "CONTENT_SECURITY", "CSP_", "PERMISSIONS_")
PRODUCTION_NAMES = {"MIDDLEWARE", "CROSS_ORIGIN_RESOURCE_POLICY", "X_FRAME_OPTIONS", "SILENCED_SYSTEM_CHECKS"}


@pytest.fixture
def course(course_catalogue):
    course = CoursePageFactory(parent=course_catalogue, title="Rendicontazione FSE+", slug="rendicontazione")
    CourseSessionFactory(course=course, edition="Primavera")
    return course


@pytest.fixture
def public_pages(home_page, portfolio, course):
    """The pages the Observatory test scores: home, a project, a course, the enquiry form, the 404."""
    return {
        "home": "/",
        "project": portfolio["projects"]["concluded"].url,
        "course": course.url,
        "enquiry form": course.url + "richiedi-informazioni/",
        "404": "/non-esiste/",
    }


@pytest.fixture
def production(settings, monkeypatch):
    """The security settings of asap_site.settings.production (HTTPS redirect, HSTS, secure cookies...)."""
    monkeypatch.setenv("SECRET_KEY", "production-like-" + "k" * 50)
    module = importlib.import_module("asap_site.settings.production")
    for name in dir(module):
        if name.startswith(PRODUCTION_PREFIXES) or name in PRODUCTION_NAMES:
            setattr(settings, name, getattr(module, name))
    return settings


@pytest.fixture
def fresh_client():
    """A client that loads the middleware with the settings of this test and shows error pages."""
    return Client(raise_request_exception=False)


@pytest.fixture
def site_pages(public_pages, course, project_catalogue):
    """Every kind of public answer: pages, catalogues, search, sitemap, calendars, consent status, forms."""
    return [
        *public_pages.values(),
        project_catalogue.url,
        course.get_parent().url,
        "/cerca/?q=corso",
        "/sitemap.xml",
        course.url + "calendario.ics",
        course.get_parent().url + "calendario.ics",
        "/cookie/stato/",
        "/cookie/preferenze/",
    ]


@pytest.fixture
def redis_server():
    with running_redis() as server:
        yield server
