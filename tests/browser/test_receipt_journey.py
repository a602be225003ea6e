"""A Redattrice records a contribution from a body that is not in the catalogue yet: she creates it
from the chooser's "Nuovo" tab with its fiscal code and logo, types the amount and the date as she
would, saves a draft, then publishes it; the register shows it only once published."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from PIL import Image
from playwright.sync_api import expect

from projects.models import Organisation
from tests.factories.transparency import ContributionsRegisterPageFactory
from transparency.models import PublicContribution

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "password-lunga-1"
HUMAN_DELAY_MS = 80


@pytest.fixture
def office(django_user_model, editorial_groups, home_page, tmp_path):
    person = django_user_model.objects.create_user("redattrice", "redattrice@asap.example", PASSWORD)
    person.groups.add(Group.objects.get(name="Redattori"))
    logo = tmp_path / "logo-comune.png"
    Image.new("RGB", (200, 80), "#0b4f8a").save(logo)
    return {"register": ContributionsRegisterPageFactory(parent=home_page), "logo": logo}


def type_like_a_person(field, text):
    field.click()
    field.press_sequentially(text, delay=HUMAN_DELAY_MS)


def test_a_receipt_from_a_new_granting_body_is_published_with_its_fiscal_code(tab, live_server, office):
    tab.goto("/admin/login/")
    tab.get_by_label("Nome utente").fill("redattrice")
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Accedi").click()
    tab.wait_for_url("**/admin/")
    tab.goto("/admin/snippets/transparency/publiccontribution/add/")

    tab.get_by_role("button", name="Scegli un'organizzazione").click()
    modal = tab.get_by_role("dialog")
    # The modal takes the focus once it has faded in; a person starts typing after that.
    expect(modal).to_be_focused()
    modal.get_by_role("tab", name="Nuovo").click()
    type_like_a_person(modal.get_by_label("Nome"), "Comune di Latina")
    modal.get_by_label("Tipo di ente").select_option(label="Comune o Municipio")
    type_like_a_person(modal.get_by_label("Codice fiscale"), "00097020598")
    modal.get_by_label("Logo").set_input_files(Path(office["logo"]))
    modal.get_by_role("button", name="Crea e scegli").click()
    modal.wait_for(state="hidden")
    expect(tab.get_by_text("Comune di Latina")).to_be_visible(timeout=15_000)

    type_like_a_person(tab.locator("#id_amount"), "12.500,50")
    received_on = tab.locator("#id_received_on")
    type_like_a_person(received_on, "15/03/2026")
    type_like_a_person(tab.locator("#id_reason"), "Acconto del progetto Sportelli")
    assert received_on.input_value() == "15/03/2026"
    tab.get_by_role("button", name="Salva bozza").click()
    expect(tab.locator(".messages")).to_contain_text("Comune di Latina")

    receipt = PublicContribution.objects.get()
    assert not receipt.live and receipt.received_on.isoformat() == "2026-03-15"
    body = Organisation.objects.select_related("logo").get(name="Comune di Latina")
    assert body.fiscal_code == "00097020598" and body.logo.width == 200
    tab.goto(office["register"].url)
    expect(tab.get_by_text("Acconto del progetto Sportelli")).to_have_count(0)

    tab.goto(f"/admin/snippets/transparency/publiccontribution/edit/{receipt.pk}/")
    tab.get_by_role("button", name="Altre azioni").click()
    tab.get_by_role("button", name="Pubblica").click()
    expect(tab.locator(".messages")).to_contain_text(re.compile("pubblicat", re.I))
    tab.goto(office["register"].url)
    row = tab.get_by_role("row", name=re.compile("Acconto del progetto Sportelli"))
    expect(row).to_contain_text("12.500,50 €")
    expect(row).to_contain_text("15 marzo 2026")
    expect(tab.locator("main")).to_contain_text("00097020598")
