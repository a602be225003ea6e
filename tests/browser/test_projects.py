"""A visitor narrows the project catalogue, opens a project and finds its partners."""

import re

import pytest

from projects.models import FundLogo, ProgrammeLogo
from tests.factories import ImageFactory
from tests.factories.projects import (
    FundFactory,
    FundingProgrammeFactory,
    OrganisationFactory,
    ProjectOrganisationFactory,
    ProjectPageFactory,
)

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
    assert tab.get_by_text("Cofinanziato dall'Unione europea").is_visible()
    assert tab.get_by_role("img", name="Emblema dell'Unione europea").is_visible()
    assert_accessible(tab)

    partners.get_by_role("link", name="Regione Lazio").click()
    tab.wait_for_url("**/progetti/ente/*/")
    assert tab.get_by_role("heading", level=1).inner_text() == "Regione Lazio"
    summary = tab.get_by_role("region", name="Il lavoro con ASAP")
    assert summary.get_by_text("Partner in 1 progetto").is_visible()
    assert summary.get_by_text("250.000,00 €").is_visible()
    assert_accessible(tab)


def logo(width, height):
    """An uploaded image of the given size (a tall, a wide and a huge one test the strip's rule)."""
    return ImageFactory(file__width=width, file__height=height, file__color="#0066cc")


def test_the_emblem_is_never_smaller_than_another_logo_on_the_page(tab, project_catalogue, assert_accessible):
    fund = FundFactory(eu_statement="nextgenerationeu")
    FundLogo.objects.create(fund=fund, image=logo(300, 300), alt_text="Logo del fondo", sort_order=0)
    programme = FundingProgrammeFactory(fund=fund)
    for order, (name, size) in enumerate([("Repubblica Italiana", (200, 800)), ("Italia Domani", (1600, 200))]):
        ProgrammeLogo.objects.create(programme=programme, image=logo(*size), alt_text=name, sort_order=order)
    project = ProjectPageFactory(
        parent=project_catalogue,
        fund=fund,
        programme=programme,
        objectives="<p>Obiettivi del progetto.</p>",
        expected_results="<ul><li>Un risultato</li></ul>",
    )
    for size in [(1200, 1200), (120, 40)]:
        ProjectOrganisationFactory(project=project, organisation=OrganisationFactory(logo=logo(*size)))

    for width in (1280, 390):
        tab.set_viewport_size({"width": width, "height": 900})
        tab.goto(project.url)
        emblem = tab.get_by_role("img", name="Emblema dell'Unione europea")
        assert emblem.is_visible()
        strip = tab.get_by_role("list", name="Loghi obbligatori")
        assert [img.get_attribute("alt") for img in strip.get_by_role("img").all()] == [
            "Repubblica Italiana",
            "Italia Domani",
        ]
        emblem_height = emblem.bounding_box()["height"]
        logos = tab.locator("img").all()  # every picture on the page is a logo here
        heights = {img.get_attribute("alt") or img.get_attribute("src"): img.bounding_box()["height"] for img in logos}
        assert len(heights) >= 4  # two in the strip, two partners
        assert emblem_height >= 40 and all(height <= emblem_height for height in heights.values()), heights
        assert tab.get_by_text("Finanziato dall'Unione europea – NextGenerationEU").is_visible()
    assert_accessible(tab)
