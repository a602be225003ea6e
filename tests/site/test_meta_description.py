"""Every page type has a meta description (Lighthouse's SEO audit), also where editors left the
promote tab's description empty."""

import pytest

from tests.factories.courses import CoursePageFactory
from tests.factories.projects import ProjectPageFactory

pytestmark = pytest.mark.django_db


def description(html):
    return html.split('<meta name="description" content="')[1].split('"')[0]


def test_a_project_without_a_search_description_is_described_by_its_summary(client, project_catalogue):
    project = ProjectPageFactory(parent=project_catalogue, summary="Percorsi di inserimento lavorativo.")
    assert description(client.get(project.url).content.decode()) == "Percorsi di inserimento lavorativo."


def test_the_enquiry_form_and_the_search_page_describe_themselves(client, course_catalogue):
    course = CoursePageFactory(parent=course_catalogue, title="Excel per la rendicontazione")
    form = client.get(f"{course.url}richiedi-informazioni/").content.decode()
    assert description(form) == "Richiedi informazioni sul corso «Excel per la rendicontazione»."
    assert description(client.get("/cerca/", {"q": "excel"}).content.decode()).startswith(
        "Cerca tra i progetti, i corsi e le pagine di "
    )
