"""Who does what in the office: Redattori and Moderatori on the catalogues' reference data, the
"Segreteria corsi" on enquiries and on the messages sent with the "Scrivici" form, the users' list."""

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.forms.models import FormSubmission

from contact.models import ContactFormField, ContactFormPage
from courses.models import Venue
from projects.models import Organisation
from tests.factories.courses import CourseEnquiryFactory, VenueFactory
from tests.factories.projects import FundFactory

pytestmark = pytest.mark.django_db

REFERENCE_DATA = [
    "projects/organisation",
    "projects/fund",
    "projects/fundingprogramme",
    "projects/theme",
    "projects/territory",
    "courses/venue",
]


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    return member_of(django_user_model, "Redattori", "redattrice")


@pytest.fixture
def moderator(django_user_model):
    return member_of(django_user_model, "Moderatori", "moderatore")


@pytest.fixture
def desk(django_user_model):
    return member_of(django_user_model, "Segreteria corsi", "segreteria")


@pytest.fixture
def contact_page(home_page):
    page = ContactFormPage(title="Scrivici", slug="scrivici", to_address="info@asap.example")
    home_page.add_child(instance=page)
    ContactFormField.objects.create(page=page, label="Messaggio", field_type="multiline")
    FormSubmission.objects.create(page=page, form_data={"messaggio": "Vorrei un'informazione"})
    return page


@pytest.mark.parametrize("snippet", REFERENCE_DATA)
def test_editors_add_and_change_reference_data_but_do_not_delete_it(client, editor, snippet):
    client.force_login(editor)
    assert client.get(f"/admin/snippets/{snippet}/").status_code == 200
    assert client.get(f"/admin/snippets/{snippet}/add/").status_code == 200
    app_label, model = snippet.split("/")
    assert editor.has_perm(f"{app_label}.change_{model}")
    assert not editor.has_perm(f"{app_label}.delete_{model}")


@pytest.mark.parametrize("snippet", REFERENCE_DATA)
def test_moderators_may_also_delete_reference_data(moderator, snippet):
    app_label, model = snippet.split("/")
    for action in ("add", "change", "delete"):
        assert moderator.has_perm(f"{app_label}.{action}_{model}")


def test_an_editor_creates_an_organisation_and_cannot_delete_it(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/snippets/projects/organisation/add/", {"name": "Associazione Ponti", "acronym": "AP", "kind": "altro"}
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Associazione Ponti")
    delete_url = f"/admin/snippets/projects/organisation/delete/{organisation.pk}/"
    assert client.post(delete_url).status_code in (302, 403)
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_a_moderator_deletes_a_venue(client, moderator):
    venue = VenueFactory()
    client.force_login(moderator)
    response = client.post(f"/admin/snippets/courses/venue/delete/{venue.pk}/")
    assert response.status_code == 302
    assert not Venue.objects.filter(pk=venue.pk).exists()


def test_the_enquiry_desk_opens_enquiries_and_editors_do_not(client, editor, desk, course_catalogue):
    enquiry = CourseEnquiryFactory(first_name="Mario", last_name="Bianchi")
    url = f"/admin/course_enquiries/edit/{enquiry.pk}/"
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.force_login(desk)
    response = client.get(url)
    assert response.status_code == 200 and "Mario" in response.content.decode()
    response = client.post(url, {"status": "in_lavorazione", "internal_notes": "Richiamata"})
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == "in_lavorazione"


def test_only_the_enquiry_desk_reads_the_contact_form_messages(client, editor, moderator, desk, contact_page):
    submissions = f"/admin/forms/submissions/{contact_page.pk}/"
    for person in (editor, moderator):
        client.force_login(person)
        assert client.get(submissions).status_code in (302, 403), person.username
        assert '"/admin/forms/"' not in client.get("/admin/").content.decode()
        # The form's own editor shows no link to messages she may not read.
        editor_html = client.get(f"/admin/pages/{contact_page.pk}/edit/").content.decode()
        assert submissions not in editor_html
    client.force_login(desk)
    assert "Vorrei un&#x27;informazione" in client.get(submissions).content.decode()
    assert '"/admin/forms/"' in client.get("/admin/").content.decode()


def test_the_users_list_shows_each_persons_groups(admin_client, editor, desk, django_user_model):
    django_user_model.objects.create_user("senzagruppo", "nessuno@asap.example", "password-lunga-1")
    html = admin_client.get("/admin/users/").content.decode()
    assert "Gruppi" in html
    assert "Redattori" in html and "Segreteria corsi" in html and "Nessuno" in html
    assert "Nome utente" in html and "Username" not in html


def test_reference_data_choosers_offer_to_create_the_missing_item(client, editor):
    FundFactory(name="Fondo Sociale Europeo Plus", acronym="FSE+", period_start=2021, period_end=2027)
    client.force_login(editor)
    html = client.get("/admin/snippets/choose/projects/fund/").json()["html"]
    assert "FSE+ 2021-2027 – Fondo Sociale Europeo Plus" in html
    assert "Nuovo" in html and "Crea e scegli" in html


def test_the_venue_chooser_creates_a_venue_too(client, editor):
    client.force_login(editor)
    html = client.get("/admin/snippets/choose/courses/venue/").json()["html"]
    assert "Scegli una sede" in html and "Crea e scegli" in html
    response = client.post(
        "/admin/snippets/choose/courses/venue/create/",
        {"name": "Sala civica", "address": "Via Roma 1", "postal_code": "04100", "city": "Latina", "province": "LT"},
    )
    assert response.json()["result"]["string"] == "Sala civica (Latina)"


def test_people_who_may_not_add_get_no_creation_tab(client, desk):
    client.force_login(desk)
    html = client.get("/admin/snippets/choose/projects/organisation/").json()["html"]
    assert "Crea e scegli" not in html
    assert client.post("/admin/snippets/choose/projects/organisation/create/", {"name": "X"}).status_code in (302, 403)
    assert not Organisation.objects.filter(name="X").exists()


def test_only_moderators_read_the_search_log(client, editor, django_user_model):
    moderator = member_of(django_user_model, "Moderatori", "moderatrice-ricerche")
    client.force_login(editor)
    assert client.get("/admin/reports/ricerche/").status_code in (302, 403)
    assert "Ricerche del sito" not in client.get("/admin/").content.decode()
    client.force_login(moderator)
    assert client.get("/admin/reports/ricerche/").status_code == 200
