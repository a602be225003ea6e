"""Journeys 1 and 2 of the editors (issue 26), in a real browser, as the office works.

1. A Redattrice writes a new EU project with a partner that is not in the catalogue yet: she creates
   it from the chooser's "Nuovo" tab with its fiscal code and logo, types amounts, dates and the EU
   visibility texts key by key, and submits the project for moderation.
2. A Moderatore approves a page from the dashboard (a message and "Vedi sul sito") and schedules the
   next version of another: the message says when, and the publishing job (run here at that time with
   the clock moved, not waited for) puts it on the site."""

import datetime
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import expect

from projects.models import Organisation, ProjectPage
from tests.browser.people import (
    chooser_modal,
    click_like_a_person,
    log_in,
    member_of,
    reads_italian,
    told,
    type_like_a_person,
)
from tests.factories import ContentPageFactory
from tests.factories.projects import FundFactory, FundingProgrammeFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROME = ZoneInfo("Europe/Rome")
TITLE = "Sportelli per l'integrazione a Latina"


@pytest.fixture
def office(django_user_model, editorial_groups, project_catalogue, tmp_path):
    fei = FundFactory(
        name="Fondo Europeo per l'Integrazione",
        acronym="FEI",
        period_start=2007,
        period_end=2013,
        eu_statement="cofinanziato",
    )
    FundingProgrammeFactory(fund=fei, code="PA2011", name="Programma annuale 2011")
    OrganisationFactory(name="Regione Lazio")
    logo = tmp_path / "logo-ponti-nuovi.png"
    Image.new("RGB", (240, 90), "#0b4f8a").save(logo)
    member_of(django_user_model, "redattrice", "Redattori")
    member_of(django_user_model, "moderatore", "Moderatori")
    return {"catalogue": project_catalogue, "home": editorial_groups, "logo": logo}


def test_journey_1_a_new_eu_project_with_a_new_partner(tab, office):
    log_in(tab, "redattrice")
    tab.goto(f"/admin/pages/{office['catalogue'].pk}/add_subpage/")
    tab.wait_for_url(re.compile(r"/admin/pages/add/projects/projectpage/\d+/"))
    type_like_a_person(tab, tab.locator("#id_title"), TITLE)
    type_like_a_person(tab, tab.get_by_role("textbox", name="Sintesi"), "Tre sportelli per cittadini stranieri.")
    for field, text in (
        ("objectives", "Aprire tre sportelli a Latina."),
        ("expected_results", "Mille persone orientate."),
    ):
        editor = tab.locator(f'[data-contentpath="{field}"] [contenteditable="true"]')
        type_like_a_person(tab, editor, text)
        expect(tab.locator(f'input[name="{field}"]')).to_have_value(re.compile(re.escape(text)))
    reads_italian(tab, "1-progetto-contenuto")

    tab.get_by_role("tab", name="Finanziamento").click()
    modal = chooser_modal(tab, "Scegli un fondo")
    modal.get_by_role("link", name="FEI 2007-2013 – Fondo Europeo per l'Integrazione", exact=True).click()
    modal.wait_for(state="hidden")
    modal = chooser_modal(tab, "Scegli un programma")
    modal.get_by_role("link", name="PA2011 Programma annuale 2011 (FEI 2007-2013)").click()
    modal.wait_for(state="hidden")
    typed = {
        "Costo totale": "1.250.000,50",
        "Contributo dell'Unione europea": "900.000,25",
        "Cofinanziamento nazionale o regionale": "350.000,25",
        "Inizio previsto": "15/03/2026",
        "Fine prevista": "31/12/2027",
    }
    fields = [tab.get_by_role("textbox", name=label, exact=True) for label in typed]
    for field, text in zip(fields, typed.values(), strict=True):
        type_like_a_person(tab, field, text)
    click_like_a_person(tab, tab.locator("#id_actual_start"))
    for field, text in zip(fields, typed.values(), strict=True):
        expect(field).to_have_value(text)
    reads_italian(tab, "1-progetto-finanziamento")

    tab.get_by_role("tab", name="Partner").click()
    tab.get_by_role("button", name="Aggiungi Organizzazione").click()
    modal = chooser_modal(tab, "Scegli un'organizzazione")
    modal.get_by_role("tab", name="Nuovo").click()
    type_like_a_person(tab, modal.get_by_label("Nome"), "Associazione Ponti Nuovi")
    type_like_a_person(tab, modal.get_by_label("Sigla"), "APN")
    modal.get_by_label("Tipo di ente").select_option(label="Associazione, cooperativa o ente non profit")
    type_like_a_person(tab, modal.get_by_label("Codice fiscale"), "91234560597")
    type_like_a_person(tab, modal.get_by_label("Città"), "Latina")
    modal.get_by_label("Logo").set_input_files(office["logo"])
    reads_italian(tab, "1-nuovo-partner")
    modal.get_by_role("button", name="Crea e scegli").click()
    modal.wait_for(state="hidden")
    expect(tab.get_by_text("Associazione Ponti Nuovi (APN)")).to_be_visible(timeout=15_000)

    tab.get_by_role("button", name="Altre azioni").click()
    tab.get_by_role("button", name="Invia in approvazione").click()
    expect(tab.locator(".messages")).to_contain_text(re.compile(f"«{re.escape(TITLE)}» è stata (creata e )?inviata"))
    reads_italian(tab, "1-inviato")

    project = ProjectPage.objects.get(title=TITLE)
    draft = project.get_latest_revision_as_object()
    assert not project.live and project.current_workflow_state is not None
    assert (draft.total_cost, draft.eu_contribution, draft.national_cofinancing) == (
        Decimal("1250000.50"),
        Decimal("900000.25"),
        Decimal("350000.25"),
    )
    assert (draft.planned_start, draft.planned_end) == (datetime.date(2026, 3, 15), datetime.date(2027, 12, 31))
    partner = Organisation.objects.select_related("logo").get(name="Associazione Ponti Nuovi")
    assert (partner.acronym, partner.fiscal_code, partner.city, partner.logo.width) == (
        "APN",
        "91234560597",
        "Latina",
        240,
    )
    assert [role.organisation for role in draft.organisation_roles.all()] == [partner]


@pytest.fixture
def pages(office, django_user_model):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username="redattrice")
    call = ContentPageFactory(parent=office["home"], live=False, title="Bando 2027", slug="bando-2027")
    call.save_revision(user=editor)
    call.get_workflow().start(call, editor)
    about = ContentPageFactory(parent=office["home"], title="Chi siamo", slug="chi-siamo", intro="ASAP dal 1998.")
    about.save_revision().publish()
    return {"call": call, "about": about}


def test_journey_2_approval_and_scheduling(tab, pages):
    log_in(tab, "moderatore")
    awaiting = tab.locator("#awaiting-review-section")
    row = awaiting.get_by_role("row", name=re.compile("Bando 2027"))
    reads_italian(tab, "2-bacheca")
    row.get_by_role("button", name="Azioni").click()
    row.get_by_role("button", name="Approva", exact=True).click()
    link = told(tab, "La pagina «Bando 2027» è stata approvata e pubblicata.")
    assert link == "/bando-2027/"
    reads_italian(tab, "2-approvata")

    about = pages["about"]
    tab.goto(f"/admin/pages/{about.pk}/edit/")
    intro = tab.get_by_role("textbox", name="Sommario")
    intro.fill("")
    type_like_a_person(tab, intro, "ASAP lavora con enti pubblici dal 1998.")
    tab.locator('[data-side-panel-toggle="status"]').click()
    tab.get_by_role("button", name="Programma la pubblicazione").click()
    dialog = tab.locator("#schedule-publishing-dialog")
    expect(dialog).to_be_visible()
    go_live = dialog.locator("#id_go_live_at")
    type_like_a_person(tab, go_live, "15/03/2098 09:30")
    click_like_a_person(tab, dialog.locator("#id_expire_at"))
    expect(go_live).to_have_value("15/03/2098 09:30")
    reads_italian(tab, "2-programmazione")
    dialog.get_by_role("button", name="Salva la programmazione").click()
    expect(tab.locator(".messages")).to_contain_text("salvat")
    tab.get_by_role("button", name="Altre azioni").click()
    tab.get_by_role("button", name="Pubblica").click()
    link = told(
        tab,
        "La pagina «Chi siamo» resta com'è sul sito; le modifiche saranno pubblicate il 15 marzo 2098, ore 9:30.",
    )
    reads_italian(tab, "2-programmata")
    tab.goto(link)
    expect(tab.locator("main")).to_contain_text("ASAP dal 1998.")

    # The scheduler's publishing job, at 9:30 of that day (the clock moved, nothing waited for).
    with time_machine.travel(datetime.datetime(2098, 3, 15, 9, 30, 5, tzinfo=ROME), tick=False):
        call_command("publish_scheduled", verbosity=0)
    tab.goto(link)
    expect(tab.locator("main")).to_contain_text("ASAP lavora con enti pubblici dal 1998.")
