"""The course edit form costs the same number of queries however many editions and related
projects it lists, within a fixed budget."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import CourseRelatedProject
from tests.factories.courses import CoursePageFactory, CourseSessionFactory, VenueFactory
from tests.factories.projects import ProjectPageFactory

pytestmark = pytest.mark.django_db

# Wagtail's own share plus the form's, none per edition or related project; six of them are the
# translation menu's (wagtail-localize: locales, translations, sources).
MAX_QUERIES = 51


@pytest.fixture
def redattrice(client, django_user_model, editorial_groups):
    person = django_user_model.objects.create_user("redattrice", "redattrice@asap.example", "password-lunga-1")
    person.groups.add(Group.objects.get(name="Redattori"))
    client.force_login(person)
    return client


def course_with(catalogue, project_catalogue, rows):
    course = CoursePageFactory(parent=catalogue)
    for n in range(rows):
        CourseSessionFactory(course=course, edition=f"Edizione {n}", venue=VenueFactory())
        CourseRelatedProject.objects.create(course=course, project=ProjectPageFactory(parent=project_catalogue))
    course.save_revision().publish()
    return course


def queries_for_edit_form(client, page):
    url = f"/admin/pages/{page.pk}/edit/"
    client.get(url)  # warm-up: the site's settings and caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_course_edit_form_queries_do_not_grow_with_its_rows(redattrice, course_catalogue, project_catalogue):
    small, _ = queries_for_edit_form(redattrice, course_with(course_catalogue, project_catalogue, 1))
    large, html = queries_for_edit_form(redattrice, course_with(course_catalogue, project_catalogue, 5))
    assert large == small, (small, large)
    assert large <= MAX_QUERIES, large
    assert "Edizione 4" in html


def test_a_malformed_related_project_is_an_italian_form_error(redattrice, course_catalogue):
    from tests.courses.test_page_editor import course_form

    data = course_form(VenueFactory())
    data.update({"related_projects-TOTAL_FORMS": "1", "related_projects-0-project": "abc"})
    data.update({"related_projects-0-ORDER": "1", "related_projects-0-id": "", "related_projects-0-DELETE": ""})
    response = redattrice.post(f"/admin/pages/add/courses/coursepage/{course_catalogue.pk}/", data)
    assert response.status_code == 200
    assert "opzione valida" in response.content.decode()  # Django: "Scegli un’opzione valida…"
