"""A course links to its funding programme and related projects from the project catalogue."""

import json
import re

import pytest
from wagtail.models import PageViewRestriction

from courses.models import CourseRelatedProject
from tests.factories.courses import CoursePageFactory, CourseSessionFactory
from tests.factories.projects import (
    FundFactory,
    FundingProgrammeFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def funded_course(home_page, course_catalogue):
    fund = FundFactory(name="Fondo sociale europeo plus", acronym="FSE+")
    programme = FundingProgrammeFactory(name="PR Lazio FSE+ 2021-2027", code="", fund=fund)
    projects = ProjectIndexPageFactory(parent=home_page)
    live = ProjectPageFactory(parent=projects, title="Lazio Inclusione", fund=fund)
    draft = ProjectPageFactory(parent=projects, title="Progetto in bozza", fund=fund)
    draft.unpublish()
    course = CoursePageFactory(parent=course_catalogue, funding_programme=programme)
    CourseSessionFactory(course=course)
    CourseRelatedProject.objects.create(course=course, project=live, sort_order=0)
    CourseRelatedProject.objects.create(course=course, project=draft, sort_order=1)
    return course


def test_course_page_names_the_programme_and_links_live_projects(client, funded_course):
    private = ProjectPageFactory(parent=funded_course.related_projects.first().project.get_parent(), title="Riservato")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    CourseRelatedProject.objects.create(course=funded_course, project=private, sort_order=2)
    html = client.get(funded_course.url).content.decode()
    assert "Riservato" not in html
    assert "FSE+: PR Lazio FSE+ 2021-2027" in html
    assert 'href="/progetti/' in html and "Lazio Inclusione" in html
    assert "Progetto in bozza" not in html


def test_json_ld_describes_the_funding(client, funded_course):
    html = client.get(funded_course.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["funding"] == {
        "@type": "MonetaryGrant",
        "name": "PR Lazio FSE+ 2021-2027",
        "funder": {"@type": "Organization", "name": "Fondo sociale europeo plus (FSE+)"},
    }
