"""The "Enti e partner" directory: every organisation of the catalogue's projects with its projects
by role and their totals, the same figures as the project catalogue's; filters by role, fund and
territory as plain links and a GET form (no JavaScript); a constant number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.amounts import euros
from projects.models import ProjectOrganisation, ProjectPage
from tests.factories.projects import FundFactory, OrganisationFactory, ProjectOrganisationFactory, bulk_projects

pytestmark = pytest.mark.django_db
Role = ProjectOrganisation.Role
DIRECTORY = "/progetti/enti/"


def cards(html):
    """{name: {fact label: value}} of the directory's cards."""
    found = {}
    for card in re.findall(r'<article class="card card--organisation">.*?</article>', html, re.S):
        name = re.search(r'class="card__title"><a href="[^"]*">([^<]+)</a>', card).group(1)
        found[name] = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]*)</dd>", card))
    return found


def result_count(html):
    return re.search(r'id="risultati-titolo"[^>]*>([^<]+)<', html).group(1).strip()


def test_lists_organisations_with_their_roles_and_totals(client, portfolio):
    html = client.get(DIRECTORY).content.decode()
    assert result_count(html) == "2 enti"
    found = cards(html)
    coop = portfolio["projects"]["concluded"], portfolio["projects"]["running"]
    eu = sum(project.eu_contribution or 0 for project in coop)
    assert found["Cooperativa Sociale Ponte"] == {
        "Progetti": "2",
        "Ruoli": "Capofila in 1 progetto; Partner in 1 progetto",
        "Costo totale": "1.150.000,00 €",
        "Contributo UE": euros(eu),
    }
    assert found["Regione Lazio"]["Ruoli"] == "Partner in 1 progetto"
    assert found["Regione Lazio"]["Costo totale"] == "250.000,00 €"
    assert 'href="/progetti/ente/regione-lazio/"' in html
    assert "<h1>Enti e partner</h1>" in html


def test_totals_equal_the_catalogue_for_the_same_filters(client, portfolio):
    fami = portfolio["projects"]["running"].fund
    coop = ProjectOrganisation.objects.filter(role=Role.LEAD).get().organisation
    html = client.get(DIRECTORY, {"fondo": fami.pk}).content.decode()
    assert list(cards(html)) == ["Cooperativa Sociale Ponte"]
    catalogue = client.get("/progetti/", {"fondo": fami.pk, "ente": coop.pk}).content.decode()
    assert result_count(catalogue) == "1 progetto"
    assert cards(html)["Cooperativa Sociale Ponte"]["Progetti"] == "1"
    assert cards(html)["Cooperativa Sociale Ponte"]["Costo totale"] == "900.000,00 €"
    summary = portfolio["projects"]["running"].get_parent().specific.projects().filter(fund=fami)
    assert summary.organisation_summary(coop.pk)["total_cost"] == 900000


def test_filters_by_role_and_territory_with_counts(client, portfolio):
    html = client.get(DIRECTORY, {"ruolo": "capofila"}).content.decode()
    assert list(cards(html)) == ["Cooperativa Sociale Ponte"]
    assert cards(html)["Cooperativa Sociale Ponte"]["Ruoli"] == "Capofila in 1 progetto"
    # each option counts the organisations it would give with the other filters
    assert '<option value="partner">Partner (2)</option>' in client.get(DIRECTORY).content.decode()
    roma = portfolio["projects"]["running"].territories.get()
    html = client.get(DIRECTORY, {"territorio": roma.pk}).content.decode()
    assert list(cards(html)) == ["Cooperativa Sociale Ponte"]
    assert "Territorio: Roma Capitale" in html  # the active filter, with a link removing it


def test_works_without_javascript_and_reports_bad_values(client, portfolio):
    html = client.get(DIRECTORY, {"ruolo": "nessuno", "fondo": "abc"}).content.decode()
    assert '<form class="catalogue-filters__form" method="get" action="/progetti/enti/"' in html
    assert "Valore non valido: scegli una delle opzioni proposte." in html
    assert result_count(html) == "2 enti"


def queries_of_a_first_visit(client, url):
    """Queries of the first request for `url`, the site's other parts warm."""
    client.get(DIRECTORY)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_organisations_or_projects(client, project_catalogue):
    funds = [FundFactory(), FundFactory()]
    bulk_projects(project_catalogue, 3, funds=funds, organisations=[OrganisationFactory()])
    few = queries_of_a_first_visit(client, f"{DIRECTORY}?fondo={funds[0].pk}")
    projects = bulk_projects(project_catalogue, 12, funds=funds, organisations=[OrganisationFactory()])
    for project in ProjectPage.objects.filter(pk__in=[page.pk for page in projects]):
        ProjectOrganisationFactory(project=project, organisation=OrganisationFactory(), role=Role.FUNDER)
    many = queries_of_a_first_visit(client, f"{DIRECTORY}?fondo={funds[1].pk}")
    assert many == few
