"""A visitor narrows the project catalogue, opens a project and finds its partners."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_filters_by_fund_and_status_and_opens_a_project(tab, portfolio, assert_accessible):
    tab.goto("/progetti/")
    assert tab.get_by_role("heading", name="3 progetti").is_visible()
    assert tab.get_by_role("figure", name="Costo totale e contributo UE per fondo").locator("svg").is_visible()
    assert_accessible(tab)
    chart = tab.locator("#grafico-fondo")
    assert not chart.get_by_role("table").is_visible()
    chart.locator("summary", has_text="Mostra i dati in tabella").click()
    assert chart.get_by_role("row", name=re.compile("^Totale 3 1.200.000,00 € 175.000,00 €")).is_visible()
    assert_accessible(tab)

    tab.get_by_label("Fondo").select_option(label="FEI 2007-2013 (1)")
    tab.get_by_label("Stato").select_option(label="Concluso (1)")
    tab.get_by_role("button", name="Applica i filtri").click()
    tab.wait_for_url(re.compile(r"fondo=\d+.*stato=concluso"))
    assert tab.get_by_role("heading", name="1 progetto").is_visible()
    assert tab.get_by_role("link", name=re.compile("Fondo: FEI 2007-2013")).is_visible()

    results = tab.get_by_role("region", name="1 progetto")
    results.get_by_role("link", name="Sportelli per l'integrazione").click()
    tab.wait_for_url(re.compile(r"/progetti/progetto-\d+/$"))
    assert tab.get_by_role("heading", level=1).inner_text() == "Sportelli per l'integrazione"
    partners = tab.locator("section", has=tab.get_by_role("heading", name="Chi partecipa"))
    assert partners.get_by_role("link", name="Regione Lazio").is_visible()
    assert partners.get_by_role("link", name="Cooperativa Sociale Ponte").is_visible()
    assert tab.get_by_text("Progetto cofinanziato dall'Unione europea").is_visible()
    assert_accessible(tab)

    partners.get_by_role("link", name="Regione Lazio").click()
    tab.wait_for_url("**/progetti/ente/*/")
    assert tab.get_by_role("heading", level=1).inner_text() == "Regione Lazio"
    summary = tab.get_by_role("region", name="Il lavoro con ASAP")
    assert summary.get_by_text("Partner in 1 progetto").is_visible()
    assert summary.get_by_text("250.000,00 €").is_visible()
    assert_accessible(tab)
