"""The staff's list "Iscritti newsletter": Moderatori filter and export it in Italian, import a CSV
(all rows or none, errors by row in Italian); Redattori do not see it."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import load_workbook

from subscriptions.models import ConsentEvent, Subscriber
from tests.factories.subscriptions import SubscriberFactory, topics

pytestmark = pytest.mark.django_db

URL = "/admin/newsletter_subscribers/"


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def moderator_client(client, django_user_model, editorial_groups):
    topics()
    client.force_login(member_of(django_user_model, "Moderatori", "moderatrice"))
    return client


def test_moderators_filter_the_list_by_status_topic_and_language(moderator_client):
    SubscriberFactory(email="corsi@esempio.it", topic_slugs=["corsi"])
    SubscriberFactory(email="inglese@esempio.it", language="en", topic_slugs=["notizie"])
    SubscriberFactory(email="attesa@esempio.it", status=Subscriber.Status.PENDING, topic_slugs=["corsi"])
    html = moderator_client.get(URL).content.decode()
    assert "Iscritti newsletter" in html and "corsi@esempio.it" in html and "In attesa di conferma" in html
    html = moderator_client.get(URL, {"status": "active", "topics": topics()["corsi"].pk}).content.decode()
    assert "corsi@esempio.it" in html and "attesa@esempio.it" not in html and "inglese@esempio.it" not in html
    html = moderator_client.get(URL, {"language": "en"}).content.decode()
    assert "inglese@esempio.it" in html and "corsi@esempio.it" not in html


def test_the_export_is_an_italian_spreadsheet(moderator_client):
    SubscriberFactory(
        email="giulia@esempio.it",
        name="Giulia",
        topic_slugs=["corsi", "avvisi"],
        created_at=datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC),
    )
    response = moderator_client.get(URL, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:4] == ("E-mail", "Nome", "Argomenti", "Lingua")
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["E-mail"] == "giulia@esempio.it" and row["Argomenti"] == "Corsi, Avvisi e bandi"
    assert row["Stato"] == "Attivo" and row["Lingua"] == "Italiano"
    csv = moderator_client.get(URL, {"export": "csv"}).content.decode("utf-8-sig")
    assert "01/03/2026 10:30" in csv  # Rome time, Italian format


def csv_file(text, name="iscritti.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_import_adds_active_subscribers_with_their_consent_dates(moderator_client):
    SubscriberFactory(email="gia@esempio.it", topic_slugs=["corsi"])
    SubscriberFactory(email="uscita@esempio.it", status=Subscriber.Status.UNSUBSCRIBED)
    text = (
        "email;nome;argomenti;lingua;data_consenso\n"
        "Anna@Esempio.it;Anna;corsi, Eventi;it;15/01/2025\n"
        "john@example.org;;notizie;en;2024-06-30\n"
        "gia@esempio.it;;avvisi;;01/02/2025\n"
        "uscita@esempio.it;;avvisi;;01/02/2025\n"
    )
    response = moderator_client.post(URL + "importa/", {"file": csv_file(text)})
    html = response.content.decode()
    assert response.status_code == 200 and "Importati 2 iscritti." in html
    assert "hanno revocato il consenso: uscita@esempio.it" in html
    anna = Subscriber.objects.get(email="anna@esempio.it")
    assert anna.is_active and sorted(anna.topics.values_list("slug", flat=True)) == ["corsi", "eventi"]
    assert timezone.localtime(anna.confirmed_at).date() == datetime.date(2025, 1, 15)
    event = anna.consent_events.get()
    assert event.action == ConsentEvent.Action.IMPORT and timezone.localtime(event.created_at).date() == datetime.date(
        2025, 1, 15
    )
    assert Subscriber.objects.get(email="uscita@esempio.it").status == Subscriber.Status.UNSUBSCRIBED
    detail = moderator_client.get(f"{URL}inspect/{anna.pk}/").content.decode()
    assert "Registro dei consensi" in detail and "15 gennaio 2025" in detail and "Importazione" in detail
    assert list(Subscriber.objects.get(email="gia@esempio.it").topics.values_list("slug", flat=True)) == ["corsi"]


def test_import_with_errors_imports_nothing_and_names_the_rows(moderator_client):
    text = (
        "email,argomenti,data_consenso\n"
        "buona@esempio.it,corsi,15/01/2025\n"
        "non-un-indirizzo,corsi,15/01/2025\n"
        "altra@esempio.it,giardinaggio,15/01/2025\n"
        "terza@esempio.it,corsi,31/02/2025\n"
    )
    response = moderator_client.post(URL + "importa/", {"file": csv_file(text)})
    html = response.content.decode()
    assert response.status_code == 400 and "Nessun iscritto è stato importato." in html
    assert "Riga 3: l&#x27;indirizzo e-mail «non-un-indirizzo» non è valido." in html
    assert "Riga 4: argomento sconosciuto «giardinaggio»." in html
    assert "Riga 5: la data del consenso «31/02/2025» non è valida (gg/mm/aaaa)." in html
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff\xfe\x00garbage", b"nome;cognome\nA;B\n", b"email;argomenti;data_consenso\n"],
)
def test_a_bad_file_is_an_italian_message_not_a_500(moderator_client, content):
    response = moderator_client.post(URL + "importa/", {"file": SimpleUploadedFile("x.csv", content)})
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert "Il file è vuoto." in html or "Nessun iscritto è stato importato." in html
    assert not Subscriber.objects.exists()


def test_editors_do_not_see_subscribers(client, django_user_model, editorial_groups):
    client.force_login(member_of(django_user_model, "Redattori", "redattrice"))
    assert client.get(URL).status_code in (302, 403)
    assert client.get(URL + "importa/").status_code in (302, 403)
    assert client.get(URL + "?export=xlsx").status_code in (302, 403)
