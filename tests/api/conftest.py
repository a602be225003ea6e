"""An open data set for the API's tests: the project portfolio plus a course with an edition, a news
article, an event and a published contribution, so that every operation has something to answer."""

import datetime
from decimal import Decimal

import pytest

from tests.factories.courses import CoursePageFactory, CourseSessionFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.news import NewsArticlePageFactory, NewsIndexPageFactory
from tests.factories.projects import ProjectOrganisationFactory, ProjectPageFactory
from tests.factories.transparency import PublicContributionFactory

ORIGIN = "https://giornalisti.example.org"


@pytest.fixture
def open_data(portfolio, project_catalogue, course_catalogue, home_page):
    """The portfolio, with a second FEI project without Regione Lazio and a FAMI one with it, so that
    the journey's two filters each matter."""
    other_fei = ProjectPageFactory(
        parent=project_catalogue,
        title="Mediatori culturali",
        fund=portfolio["fei"],
        planned_start=datetime.date(2010, 1, 1),
        planned_end=datetime.date(2012, 1, 1),
        total_cost=Decimal("120000.50"),
        eu_contribution=Decimal("60000.25"),
    )
    fami_with_regione = portfolio["projects"]["running"]
    ProjectOrganisationFactory(project=fami_with_regione, organisation=portfolio["regione"], role="finanziatore")
    course = CoursePageFactory(parent=course_catalogue, title="Rendicontazione FSE+")
    session = CourseSessionFactory(course=course, start=datetime.datetime(2030, 5, 4, 9, tzinfo=datetime.UTC))
    news = NewsArticlePageFactory(parent=NewsIndexPageFactory(parent=home_page), title="Nuovo bando FAMI")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Seminario FEI")
    contribution = PublicContributionFactory(granting_body=portfolio["regione"], live=True, year=2025)
    return {
        **portfolio,
        "other_fei": other_fei,
        "course": course,
        "session": session,
        "news": news,
        "event": event,
        "contribution": contribution,
    }
