"""The admin in Italian, as a Redattrice, a Moderatore and the Segreteria corsi read it."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from wagtail.models import Collection

from core.site_settings import NavigationSettings
from tests.factories import ContentPageFactory, ImageFactory
from tests.factories.courses import CourseEnquiryFactory, CoursePageFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db


def log_in(client, django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


def messages_of(response):
    """The messages' text, without the buttons Wagtail appends to some of them."""
    return [str(message).split("<")[0].strip() for message in get_messages(response.wsgi_request)]


def test_the_login_page_names_asap(client):
    html = client.get("/admin/login/").content.decode()
    assert "Accedi all'area riservata di ASAP" in html
    assert "<title>Accedi - ASAP</title>" in html
    assert "Wagtail" not in html.split("<body")[1].split("<script")[0]


def test_menus_and_page_fields_speak_italian(client, django_user_model, home_page):
    page = ContentPageFactory(parent=home_page)
    log_in(client, django_user_model, "Redattori", "redattrice")
    dashboard = client.get("/admin/").content.decode()
    assert "Bacheca" in dashboard and "Elenchi" in dashboard
    assert "Snippets" not in dashboard and "Dashboard" not in dashboard
    # Wagtail's release notes and editor guide are English pages: no links to them.
    assert "whats-new-in-wagtail" not in dashboard and "editor-guide" not in dashboard
    assert "Guida all" not in dashboard
    editor = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    for english in ("Slug", "Title tag", "Meta description", "URLs e.g", "Mostra nel menu", "Invia a "):
        assert english not in editor, english
    for italian in ("Indirizzo", "Titolo per i motori di ricerca", "Descrizione per i motori di ricerca"):
        assert italian in editor, italian
    assert "Invia in approvazione" in editor


def test_a_saved_draft_says_the_site_has_not_changed(client, django_user_model, home_page):
    page = ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    log_in(client, django_user_model, "Redattori", "redattrice")
    data = {"title": "Chi siamo", "slug": "chi-siamo", "intro": "Nuova introduzione", "body-count": "0"}
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert messages_of(response) == [
        "Bozza della pagina «Chi siamo» salvata: il sito pubblico non cambia finché non è pubblicata."
    ]


def test_messages_agree_whatever_the_gender_of_the_thing_saved(client, django_user_model, home_page):
    log_in(client, django_user_model, "Moderatori", "moderatore")
    site = home_page.get_site()
    NavigationSettings.for_site(site)
    response = client.post(
        f"/admin/settings/core/navigationsettings/{site.pk}/",
        {
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
            "items-MIN_NUM_FORMS": "0",
            "items-MAX_NUM_FORMS": "1000",
        },
    )
    assert messages_of(response) == ["Modifiche salvate: Menu principale."]
    response = client.post("/admin/snippets/projects/theme/add/", {"name": "Inclusione", "slug": "inclusione"})
    assert messages_of(response)[-1] == "Creazione completata: Tema «Inclusione»."


def test_the_enquiry_desk_reads_si_no_and_the_message_as_typed(client, django_user_model, course_catalogue):
    course = CoursePageFactory(parent=course_catalogue, title="Appalti pubblici")
    enquiry = CourseEnquiryFactory(course=course, message="Prima riga.\nSeconda riga.", marketing_consent=False)
    log_in(client, django_user_model, "Segreteria corsi", "segreteria")
    edit = client.get(f"/admin/course_enquiries/edit/{enquiry.pk}/").content.decode()
    assert "False" not in edit and "True" not in edit
    assert 'style="white-space: pre-line"' in edit and "Prima riga.\nSeconda riga." in edit
    # An enquiry about no edition in particular: its read-only "Edizione" reads —, not None.
    assert 'aria-readonly="true">None<' not in edit and 'aria-readonly="true">—<' in edit
    inspect = client.get(f"/admin/course_enquiries/inspect/{enquiry.pk}/").content.decode()
    assert "False" not in inspect
    response = client.post(f"/admin/course_enquiries/edit/{enquiry.pk}/", {"status": "chiusa", "internal_notes": ""})
    assert messages_of(response) == [f"Modifiche salvate: Richiesta di informazioni sui corsi «{enquiry}»."]


def test_the_course_editor_explains_the_seats(client, django_user_model, course_catalogue):
    course = CoursePageFactory(parent=course_catalogue)
    CourseSessionFactory(course=course)
    log_in(client, django_user_model, "Redattori", "redattrice")
    html = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert "Quanti partecipanti può accogliere l&#x27;edizione in tutto" in html
    # seats taken are counted from the enquiries the desk marks enrolled, never typed here
    assert "sono le richieste che la segreteria segna «Iscritto/a»" in html
    assert "Posti già assegnati" not in html


def test_listings_say_si_and_no(admin_client, registry):
    html = admin_client.get("/admin/snippets/cookie_consent/cookiegroup/").content.decode()
    cells = html.split('<table class="listing')[1].split("</table>")[0]
    assert "Sì" in cells and "No" in cells
    assert "True" not in cells and "False" not in cells


def visible(html):
    """The text of the page's main content, without tags."""
    main = html.split('id="main"')[1] if 'id="main"' in html else html
    main = re.sub(r"<(script|template)[^>]*>.*?</\1>", " ", main, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)).replace("&#x27;", "'")


@time_machine.travel(datetime.datetime(2026, 12, 6, 10, 0, tzinfo=ZoneInfo("Europe/Rome")), tick=False)
def test_a_scheduled_page_reads_in_italian_with_lower_case_dates(client, django_user_model, home_page):
    page = ContentPageFactory(parent=home_page, title="Bando", slug="bando", live=False)
    page.go_live_at = datetime.datetime(2026, 12, 13, 9, 0, tzinfo=ZoneInfo("Europe/Rome"))
    page.save_revision(log_action=True).publish(log_action=True)
    log_in(client, django_user_model, "Moderatori", "moderatore")
    history = visible(client.get(f"/admin/pages/{page.pk}/history/").content.decode())
    assert "Pubblicazione programmata per domenica 13 dicembre 2026, ore 9:00" in history
    editor = visible(client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    for english in ("scheduled", "Go-live", "Domenica", "Dicembre", "Root"):
        assert english not in history and english not in editor, english
    assert "13 dicembre 2026" in editor


def test_the_page_tree_and_the_reports_name_things_in_italian(client, django_user_model, home_page):
    # Published by nobody, as the demo's pages and scheduled publications are.
    ContentPageFactory(parent=home_page, title="Chi siamo").save_revision().publish()
    log_in(client, django_user_model, "Moderatori", "moderatore")
    explorer = visible(client.get(f"/admin/pages/{home_page.pk}/").content.decode())
    assert "Sito" in explorer and "Root" not in explorer
    aging = visible(client.get("/admin/reports/aging-pages/results/").content.decode())
    assert "sistema" in aging and "None" not in aging
    types = visible(client.get("/admin/reports/page-types-usage/results/").content.decode())
    assert "tipi di contenuto" in types and "content type" not in types
    found = visible(client.get("/admin/pages/search/?q=Chi").content.decode())
    assert "None" not in found
    searches = visible(client.get("/admin/reports/ricerche/results/?only_fruitless=on").content.decode())
    assert "Solo ricerche senza risultati: Sì" in searches and "True" not in searches


def test_an_empty_chooser_does_not_say_nothing_was_ever_created(client, django_user_model, home_page):
    log_in(client, django_user_model, "Redattori", "redattrice")
    html = client.get("/admin/snippets/choose/projects/fundingprogramme/?fund=999999").content.decode()
    assert "Nessun elemento da scegliere (Programma di finanziamento)" in html
    assert "snippet" not in visible(html) and "Non hai ancora creato" not in html


def test_the_forms_explain_alt_text_and_empty_choices(client, django_user_model, project_catalogue):
    from tests.factories.projects import ProjectPageFactory

    project = ProjectPageFactory(parent=project_catalogue)
    log_in(client, django_user_model, "Moderatori", "moderatore")
    response = client.get(f"/admin/images/{ImageFactory(collection=Collection.get_first_root_node()).pk}/")
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    image_form = response.content.decode()
    assert "Descrizione (testo alternativo)" in image_form
    assert "lo leggono i lettori di schermo" in image_form
    log_in(client, django_user_model, "Redattori", "redattrice")
    project_form = client.get(f"/admin/pages/{project.pk}/edit/").content.decode()
    assert '<option value="">— quella del fondo —</option>' in project_form.replace(" selected", "")
    assert '<option value="">— ricavato dalle date —</option>' in project_form.replace(" selected", "")
    assert "---------</option>" not in project_form.split('name="status_override"')[1].split("</select>")[0]


def test_the_admin_carries_asaps_mark_not_wagtails(client, django_user_model, home_page):
    log_in(client, django_user_model, "Segreteria corsi", "segreteria")
    html = client.get("/admin/").content.decode()
    logo = html.split("<template data-wagtail-sidebar-branding-logo>")[1].split("</template>")[0]
    assert 'aria-label="ASAP"' in logo or "asap-admin-logo" in logo
    assert "wagtailadmin/images/favicon.ico" not in html and "img/favicon.svg" in html
    assert "Guida per la redazione" in html
