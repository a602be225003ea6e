"""A visitor reads the register of public contributions and reports an accessibility problem;
axe-core on both page types and on the form with its errors."""

import datetime
from decimal import Decimal

import pytest

from accessibility.models import AccessibilityFeedback
from tests.factories import ContentPageFactory
from tests.factories.accessibility import AccessibilityFeedbackPageFactory
from tests.factories.projects import OrganisationFactory, ProjectIndexPageFactory, ProjectPageFactory
from tests.factories.transparency import ContributionsRegisterPageFactory, PublicContributionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(home_page):
    catalogue = ProjectIndexPageFactory(parent=home_page, slug="progetti")
    project = ProjectPageFactory(parent=catalogue, title="Competenze digitali", slug="competenze-digitali")
    region = OrganisationFactory(name="Regione Lazio", fiscal_code="80143490581")
    PublicContributionFactory(
        granting_body=region, amount=Decimal("48500"), received_on=datetime.date(2024, 3, 18), project=project
    )
    PublicContributionFactory(granting_body=region, amount=Decimal("4200.50"), received_on=datetime.date(2025, 12, 15))
    ContributionsRegisterPageFactory(parent=home_page)
    statement = ContentPageFactory(
        parent=home_page, title="Dichiarazione di accessibilità", slug="dichiarazione-di-accessibilita"
    )
    AccessibilityFeedbackPageFactory(parent=statement)
    return home_page


def test_visitor_reads_the_register(tab, site, assert_accessible):
    tab.goto("/contributi-pubblici/")
    assert tab.get_by_role("heading", level=1).inner_text() == "Contributi pubblici ricevuti"
    headings = tab.locator("main").get_by_role("heading", level=2).all_inner_texts()
    assert headings[:2] == ["Contributi ricevuti nel 2025", "Contributi ricevuti nel 2024"]
    table_2024 = tab.get_by_role("region", name="Contributi ricevuti nel 2024")
    assert "48.500,00 €" in table_2024.inner_text() and "18 marzo 2024" in table_2024.inner_text()
    assert "la pubblicazione è volontaria" in tab.locator(".contributions__threshold").first.inner_text()
    assert_accessible(tab)
    with tab.expect_download() as download:
        tab.get_by_role("link", name="scarica l'elenco in CSV").click()
    assert download.value.suggested_filename == "contributi-pubblici-ricevuti.csv"
    table_2024.get_by_role("link", name="Competenze digitali").click()
    tab.wait_for_url("**/progetti/competenze-digitali/")


def test_visitor_reports_an_accessibility_problem(tab, site, assert_accessible):
    tab.goto("/dichiarazione-di-accessibilita/segnala-un-problema/")
    assert tab.get_by_role("link", name="procedura di segnalazione sul sito di AgID").get_attribute("href") == (
        "https://form.agid.gov.it/"
    )
    assert_accessible(tab)

    tab.get_by_label("Nome e cognome (obbligatorio)").fill("Marco Bianchi")
    tab.get_by_label("E-mail (obbligatorio)").fill("marco-senza-chiocciola")
    tab.get_by_role("button", name="Invia la segnalazione").click()
    tab.wait_for_selector(".form-errors")
    assert "Scrivi un indirizzo e-mail valido" in tab.locator("#id_email-errore").inner_text()
    assert_accessible(tab)

    tab.get_by_label("E-mail (obbligatorio)").fill("marco.bianchi@esempio.it")
    tab.get_by_label("Indirizzo della pagina (obbligatorio)").fill("http://localhost/contributi-pubblici/")
    tab.get_by_label("Descrizione del problema (obbligatorio)").fill("La tabella del 2024 non ha intestazioni.")
    tab.get_by_role("button", name="Invia la segnalazione").click()
    tab.wait_for_url("**/segnala-un-problema/grazie/")
    assert "abbiamo ricevuto la tua segnalazione" in tab.get_by_role("heading", level=1).inner_text()
    assert_accessible(tab)
    assert AccessibilityFeedback.objects.get().description == "La tabella del 2024 non ha intestazioni."
