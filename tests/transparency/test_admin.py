"""Editors keep the register in the admin (a snippet with Italian amounts, a year filter and the
Redattori's permissions), and the dashboard reminds them in May and June of last year's list."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth.models import Group

from tests.factories.projects import OrganisationFactory
from tests.factories.transparency import ContributionsRegisterPageFactory, PublicContributionFactory
from transparency.models import PublicContribution

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/transparency/publiccontribution/"
REMINDER = "Contributi pubblici ricevuti: scadenza del 30 giugno"


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model, home_page):
    return member_of(django_user_model, "Redattori", "redattrice")


def test_an_editor_adds_a_receipt_typed_the_italian_way(client, editor):
    region = OrganisationFactory(name="Regione Lazio", fiscal_code="80143490581")
    client.force_login(editor)
    form = client.get(LIST + "add/").content.decode()
    assert "Ente erogante" in form and "Per esempio 1.250.000,50." in form and "Formato gg/mm/aaaa" in form
    response = client.post(
        LIST + "add/",
        {
            "granting_body": region.pk,
            "amount": "1.250.000,50",
            "received_on": "15/03/2026",
            "year": "",
            "reason": "Saldo del progetto FEI",
            "project": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    receipt = PublicContribution.objects.get()
    assert (receipt.amount, receipt.received_on, receipt.year) == (
        Decimal("1250000.50"),
        datetime.date(2026, 3, 15),
        2026,
    )
    listing = client.get(LIST).content.decode()
    assert "1.250.000,50 €" in listing and "Regione Lazio" in listing
    headings = [re.sub(r"<[^>]+>|\s+", " ", th).strip() for th in re.findall(r"<th[^>]*>(.*?)</th>", listing, re.S)]
    for heading in ("Ente erogante", "Importo", "Data di incasso", "Anno", "Causale", "Progetto"):
        assert any(text.startswith(heading) for text in headings), headings
    assert "2.026" not in listing and "2026" in listing


def test_the_list_filters_by_year(client, editor):
    PublicContributionFactory(reason="Del duemilaventiquattro", received_on=datetime.date(2024, 5, 5))
    PublicContributionFactory(reason="Del duemilaventicinque", received_on=datetime.date(2025, 5, 5))
    client.force_login(editor)
    html = client.get(LIST, {"year": "2024"}).content.decode()
    assert "Del duemilaventiquattro" in html and "Del duemilaventicinque" not in html


def test_editors_cannot_delete_receipts_moderators_can(client, editor, django_user_model):
    receipt = PublicContributionFactory()
    client.force_login(editor)
    assert client.get(f"{LIST}delete/{receipt.pk}/").status_code == 302  # permission denied: back to the admin
    assert PublicContribution.objects.exists()
    moderator = member_of(django_user_model, "Moderatori", "moderatore")
    client.force_login(moderator)
    assert client.post(f"{LIST}delete/{receipt.pk}/").status_code == 302
    assert not PublicContribution.objects.exists()


@pytest.mark.parametrize(
    "today, shown",
    [("2026-05-02", True), ("2026-06-30", True), ("2026-04-30", False), ("2026-07-01", False)],
)
def test_the_reminder_shows_in_may_and_june_only(client, editor, home_page, today, shown):
    ContributionsRegisterPageFactory(parent=home_page)
    client.force_login(editor)
    with time_machine.travel(datetime.datetime.fromisoformat(today + "T10:00:00+02:00"), tick=False):
        html = client.get("/admin/").content.decode()
    assert (REMINDER in html) is shown
    if shown:
        assert "Non c'è ancora nessun contributo del 2025" in html
        assert f'href="{LIST}add/"' in html


def test_no_reminder_once_last_year_is_published(client, editor, home_page):
    ContributionsRegisterPageFactory(parent=home_page)
    PublicContributionFactory(received_on=datetime.date(2025, 9, 1))
    client.force_login(editor)
    with time_machine.travel(datetime.datetime(2026, 5, 15, 10, tzinfo=datetime.UTC), tick=False):
        assert REMINDER not in client.get("/admin/").content.decode()


def test_the_reminder_asks_for_the_page_when_it_is_missing(client, editor):
    PublicContributionFactory(received_on=datetime.date(2025, 9, 1))
    client.force_login(editor)
    with time_machine.travel(datetime.datetime(2026, 6, 1, 10, tzinfo=datetime.UTC), tick=False):
        html = client.get("/admin/").content.decode()
    assert REMINDER in html
    assert "Manca la pagina «Contributi pubblici ricevuti»" in html
    assert "nessun contributo del 2025" not in html


def test_the_reminder_is_not_for_those_who_cannot_add_receipts(client, django_user_model, home_page):
    desk = member_of(django_user_model, "Segreteria corsi", "segreteria")
    client.force_login(desk)
    with time_machine.travel(datetime.datetime(2026, 5, 15, 10, tzinfo=datetime.UTC), tick=False):
        assert REMINDER not in client.get("/admin/").content.decode()


def receipt_data(body, **extra):
    return {
        "granting_body": body.pk,
        "granting_body_fiscal_code": "",
        "amount": "12.000,00",
        "received_on": "15/03/2026",
        "year": "",
        "reason": "Acconto del progetto",
        "project": "",
        **extra,
    }


def test_a_missing_fiscal_code_is_added_from_the_receipt_form(client, editor):
    town = OrganisationFactory(name="Comune di Latina", fiscal_code="")
    client.force_login(editor)
    refused = client.post(LIST + "add/", receipt_data(town)).content.decode()
    assert "scrivilo nel campo «Codice fiscale dell&#x27;ente erogante»" in refused
    assert not PublicContribution.objects.exists()
    response = client.post(LIST + "add/", receipt_data(town, granting_body_fiscal_code=" 00097020598 "))
    assert response.status_code == 302, response.content.decode()[:3000]
    town.refresh_from_db()
    assert town.fiscal_code == "00097020598"
    assert PublicContribution.objects.get().granting_body == town


def test_a_different_fiscal_code_does_not_overwrite_the_organisations(client, editor):
    region = OrganisationFactory(name="Regione Lazio", fiscal_code="80143490581")
    client.force_login(editor)
    page = client.post(LIST + "add/", receipt_data(region, granting_body_fiscal_code="12345678901")).content.decode()
    assert "Regione Lazio ha già il codice fiscale 80143490581" in page
    region.refresh_from_db()
    assert region.fiscal_code == "80143490581" and not PublicContribution.objects.exists()
