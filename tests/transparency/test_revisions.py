"""Receipts and organisations are reviewable like pages: a receipt saved as a draft stays off the
register until published, every save of either is a revision an editor can compare and restore."""

import pytest
from django.contrib.auth.models import Group

from projects.models import Organisation
from tests.factories.projects import OrganisationFactory
from tests.factories.transparency import ContributionsRegisterPageFactory
from transparency.models import PublicContribution

pytestmark = pytest.mark.django_db

RECEIPTS = "/admin/snippets/transparency/publiccontribution/"
ORGANISATIONS = "/admin/snippets/projects/organisation/"


@pytest.fixture
def editor(client, django_user_model, home_page):
    user = django_user_model.objects.create_user("redattrice", "redattrice@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name="Redattori"))
    client.force_login(user)
    return user


def receipt(body, **extra):
    return {
        "granting_body": body.pk,
        "granting_body_fiscal_code": "",
        "amount": "12.000,00",
        "received_on": "15/03/2026",
        "year": "",
        "reason": "Acconto del progetto FAMI",
        "project": "",
        **extra,
    }


def test_a_draft_receipt_stays_off_the_register_until_published(client, editor, home_page):
    register = ContributionsRegisterPageFactory(parent=home_page)
    region = OrganisationFactory(name="Regione Lazio", fiscal_code="80143490581")
    form = client.get(RECEIPTS + "add/").content.decode()
    assert "Salva bozza" in form and "Pubblica" in form

    assert client.post(RECEIPTS + "add/", receipt(region)).status_code == 302
    draft = PublicContribution.objects.get()
    assert not draft.live
    assert "Acconto del progetto FAMI" not in client.get(register.url).content.decode()
    assert "bozza" in client.get(RECEIPTS).content.decode()  # the list says which rows are drafts

    response = client.post(RECEIPTS + f"edit/{draft.pk}/", receipt(region, **{"action-publish": "on"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.live
    assert "Acconto del progetto FAMI" in client.get(register.url).content.decode()


def test_a_published_receipt_changed_as_a_draft_keeps_its_public_amount(client, editor, home_page):
    register = ContributionsRegisterPageFactory(parent=home_page)
    region = OrganisationFactory(name="Regione Lazio", fiscal_code="80143490581")
    client.post(RECEIPTS + "add/", receipt(region, **{"action-publish": "on"}))
    published = PublicContribution.objects.get()
    client.post(RECEIPTS + f"edit/{published.pk}/", receipt(region, amount="99.000,00"))
    page = client.get(register.url).content.decode()
    assert "12.000,00 €" in page and "99.000,00" not in page
    history = client.get(RECEIPTS + f"history/{published.pk}/").content.decode()
    assert history.count("redattrice") >= 2


def test_an_organisation_change_can_be_compared_and_restored(client, editor):
    region = OrganisationFactory(name="Regione Lazio", city="Roma")
    data = {"name": "Regione Lazio", "acronym": "", "kind": "regione", "website": "", "city": "Roma", "fiscal_code": ""}
    client.post(ORGANISATIONS + f"edit/{region.pk}/", data)
    client.post(ORGANISATIONS + f"edit/{region.pk}/", {**data, "city": "Rieti"})
    region.refresh_from_db()
    assert region.city == "Rieti"
    first, second = region.revisions.order_by("created_at", "pk")
    history = client.get(ORGANISATIONS + f"history/{region.pk}/").content.decode()
    assert f"revisions/{first.pk}/" in history
    # Restoring: the first revision opens in the edit form, as it was.
    restore = client.get(ORGANISATIONS + f"history/{region.pk}/revisions/{first.pk}/revert/")
    assert restore.status_code == 200 and 'value="Roma"' in restore.content.decode()
    client.post(ORGANISATIONS + f"edit/{region.pk}/", data)
    assert Organisation.objects.get(pk=region.pk).city == "Roma"
