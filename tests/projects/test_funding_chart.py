"""Funding at a glance: the catalogue's SVG bar charts and their tables follow the filters, and the
tables add up the filtered rows."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.charts import short_amount
from projects.models import ProjectPage
from tests.factories.projects import FundFactory, ProjectPageFactory, ThemeFactory, bulk_projects

pytestmark = pytest.mark.django_db


def table(html, key):
    """The rows of one chart's table: [(heading, projects, cost, eu), ...], the total row last."""
    figure = re.search(rf'<figure class="chart" id="grafico-{key}">.*?</figure>', html, re.S).group(0)
    rows = re.findall(r'<th scope="row">([^<]+)</th>\s*<td>(\d+)</td>\s*<td>([^<]+)</td>\s*<td>([^<]+)</td>', figure)
    return [tuple(cell.strip() for cell in row) for row in rows]


def euro(amount):
    """Italian format, as the page shows it: 1.250.000,50 €."""
    whole, cents = f"{amount:.2f}".split(".")
    return f"{int(whole):,}".replace(",", ".") + f",{cents} €"


def test_tables_equal_the_sums_over_the_filtered_rows(client, project_catalogue, portfolio):
    html = client.get(project_catalogue.url).content.decode()
    assert "Il finanziamento in sintesi" in html
    projects = list(ProjectPage.objects.live())
    expected_total = sum(p.total_cost for p in projects)
    expected_eu = sum(p.eu_contribution for p in projects)
    assert (expected_total, expected_eu) == (Decimal("1200000.00"), Decimal("175000.00"))
    by_fund = table(html, "fondo")
    assert by_fund == [
        ("Fondo Asilo, Migrazione e Integrazione (FAMI)", "2", "950.000,00 €", "100.000,00 €"),
        ("Fondo Europeo per l&#x27;Integrazione (FEI)", "1", "250.000,00 €", "75.000,00 €"),
        ("Totale", "3", euro(expected_total), euro(expected_eu)),
    ]
    by_year = table(html, "anno")
    for year in {p.start_date.year for p in projects}:
        rows = [p for p in projects if p.start_date.year == year]
        assert (
            str(year),
            str(len(rows)),
            euro(sum(p.total_cost for p in rows)),
            euro(sum(p.eu_contribution for p in rows)),
        ) in by_year
    assert by_year[-1] == ("Totale", "3", "1.200.000,00 €", "175.000,00 €")


def test_the_chart_follows_the_filters(client, project_catalogue, portfolio):
    fami = portfolio["fami"]
    html = client.get(project_catalogue.url, {"fondo": fami.pk}).content.decode()
    assert table(html, "fondo") == [
        ("Fondo Asilo, Migrazione e Integrazione (FAMI)", "2", "950.000,00 €", "100.000,00 €"),
        ("Totale", "2", "950.000,00 €", "100.000,00 €"),
    ]
    assert "dei 2 progetti elencati, con i filtri scelti" in html
    svg = re.search(r'<figure class="chart" id="grafico-fondo">.*?</svg>', html, re.S).group(0)
    assert svg.count('class="chart__bar chart__bar--total"') == 1
    assert ">FAMI</text>" in svg and ">FEI</text>" not in svg
    # an organisation's page charts its own projects
    html = client.get(f"{project_catalogue.url}ente/{portfolio['regione'].slug}/").content.decode()
    assert table(html, "fondo")[-1] == ("Totale", "1", "250.000,00 €", "75.000,00 €")


def test_each_project_counts_once_whatever_the_filters_join(client, project_catalogue, portfolio):
    integration = portfolio["integration"]
    html = client.get(project_catalogue.url, {"tema": integration.slug}).content.decode()
    assert table(html, "fondo")[-1] == ("Totale", "2", "1.150.000,00 €", "150.000,00 €")


def test_no_chart_without_results(client, project_catalogue, portfolio):
    html = client.get(project_catalogue.url, {"q": "nessunprogettosichiamacosì"}).content.decode()
    assert "Nessun progetto corrisponde" in html
    assert "Il finanziamento in sintesi" not in html and "<svg" not in html


def test_projects_without_fund_or_date_and_bars_scale_to_the_largest(client, project_catalogue):
    ProjectPageFactory(
        parent=project_catalogue,
        fund=FundFactory(acronym="FSE+"),
        total_cost=Decimal("400000"),
        eu_contribution=Decimal("200000"),
    )
    ProjectPageFactory(
        parent=project_catalogue,
        fund=None,
        total_cost=Decimal("100000"),
        eu_contribution=None,
        planned_start=None,
        planned_end=None,
    )
    html = client.get(project_catalogue.url).content.decode()
    assert ("Senza fondo", "1", "100.000,00 €", "–") in table(html, "fondo")
    assert ("Anno non indicato", "1", "100.000,00 €", "–") in table(html, "anno")
    widths = [int(w) for w in re.findall(r'class="chart__bar chart__bar--total"[^>]*width="(\d+)"', html)][:2]
    assert widths[0] == 4 * widths[1]
    assert "style=" not in re.search(r'<section class="funding".*?</section>', html, re.S).group(0)


def test_query_count_does_not_grow_with_the_number_of_projects(client, project_catalogue):
    funds = [FundFactory(), FundFactory()]
    theme = ThemeFactory()
    bulk_projects(project_catalogue, 3, funds=funds, themes=[theme])
    url = f"{project_catalogue.url}?tema={theme.slug}"

    def queries():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries()
    bulk_projects(project_catalogue, 9, funds=funds, themes=[theme], start_year=1990)
    assert queries() == few


@pytest.mark.parametrize(
    ("amount", "label"),
    [
        (Decimal("950"), "950 €"),
        (Decimal("250000"), "250 mila €"),
        (Decimal("999600"), "1,0 mln €"),
        (Decimal("1300000"), "1,3 mln €"),
    ],
)
def test_bar_labels_round_to_the_next_unit_instead_of_a_thousand_thousands(amount, label):
    assert short_amount(amount) == label
