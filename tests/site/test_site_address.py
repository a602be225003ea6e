"""`manage.py set_site_address` (run by `make run` and, in production, after `migrate`) points the
default site at WAGTAILADMIN_BASE_URL: every full address the site writes uses it, never localhost."""

import csv
import io

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import Site

from courses.enquiries import CourseEnquiry
from tests.courses.test_enquiries import URL, valid_post
from tests.factories import ContentPageFactory
from tests.factories.courses import CoursePageFactory, CourseSessionFactory
from tests.factories.projects import ProjectPageFactory

pytestmark = pytest.mark.django_db

ADDRESS = "https://www.asap.example"


@pytest.fixture
def site_address(settings, home_page):
    settings.WAGTAILADMIN_BASE_URL = ADDRESS
    call_command("set_site_address", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def course(course_catalogue):
    course = CoursePageFactory(parent=course_catalogue, slug="rendicontazione", contact_email="formazione@asap.example")
    CourseSessionFactory(course=course)
    return course


def test_the_command_sets_the_default_site(site_address):
    assert (site_address.hostname, site_address.port) == ("www.asap.example", 443)


def test_canonical_links_and_sitemap_use_the_address(client, site_address, home_page):
    ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    html = client.get("/chi-siamo/").content.decode()
    assert f'<link rel="canonical" href="{ADDRESS}/chi-siamo/">' in html
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{ADDRESS}/chi-siamo/" in sitemap and "localhost" not in sitemap


def test_projects_csv_urls_use_the_address(client, site_address, project_catalogue):
    ProjectPageFactory(parent=project_catalogue, slug="accoglienza")
    response = client.get(f"{project_catalogue.url}dati/csv/")
    [row] = csv.DictReader(io.StringIO(response.content.decode("utf-8")))
    assert row["url"].startswith(f"{ADDRESS}/") and row["url"].endswith("/accoglienza/")


def test_the_staff_email_links_the_enquiry_at_the_address(
    client,
    site_address,
    course,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, valid_post())
    enquiry = CourseEnquiry.objects.get()
    [staff] = [message for message in mail.outbox if message.to == ["formazione@asap.example"]]
    assert f"{ADDRESS}/admin/course_enquiries/edit/{enquiry.pk}/" in staff.body
    assert "localhost" not in staff.body and "testserver" not in staff.body
