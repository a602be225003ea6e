"""The course edit form costs the same number of queries however many editions and related
projects it lists, within a fixed budget."""

import pytest

from courses.models import CourseRelatedProject
from tests.factories.courses import CoursePageFactory, CourseSessionFactory, VenueFactory
from tests.factories.edit_forms import queries_for_edit_form, redattrice_fixture  # noqa: F401 (the fixture "redattrice")
from tests.factories.projects import ProjectPageFactory

pytestmark = pytest.mark.django_db

# Wagtail's own share plus the form's, none per edition or related project; six of them are the
# translation menu's (wagtail-localize: locales, translations, sources).
MAX_QUERIES = 51


def course_with(catalogue, project_catalogue, rows):
    course = CoursePageFactory(parent=catalogue)
    for n in range(rows):
        CourseSessionFactory(course=course, edition=f"Edizione {n}", venue=VenueFactory())
        CourseRelatedProject.objects.create(course=course, project=ProjectPageFactory(parent=project_catalogue))
    course.save_revision().publish()
    return course


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
