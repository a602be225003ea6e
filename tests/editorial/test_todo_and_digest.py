"""What is left to do: each role's dashboard panels, the Moderatori's weekly digest (once a week), the
Italian guide under *Aiuto*."""

import datetime
import json
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command

from outbox.models import OutboundEmail
from tests.factories import ContentPageFactory, ImageFactory
from tests.factories.courses import CoursePageFactory
from tests.factories.projects import ProjectPageFactory

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def panel_text(html, panel_id):
    section = html.split(f'id="{panel_id}-section"')[1].split(">", 1)[1].split("</section>")[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section)).replace("&#x27;", "'")


@pytest.fixture
def backlog(home_page, course_catalogue, project_catalogue):
    """A course whose modules add up to 9 hours out of 16, an EU project without objectives and
    results, an image without description, a page untouched since 2024."""
    course = CoursePageFactory(parent=course_catalogue, title="Rendicontazione FSE+", total_hours=Decimal("16"))
    modules = [{"title": "Regole", "hours": Decimal("4")}, {"title": "Esercitazione", "hours": Decimal("5")}]
    course.body = [("programme", {"heading": "Programma", "modules": modules})]
    course.save(clean=False)  # saved before the editor refused such a course (courses/models/pages.py)
    ProjectPageFactory(parent=project_catalogue, title="Sportelli a Latina", objectives="", expected_results="")
    ImageFactory(title="Foto senza descrizione", description="")
    ImageFactory(title="Foto descritta", description="Operatrice allo sportello")
    with time_machine.travel(datetime.datetime(2024, 3, 1, 10, 0, tzinfo=ROME)):
        ContentPageFactory(parent=home_page, title="Vecchie notizie").save_revision().publish()


@time_machine.travel(datetime.datetime(2026, 12, 7, 9, 0, tzinfo=ROME), tick=False)
def test_editors_see_their_drafts_and_what_to_fix(client, django_user_model, home_page, backlog):
    editor = member_of(django_user_model, "Redattori", "redattrice")
    draft = ContentPageFactory(parent=home_page, title="Bozza sul bando", live=False)
    draft.save_revision(user=editor)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()

    assert "Bozza sul bando" in panel_text(html, "mie-bozze")
    todo = panel_text(html, "da-sistemare")
    assert "Sportelli a Latina : manca: Obiettivi, Risultati attesi" in todo
    assert "Rendicontazione FSE+ : moduli 9 ore, durata complessiva 16 ore" in todo
    assert "Foto senza descrizione" in todo and "Foto descritta" not in todo
    assert "Vecchie notizie : ultima modifica 1 marzo 2024" in todo


def test_the_enquiry_desk_gets_no_editorial_panels(client, django_user_model, backlog):
    client.force_login(member_of(django_user_model, "Segreteria corsi", "segreteria"))
    html = client.get("/admin/").content.decode()
    assert 'id="da-sistemare' not in html and 'id="mie-bozze' not in html


def test_the_weekly_digest_goes_to_moderators_once_a_week(django_user_model, backlog):
    member_of(django_user_model, "Moderatori", "moderatore")
    member_of(django_user_model, "Redattori", "redattrice")
    monday = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=ROME)
    with time_machine.travel(monday, tick=False):
        call_command("send_editorial_digest")
    with time_machine.travel(monday + datetime.timedelta(days=4), tick=False):
        call_command("send_editorial_digest")  # the same week: nothing new

    [email] = OutboundEmail.objects.all()
    assert email.recipients == ["moderatore@asap.example"]
    assert email.subject == "Riepilogo della redazione, settimana del 7 dicembre 2026"
    assert "Progetti UE con dati mancanti (1)" in email.body
    assert "- Sportelli a Latina: manca: Obiettivi, Risultati attesi" in email.body
    assert "Immagini senza descrizione (1)" in email.body
    assert re.search(r"http://\S+/admin/pages/\d+/edit/", email.body)

    with time_machine.travel(monday + datetime.timedelta(days=7), tick=False):
        call_command("send_editorial_digest")
    assert OutboundEmail.objects.count() == 2


def test_the_scheduler_sends_the_digest_weekly():
    from serving.management.commands.run_scheduler import JOBS

    assert ("send_editorial_digest", 604800) in JOBS


def test_the_guide_is_under_help_in_italian(client, django_user_model, home_page):
    client.force_login(member_of(django_user_model, "Segreteria corsi", "segreteria"))
    dashboard = client.get("/admin/").content.decode()
    sidebar = json.loads(
        dashboard.split('id="wagtail-sidebar-props" type="application/json">')[1].split("</script>")[0]
    )
    assert '"Guida per la redazione"' in json.dumps(sidebar, ensure_ascii=False)
    guide = client.get("/admin/guida/").content.decode()
    assert "<h1" in guide and "Guida per la redazione" in guide
    assert '<h2 id="immagini-e-testo-alternativo">Immagini e testo alternativo</h2>' in guide
    assert "<strong>Descrizione</strong>" in guide
