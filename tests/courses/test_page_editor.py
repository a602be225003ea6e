"""Editors create courses with sessions in the page editor; mistakes are explained in Italian."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import CoursePage
from tests.factories.courses import VenueFactory

pytestmark = pytest.mark.django_db


def course_form(venue, body=(), **session):
    return nested_form_data(
        {
            "title": "Nuovo corso",
            "slug": "nuovo-corso",
            "code": "ASAP-NEW-01",
            "summary": "Un corso nuovo.",
            "area": "gestione",
            "level": "base",
            "delivery_mode": "presenza",
            "language": "Italiano",
            "total_hours": "8",
            "target_audience": "Tutti",
            "learning_outcomes": rich_text(""),
            "is_free": "on",
            "body": streamfield(list(body)),
            "sessions": inline_formset(
                [
                    {
                        "edition": "Prima",
                        "start": session.get("start", "2030-05-04 09:30"),
                        "end": session.get("end", "2030-05-04 17:30"),
                        "venue": str(venue.pk),
                        "seats": "20",
                    }
                ]
            ),
            "related_projects": inline_formset([]),
            "action-publish": "action-publish",
        }
    )


def test_editor_creates_a_course_with_a_session(admin_client, course_catalogue):
    venue = VenueFactory()
    assert admin_client.get(f"/admin/pages/add/courses/coursepage/{course_catalogue.pk}/").status_code == 200
    response = admin_client.post(f"/admin/pages/add/courses/coursepage/{course_catalogue.pk}/", course_form(venue))
    assert response.status_code == 302, response.content.decode()[:3000]
    course = CoursePage.objects.get(slug="nuovo-corso")
    session = course.sessions.get()
    assert session.local_start.hour == 9 and str(session.local_start.tzinfo) == "Europe/Rome"
    assert admin_client.get(f"/admin/pages/{course.pk}/edit/").status_code == 200


def test_session_ending_before_it_starts_is_refused_in_italian(admin_client, course_catalogue):
    venue = VenueFactory()
    response = admin_client.post(
        f"/admin/pages/add/courses/coursepage/{course_catalogue.pk}/",
        course_form(venue, start="2030-05-04 09:30", end="2030-05-03 17:30"),
    )
    assert response.status_code == 200
    assert "La fine deve venire dopo l&#x27;inizio." in response.content.decode()
    assert not CoursePage.objects.filter(slug="nuovo-corso").exists()


def programme(*hours):
    modules = {
        str(i): {"deleted": "", "order": str(i), "id": "", "value": {"title": f"Modulo {i + 1}", "hours": h}}
        for i, h in enumerate(hours)
    }
    return [("programme", {"heading": "Programma", "modules": {"count": str(len(hours)), **modules}})]


def test_modules_that_do_not_add_up_to_the_duration_are_refused_in_italian(admin_client, course_catalogue):
    venue = VenueFactory()
    url = f"/admin/pages/add/courses/coursepage/{course_catalogue.pk}/"
    response = admin_client.post(url, course_form(venue, body=programme("4", "4", "1")))
    assert response.status_code == 200
    assert (
        "La durata complessiva è di 8 ore, ma i moduli del programma ne sommano 9: correggi la durata o le ore "
        "dei moduli." in response.content.decode()
    )
    assert not CoursePage.objects.filter(slug="nuovo-corso").exists()
    # a module without its hours may take what the others leave
    response = admin_client.post(url, course_form(venue, body=programme("4", "3", "")))
    assert response.status_code == 302, response.content.decode()[:3000]


def test_other_editor_screens_open(admin_client, home_page, course_catalogue):
    venue = VenueFactory()
    for url in [
        "/admin/snippets/courses/venue/",
        f"/admin/snippets/courses/venue/edit/{venue.pk}/",
        f"/admin/pages/add/contact/contactformpage/{home_page.pk}/",
        f"/admin/pages/{course_catalogue.pk}/edit/",
        "/admin/",
    ]:
        assert admin_client.get(url).status_code == 200, url
