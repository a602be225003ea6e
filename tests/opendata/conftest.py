"""A site with every collection of the registry: a project catalogue, the contributions register,
a course catalogue with one course of two editions (one online) and one without editions, and the
"Dati aperti" page."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from core.site_settings import OrganisationSettings
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory, VenueFactory
from tests.factories.opendata import OpenDataPageFactory
from tests.factories.projects import ProjectIndexPageFactory, ProjectPageFactory
from tests.factories.transparency import ContributionsRegisterPageFactory, PublicContributionFactory

ROME = datetime.timezone(datetime.timedelta(hours=1))


@pytest.fixture
def open_data(home_page):
    settings = OrganisationSettings.for_site(home_page.get_site())
    settings.fiscal_code = "97123450580"
    settings.email = "dati@asap.example"
    settings.save()
    projects = ProjectIndexPageFactory(parent=home_page, slug="progetti")
    ProjectPageFactory(parent=projects, title="FEI Regione Lazio 2011", slug="fei-2011")
    ContributionsRegisterPageFactory(parent=home_page)
    PublicContributionFactory(amount=Decimal("1250000.50"), received_on=datetime.date(2026, 3, 15))
    courses = CourseIndexPageFactory(parent=home_page)
    course = CoursePageFactory(
        parent=courses, title="Rendicontazione FSE+", code="ASAP-FSE-01", is_free=False, fee=Decimal("250.00")
    )
    venue = VenueFactory(name="Sede ASAP", city="Roma", province="RM")
    CourseSessionFactory(
        course=course,
        edition="1ª edizione",
        start=datetime.datetime(2026, 3, 10, 9, 30, tzinfo=ROME),
        end=datetime.datetime(2026, 3, 10, 17, 30, tzinfo=ROME),
        venue=venue,
        seats=25,
        enrolment_deadline=datetime.date(2026, 3, 1),
    )
    CourseSessionFactory(
        course=course,
        edition="2ª edizione",
        start=datetime.datetime(2026, 5, 5, 9, 30, tzinfo=ROME),
        end=datetime.datetime(2026, 5, 5, 13, 30, tzinfo=ROME),
        venue=None,
        is_online=True,
        online_platform="Zoom",
        seats=None,
    )
    CoursePageFactory(parent=courses, title="Corso senza edizioni", code="ASAP-002")
    assert timezone.is_aware(timezone.now())
    return OpenDataPageFactory(parent=home_page)
