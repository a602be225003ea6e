"""The enquiry desk at work, in a real browser: a visitor asks about a course on the site, and a member
of "Segreteria corsi" (no superuser) follows the link in the staff e-mail, logs in and reads the
enquiry, with the message's line breaks kept."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from courses.enquiries import CourseEnquiry
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "password-lunga-1"
CONTACT = "formazione@asap.example"


@pytest.fixture
def desk(django_user_model, editorial_groups, settings, live_server):
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # the e-mail links where the site answers
    catalogue = CourseIndexPageFactory(parent=editorial_groups)
    course = CoursePageFactory(parent=catalogue, title="Appalti pubblici", slug="appalti", contact_email=CONTACT)
    CourseSessionFactory(course=course, edition="Primavera")
    person = django_user_model.objects.create_user("segreteria", CONTACT, PASSWORD)
    person.groups.add(Group.objects.get(name="Segreteria corsi"))
    return person


def test_the_desk_opens_the_enquiry_linked_in_the_staff_email(tab, desk):
    tab.goto("/corsi/appalti/richiedi-informazioni/")
    tab.get_by_label("Nome (obbligatorio)", exact=True).fill("Giulia")
    tab.get_by_label("Cognome (obbligatorio)").fill("Rossi")
    tab.get_by_label("E-mail (obbligatorio)").fill("giulia.rossi@esempio.it")
    tab.get_by_label("Numero di partecipanti (obbligatorio)").fill("2")
    tab.get_by_label("Messaggio", exact=True).fill("Siamo due colleghe.\nPossiamo venire a Latina?")
    tab.get_by_label("Ho letto l'informativa privacy").check()
    tab.get_by_role("button", name="Invia la richiesta").click()
    tab.wait_for_url("**/richiedi-informazioni/grazie/")

    [staff] = [message for message in mail.outbox if message.to == [CONTACT]]
    link = re.search(r"https?://\S+/admin/course_enquiries/edit/\d+/", staff.body).group()
    assert link == f"{tab.url.split('/corsi/')[0]}/admin/course_enquiries/edit/{CourseEnquiry.objects.get().pk}/"

    tab.goto(link)
    tab.wait_for_url("**/admin/login/**")
    tab.get_by_label("Nome utente").fill("segreteria")
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Accedi").click()
    tab.wait_for_url(link)
    page = tab.locator("main").inner_text()
    assert "Giulia" in page and "Rossi" in page and "Appalti pubblici" in page
    assert "non hai i permessi" not in page.lower()
    message = tab.get_by_text("Siamo due colleghe.")
    assert "Siamo due colleghe.\nPossiamo venire a Latina?" in message.inner_text()
