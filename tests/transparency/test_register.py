"""The register of public contributions (Legge 124/2017): the page by year with totals and the
threshold, Italian amounts and dates, and the CSV and JSON downloads."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.factories.projects import OrganisationFactory, ProjectIndexPageFactory, ProjectPageFactory
from tests.factories.transparency import ContributionsRegisterPageFactory, PublicContributionFactory
from tests.search.helpers import result_titles
from transparency.models import PublicContribution

URL = "/contributi-pubblici/"


@pytest.fixture
def register(home_page):
    catalogue = ProjectIndexPageFactory(parent=home_page, slug="progetti")
    project = ProjectPageFactory(parent=catalogue, title="FEI Regione Lazio 2011", slug="fei-2011")
    draft = ProjectPageFactory(parent=catalogue, title="Progetto in bozza", slug="bozza", live=False)
    region = OrganisationFactory(name="Regione Lazio", fiscal_code="80143490581")
    ministry = OrganisationFactory(name="Ministero dell'Interno", fiscal_code="97149560589")
    town = OrganisationFactory(name="Comune di Latina", fiscal_code="00097020598")
    PublicContributionFactory(
        granting_body=region,
        amount=Decimal("1250000.50"),
        received_on=datetime.date(2026, 3, 15),
        reason="Saldo del progetto FEI",
        project=project,
    )
    PublicContributionFactory(
        granting_body=ministry, amount=Decimal("8000"), received_on=datetime.date(2025, 11, 2), reason="Acconto"
    )
    PublicContributionFactory(
        granting_body=town,
        amount=Decimal("1500"),
        received_on=datetime.date(2025, 4, 30),
        reason='=HYPERLINK("http://x")',
        project=draft,
    )
    # Received in January 2026, but belongs to 2025's accounts.
    PublicContributionFactory(
        granting_body=town, amount=Decimal("600"), received_on=datetime.date(2026, 1, 10), reason="Saldo", year=2025
    )
    return ContributionsRegisterPageFactory(parent=home_page)


def sections(html):
    """The page's year sections, newest first: {year: section html}."""
    parts = html.split('<section class="contributions__year"')[1:]
    return {int(part.split('id="anno-')[1][:4]): part for part in parts}


@pytest.mark.django_db
def test_the_page_lists_receipts_by_year_newest_first_with_italian_figures(client, register):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Legge 4 agosto 2017, n. 124, art. 1, commi 125-129" in html
    years = sections(html)
    assert list(years) == [2026, 2025]

    latest = years[2026]
    assert "Regione Lazio" in latest and "Codice fiscale 80143490581" in latest
    assert "1.250.000,50 €" in latest
    assert "15 marzo 2026" in latest
    assert "Saldo del progetto FEI" in latest
    assert '<a href="/progetti/fei-2011/">FEI Regione Lazio 2011</a>' in latest
    assert "Totale 2026" in latest and "raggiunge la soglia di 10.000 €: la pubblicazione è obbligatoria" in latest

    earlier = years[2025]
    # 8.000 + 1.500 + 600 (the January 2026 receipt counted in 2025, as the editor said)
    assert "10.100,00 €" in earlier and "raggiunge la soglia" in earlier
    assert earlier.index("30 aprile 2025") < earlier.index("2 novembre 2025") < earlier.index("10 gennaio 2026")
    # A draft project is never named.
    assert "Progetto in bozza" not in html


@pytest.mark.django_db
def test_below_the_threshold_publication_is_voluntary(client, home_page):
    PublicContributionFactory(amount=Decimal("9999.99"), received_on=datetime.date(2024, 6, 1))
    ContributionsRegisterPageFactory(parent=home_page)
    html = client.get(URL).content.decode()
    assert "9.999,99 €" in html
    assert "Il totale del 2024 è sotto la soglia di 10.000 €: la pubblicazione è volontaria." in html


@pytest.mark.django_db
def test_an_empty_register_says_so(client, home_page):
    ContributionsRegisterPageFactory(parent=home_page)
    assert "Non ci sono ancora contributi pubblici da pubblicare." in client.get(URL).content.decode()


@pytest.mark.django_db
def test_the_page_takes_a_constant_number_of_queries(client, register, django_assert_max_num_queries):
    client.get(URL)  # warm the shared parts
    for _ in range(20):
        PublicContributionFactory(received_on=datetime.date(2024, 2, 2))
    with django_assert_max_num_queries(25):
        client.get(URL)


@pytest.mark.django_db
def test_csv_is_utf8_with_bom_semicolons_and_italian_numbers(client, register):
    response = client.get(URL + "dati/csv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="contributi-pubblici-ricevuti.csv"' in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "Anno;Ente erogante;Codice fiscale ente;Importo (euro);Data di incasso;Causale;Progetto;Indirizzo del progetto"
    )
    assert lines[1] == (
        "2026;Regione Lazio;80143490581;1250000,50;15/03/2026;Saldo del progetto FEI;"
        "FEI Regione Lazio 2011;http://localhost/progetti/fei-2011/"
    )
    # a formula is neutralised, and the draft project stays unnamed
    assert '2025;Comune di Latina;00097020598;1500,00;30/04/2025;"\'=HYPERLINK(""http://x"")";;' in lines


@pytest.mark.django_db
def test_json_is_machine_readable(client, register):
    response = client.get(URL + "dati/json/")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert data["norma"] == "Legge 4 agosto 2017, n. 124, art. 1, commi 125-129"
    assert data["soglia"] == "10000.00"
    assert [(y["anno"], y["totale"], y["soglia_raggiunta"]) for y in data["anni"]] == [
        (2026, "1250000.50", True),
        (2025, "10100.00", True),
    ]
    first = data["anni"][0]["contributi"][0]
    assert first == {
        "ente_erogante": "Regione Lazio",
        "codice_fiscale": "80143490581",
        "importo": "1250000.50",
        "data_incasso": "2026-03-15",
        "causale": "Saldo del progetto FEI",
        "progetto": {"titolo": "FEI Regione Lazio 2011", "url": "http://localhost/progetti/fei-2011/"},
    }
    assert data["anni"][1]["contributi"][1]["progetto"] is None


@pytest.mark.django_db
def test_the_year_defaults_to_the_year_of_the_date(db):
    receipt = PublicContributionFactory(received_on=datetime.date(2024, 12, 31))
    assert receipt.year == 2024


@pytest.mark.django_db
def test_a_granting_body_without_fiscal_code_is_refused(db):
    receipt = PublicContribution(
        granting_body=OrganisationFactory(fiscal_code=""),
        amount=Decimal("100"),
        received_on=datetime.date(2025, 1, 1),
        reason="Contributo",
    )
    with pytest.raises(ValidationError) as error:
        receipt.full_clean()
    assert "codice fiscale dell'ente erogante" in str(error.value)


@pytest.mark.django_db
def test_a_new_receipt_shows_on_the_cached_page_at_once(client, page_cache, register):
    client.get(URL)
    assert "Contributi ricevuti nel 2023" not in client.get(URL).content.decode()  # from the cache
    PublicContributionFactory(received_on=datetime.date(2023, 10, 1))
    assert "Contributi ricevuti nel 2023" in client.get(URL).content.decode()


@pytest.mark.django_db
def test_the_register_page_is_found_on_the_site_search(client, home_page):
    ContributionsRegisterPageFactory(parent=home_page, intro="Le somme ricevute dalle amministrazioni pubbliche.")
    html = client.get("/cerca/", {"q": "contributi pubblici"}).content.decode()
    assert any("Contributi pubblici ricevuti" in re.sub(r"</?mark>", "", t) for t in result_titles(html))
