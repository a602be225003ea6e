"""The office at work, in a real browser: a Redattrice writes a project with a partner that did not
exist yet, typing Italian dates and amounts, and submits it once its objectives and expected results
are there; a Moderatore approves it from the dashboard, and the project is on its page, in the
catalogue, in the projects box and in the search."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from projects.models import ProjectPage
from tests.factories.projects import FundFactory, FundingProgrammeFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "password-lunga-1"


@pytest.fixture
def office(django_user_model, editorial_groups, project_catalogue):
    fei = FundFactory(name="Fondo Europeo per l'Integrazione", acronym="FEI", period_start=2007, period_end=2013)
    fami = FundFactory(
        name="Fondo Asilo, Migrazione e Integrazione", acronym="FAMI", period_start=2014, period_end=2020
    )
    FundingProgrammeFactory(fund=fei, code="PA2011", name="Programma annuale 2011")
    FundingProgrammeFactory(fund=fami, code="PN-FAMI", name="Programma nazionale FAMI")
    OrganisationFactory(name="Regione Lazio")
    people = {}
    for username, group in (("redattrice", "Redattori"), ("moderatore", "Moderatori")):
        person = django_user_model.objects.create_user(username, f"{username}@asap.example", PASSWORD)
        person.groups.add(Group.objects.get(name=group))
        people[username] = person
    return {"catalogue": project_catalogue, **people}


def log_in(tab, username):
    tab.goto("/admin/login/")
    assert tab.get_by_role("heading", name="Accedi all'area riservata di ASAP").is_visible()
    tab.get_by_label("Nome utente").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Accedi").click()
    tab.wait_for_url("**/admin/")


def choose_in_modal(tab, button_name, item_name):
    tab.get_by_role("button", name=button_name).click()
    modal = tab.get_by_role("dialog")
    modal.get_by_role("link", name=item_name, exact=True).click()
    modal.wait_for(state="hidden")


def test_an_editor_writes_a_project_and_a_moderator_publishes_it(tab, browser, live_server, office):
    log_in(tab, "redattrice")
    tab.goto(f"/admin/pages/{office['catalogue'].pk}/add_subpage/")
    tab.wait_for_url(re.compile(r"/admin/pages/add/projects/projectpage/\d+/"))
    tab.locator("#id_title").fill("Sportelli per l'integrazione a Latina")
    tab.get_by_role("textbox", name="Sintesi").fill("Tre sportelli informativi per cittadini stranieri.")

    # Funding: the programme chooser only lists the chosen fund's programmes.
    tab.get_by_role("tab", name="Finanziamento").click()
    choose_in_modal(tab, "Scegli un fondo", "FEI 2007-2013 – Fondo Europeo per l'Integrazione")
    tab.get_by_role("button", name="Scegli un programma").click()
    modal = tab.get_by_role("dialog")
    programme = modal.get_by_role("link", name="PA2011 Programma annuale 2011 (FEI 2007-2013)")
    expect(programme).to_be_visible()
    expect(modal.get_by_text("Programma nazionale FAMI")).to_have_count(0)
    programme.click()
    modal.wait_for(state="hidden")

    # Italian amounts; an ambiguous one is explained, not guessed.
    total = tab.get_by_role("textbox", name="Costo totale")
    assert "Per esempio 1.250.000,50." in tab.locator("#panel-child-finanziamento-importi-content").inner_text()
    total.fill("1.250.000,50")
    tab.get_by_role("textbox", name="Contributo dell'Unione europea").fill("900000,25")
    cofinancing = tab.get_by_role("textbox", name="Cofinanziamento nazionale o regionale")
    cofinancing.fill("1.250")

    # Italian dates, typed and pasted with dashes.
    start = tab.get_by_role("textbox", name="Inizio previsto")
    start.click()
    start.press_sequentially("15/03/2026")
    start.press("Tab")
    end = tab.get_by_role("textbox", name="Fine prevista")
    end.click()
    tab.keyboard.insert_text("31-12-2027")
    end.press("Tab")
    assert start.input_value() == "15/03/2026"
    assert end.input_value() == "31-12-2027"  # kept as pasted; saved as 31 December 2027
    assert "Formato gg/mm/aaaa, per esempio 15/03/2026." in tab.get_by_text("Formato gg/mm/aaaa").first.inner_text()

    # A partner that does not exist yet, created without leaving the page.
    tab.get_by_role("tab", name="Partner").click()
    tab.get_by_role("button", name="Aggiungi Organizzazione").click()
    tab.get_by_role("button", name="Scegli un'organizzazione").click()
    modal = tab.get_by_role("dialog")
    modal.get_by_role("tab", name="Nuovo").click()
    modal.get_by_label("Nome").fill("Associazione Ponti Nuovi")
    modal.get_by_label("Sigla").fill("APN")
    modal.get_by_label("Tipo di ente").select_option(label="Associazione, cooperativa o ente non profit")
    modal.get_by_label("Città").fill("Latina")
    modal.get_by_role("button", name="Crea e scegli").click()
    modal.wait_for(state="hidden")
    expect(tab.get_by_text("Associazione Ponti Nuovi (APN)")).to_be_visible()

    tab.get_by_role("button", name="Salva bozza").click()
    tab.get_by_role("tab", name="Finanziamento").click()
    error = tab.get_by_text("«1.250» non è chiaro")
    expect(error).to_contain_text("senza punto (1250), per i decimali usa la virgola (1,250)")
    tab.get_by_role("textbox", name="Cofinanziamento nazionale o regionale").fill("250.000,00")

    # Submit for moderation from the "more actions" menu: an EU-funded project needs its objectives
    # and expected results first (a draft did not), and the error says which are missing.
    tab.get_by_role("button", name="Altre azioni").click()
    tab.get_by_role("button", name="Invia in approvazione").click()
    expect(tab.locator(".messages")).to_contain_text(
        "Per pubblicare un progetto finanziato dall'Unione europea mancano ancora questi dati: "
        "«Obiettivi», «Risultati attesi»."
    )
    tab.get_by_role("tab", name="Contenuto").click()
    for field, text in (
        ("objectives", "Aprire tre sportelli a Latina."),
        ("expected_results", "Mille persone orientate."),
    ):
        editor = tab.locator(f'[data-contentpath="{field}"] [contenteditable="true"]')
        editor.click()
        editor.press_sequentially(text)
        expect(editor).to_contain_text(text)
        # Draftail saves into its form field a moment after the last key (as a person pausing would).
        expect(tab.locator(f'input[name="{field}"]')).to_have_value(re.compile(re.escape(text)))
    tab.get_by_role("button", name="Altre azioni").click()
    tab.get_by_role("button", name="Invia in approvazione").click()
    # "creata e inviata" or "inviata", depending on whether autosave had already created the draft.
    expect(tab.locator(".messages")).to_contain_text(
        re.compile("«Sportelli per l'integrazione a Latina» è stata (creata e )?inviata in approvazione")
    )

    project = ProjectPage.objects.get(title="Sportelli per l'integrazione a Latina")
    draft = project.get_latest_revision_as_object()
    assert not project.live
    assert (draft.total_cost, draft.eu_contribution, draft.national_cofinancing) == (
        Decimal("1250000.50"),
        Decimal("900000.25"),
        Decimal("250000.00"),
    )
    assert (draft.planned_start, draft.planned_end) == (datetime.date(2026, 3, 15), datetime.date(2027, 12, 31))
    assert draft.programme.code == "PA2011"
    assert "Aprire tre sportelli a Latina." in draft.objectives
    partner = draft.organisation_roles.get()
    assert (partner.organisation.name, partner.organisation.city) == ("Associazione Ponti Nuovi", "Latina")

    # The moderator approves it from the dashboard.
    moderator_context = browser.new_context(base_url=live_server.url, locale="it-IT", timezone_id="Europe/Rome")
    moderator_tab = moderator_context.new_page()
    moderator_tab.set_default_timeout(10_000)
    try:
        log_in(moderator_tab, "moderatore")
        awaiting = moderator_tab.locator("#awaiting-review-section")
        expect(awaiting).to_contain_text("In attesa della tua revisione")
        row = awaiting.get_by_role("row", name=re.compile("Sportelli per l'integrazione a Latina"))
        row.get_by_role("button", name="Azioni").click()
        row.get_by_role("button", name="Approva", exact=True).click()
        expect(row).to_have_count(0)
        project.refresh_from_db()
        assert project.live
        # ... and is told so, with the way to the page on the site.
        message = moderator_tab.locator(".messages")
        expect(message).to_contain_text(
            "La pagina «Sportelli per l'integrazione a Latina» è stata approvata e pubblicata."
        )
        expect(message.get_by_role("link", name="Vedi sul sito")).to_have_attribute("href", project.url)
        moderator_tab.goto(project.url)
        assert moderator_tab.get_by_role("heading", level=1).inner_text() == "Sportelli per l'integrazione a Latina"
        assert moderator_tab.get_by_text("Associazione Ponti Nuovi").first.is_visible()
        title = "Sportelli per l'integrazione a Latina"
        moderator_tab.goto(office["catalogue"].url)
        expect(moderator_tab.get_by_role("heading", name=title)).to_be_visible()
        expect(moderator_tab.locator("#box-progetti").get_by_role("link", name=title)).to_be_visible()
        moderator_tab.goto("/cerca/?q=sportelli+Latina")
        expect(moderator_tab.get_by_role("link", name=title).first).to_be_visible()
    finally:
        moderator_context.close()
