"""The "Segnala un problema di accessibilità" form: stored before any mail, acknowledged with the
30-day deadline and AgID's procedure, Italian errors, honeypot, rate limit; the staff's list."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from accessibility.models import AccessibilityFeedback, FeedbackStatus
from core.site_settings import OrganisationSettings
from outbox.models import OutboundEmail
from tests.factories import ContentPageFactory
from tests.factories.accessibility import AccessibilityFeedbackPageFactory
from tests.outbox.smtp_server import closed_port, use_smtp

URL = "/dichiarazione-di-accessibilita/segnala-un-problema/"
AGID = "https://form.agid.gov.it/"


@pytest.fixture
def feedback_page(home_page):
    statement = ContentPageFactory(
        parent=home_page, title="Dichiarazione di accessibilità", slug="dichiarazione-di-accessibilita"
    )
    organisation = OrganisationSettings.for_site(home_page.get_site())
    organisation.email = "accessibilita@asap.example"
    organisation.save()
    return AccessibilityFeedbackPageFactory(parent=statement)


def valid_post(**overrides):
    data = {
        "name": "Marco Bianchi",
        "email": "marco.bianchi@esempio.it",
        "page_url": "http://localhost/progetti/",
        "description": "I filtri del catalogo non si leggono con il lettore di schermo.",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_the_form_page_names_the_deadline_and_agid_procedure(client, feedback_page):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in html
    assert "ti rispondiamo entro 30 giorni" in html
    assert f'href="{AGID}"' in html and "Difensore civico per il digitale" in html
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_page_address_can_be_given_in_the_link(client, feedback_page):
    html = client.get(URL, {"pagina": "http://localhost/corsi/"}).content.decode()
    assert 'value="http://localhost/corsi/"' in html


@pytest.mark.django_db
def test_a_report_is_stored_and_acknowledged_and_staff_notified(
    client, feedback_page, django_capture_on_commit_callbacks
):
    moment = time_machine.travel(datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC), tick=False)
    with moment, django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_post())
    assert response.status_code == 302
    assert response["Location"] == URL + "grazie/"
    report = AccessibilityFeedback.objects.get()
    assert (report.name, report.page_url, report.status) == ("Marco Bianchi", "http://localhost/progetti/", "nuova")
    assert report.reply_deadline == datetime.date(2026, 4, 1)

    staff, visitor = sorted(mail.outbox, key=lambda m: m.to != ["accessibilita@asap.example"])
    assert staff.to == ["accessibilita@asap.example"]
    assert staff.reply_to == ["marco.bianchi@esempio.it"]
    assert "entro l'1 aprile 2026" in staff.subject
    assert "I filtri del catalogo" in staff.body
    assert f"http://testserver/admin/accessibility_feedback/edit/{report.pk}/" in staff.body
    assert visitor.to == ["marco.bianchi@esempio.it"]
    assert "entro l'1 aprile 2026" in visitor.body
    assert AGID in visitor.body and "Difensore civico per il digitale" in visitor.body
    # nothing the sender typed goes back out to the address they gave
    assert "Marco" not in visitor.body and "filtri" not in visitor.body

    thanks = client.get(response["Location"]).content.decode()
    assert "abbiamo ricevuto la tua segnalazione" in thanks and AGID in thanks


@pytest.mark.django_db(transaction=True)
def test_the_report_is_kept_when_the_mail_server_is_down(client, feedback_page, settings, atomic_requests):
    use_smtp(settings, closed_port())
    assert client.post(URL, valid_post()).status_code == 302
    report = AccessibilityFeedback.objects.get()
    emails = OutboundEmail.objects.filter(accessibility_feedback=report)
    assert sorted(emails.values_list("kind", flat=True)) == ["staff", "visitor"]
    assert set(emails.values_list("status", flat=True)) == {OutboundEmail.Status.PENDING}


@pytest.mark.django_db
def test_errors_are_italian_and_next_to_their_fields(client, feedback_page):
    response = client.post(URL, valid_post(name="", email="non-una-mail", page_url="pagina", description=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert "La segnalazione non è stata inviata" in html
    assert "Correggi 4 campi segnalati qui sotto." in html
    assert "Scrivi il tuo nome e cognome." in html
    assert "Scrivi un indirizzo e-mail valido, per esempio nome@esempio.it." in html
    assert "Scrivi un indirizzo web completo" in html
    assert "Descrivi il problema che hai incontrato." in html
    assert 'aria-describedby="id_name-errore"' in html or 'id="id_name-errore"' in html
    assert not AccessibilityFeedback.objects.exists()


@pytest.mark.django_db
def test_honeypot_looks_like_success_but_stores_nothing(client, feedback_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_post(sito_web="http://spam.example"))
    assert response.status_code == 302
    assert not AccessibilityFeedback.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_rate_limit_per_client(client, feedback_page, settings):
    settings.FORM_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(URL, valid_post()).status_code == 302
    blocked = client.post(URL, valid_post())
    assert blocked.status_code == 429
    assert "Troppi invii" in blocked.content.decode()
    assert AccessibilityFeedback.objects.count() == 2


# --- the staff's list --------------------------------------------------------------------------


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("group", ["Segreteria corsi", "Moderatori"])
def test_staff_see_the_reply_deadline_and_overdue_reports(client, django_user_model, home_page, group):
    now = timezone.now()
    AccessibilityFeedback.objects.create(
        name="A",
        email="a@esempio.it",
        page_url="http://localhost/vecchia/",
        description="x",
        created_at=datetime.datetime(2026, 1, 10, 9, tzinfo=datetime.UTC),
    )
    AccessibilityFeedback.objects.create(
        name="B", email="b@esempio.it", page_url="http://localhost/nuova/", description="y", created_at=now
    )
    client.force_login(member_of(django_user_model, group, "staff"))
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC), tick=False):
        html = client.get("/admin/accessibility_feedback/").content.decode()
    assert "Rispondere entro" in html and "Risposto il" in html
    assert "9 febbraio 2026: scaduto" in html
    assert "http://localhost/nuova/" in html


@pytest.mark.django_db
def test_staff_record_the_reply_date_and_the_report_is_answered(client, django_user_model, home_page):
    report = AccessibilityFeedback.objects.create(
        name="A", email="a@esempio.it", page_url="http://localhost/x/", description="x"
    )
    client.force_login(member_of(django_user_model, "Segreteria corsi", "staff"))
    response = client.post(
        f"/admin/accessibility_feedback/edit/{report.pk}/",
        {"status": FeedbackStatus.IN_PROGRESS, "replied_on": "20/03/2026", "internal_notes": "Risposto per e-mail"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Risposto il" in client.get(f"/admin/accessibility_feedback/inspect/{report.pk}/").content.decode()
    report.refresh_from_db()
    assert report.replied_on == datetime.date(2026, 3, 20)
    assert report.status == FeedbackStatus.ANSWERED
    assert report.name == "A"  # what the visitor wrote stays as it was


@pytest.mark.django_db
def test_nobody_adds_reports_in_the_admin_and_editors_do_not_read_them(client, django_user_model, home_page):
    client.force_login(member_of(django_user_model, "Segreteria corsi", "staff"))
    assert client.get("/admin/accessibility_feedback/new/").status_code in (302, 403)
    client.force_login(member_of(django_user_model, "Redattori", "redattrice"))
    assert client.get("/admin/accessibility_feedback/").status_code in (302, 403)


@pytest.mark.django_db
def test_a_report_empties_no_cache(client, page_cache, feedback_page):
    from serving.pagecache import store

    client.get("/")
    generation = store.current_generation()
    assert client.post(URL, valid_post()).status_code == 302
    assert store.current_generation() == generation


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides",
    [
        {"page_url": "javascript:alert(1)"},
        {"page_url": "http://" + "a" * 600 + ".it/"},
        {"description": "x\x00y"},
        {"description": "x" * 4001},
        {"email": "a@b@c"},
        {"name": ""},
    ],
    ids=["script-url", "long-url", "nul", "long-text", "bad-email", "no-name"],
)
def test_bad_posts_give_form_errors_not_500(client, feedback_page, overrides):
    response = client.post(URL, valid_post(**overrides))
    assert response.status_code == 400
    assert not AccessibilityFeedback.objects.exists()


@pytest.mark.django_db
def test_the_page_address_in_the_link_is_escaped(client, feedback_page):
    html = client.get(URL, {"pagina": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)" not in html
