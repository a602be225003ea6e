"""An organisation's page sums up its work with ASAP: projects by role, total cost and EU
contribution (each project once), funds, period, and JSON-LD `Organization`."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from projects.models import ProjectOrganisation, ProjectPage
from tests.factories.projects import (
    FundFactory,
    OrganisationFactory,
    ProjectOrganisationFactory,
    ProjectPageFactory,
    bulk_projects,
)

pytestmark = pytest.mark.django_db
Role = ProjectOrganisation.Role


def summary_section(html):
    return re.search(r'<section class="organisation-summary".*?</section>', html, re.S).group(0)


def figure(html, label):
    """The value shown next to `label` in the summary figures."""
    return re.search(rf"<dt>{label}</dt><dd>([^<]+)</dd>", summary_section(html)).group(1)


@pytest.fixture
def body_with_projects(project_catalogue):
    """A region that funds two projects and is also lead partner in one of them, partner in a third;
    plus a draft and a private project that must not count."""
    region = OrganisationFactory(
        name="Regione Lazio", acronym="RL", fiscal_code="80143490581", website="https://www.regione.lazio.it/"
    )
    fei = FundFactory(name="Fondo Europeo per l'Integrazione", acronym="FEI")
    fami = FundFactory(name="Fondo Asilo, Migrazione e Integrazione", acronym="FAMI")
    first = ProjectPageFactory(
        parent=project_catalogue,
        fund=fei,
        total_cost=Decimal("1000000.25"),
        eu_contribution=Decimal("750000.00"),
        planned_start=datetime.date(2011, 3, 1),
        planned_end=datetime.date(2013, 6, 30),
    )
    second = ProjectPageFactory(
        parent=project_catalogue,
        fund=fami,
        total_cost=Decimal("200000.25"),
        eu_contribution=Decimal("100000.50"),
        planned_start=datetime.date(2019, 1, 1),
        planned_end=datetime.date(2024, 1, 31),
        actual_end=datetime.date(2026, 12, 15),
    )
    third = ProjectPageFactory(
        parent=project_catalogue,
        fund=fami,
        total_cost=Decimal("50000.00"),
        eu_contribution=None,
        planned_start=datetime.date(2015, 5, 1),
        planned_end=datetime.date(2016, 5, 1),
    )
    ProjectOrganisationFactory(project=first, organisation=region, role=Role.FUNDER)
    ProjectOrganisationFactory(project=first, organisation=region, role=Role.LEAD)
    ProjectOrganisationFactory(project=second, organisation=region, role=Role.FUNDER)
    ProjectOrganisationFactory(project=third, organisation=region, role=Role.PARTNER)
    ProjectOrganisationFactory(project=first, organisation=OrganisationFactory(), role=Role.PARTNER)

    draft = ProjectPageFactory(parent=project_catalogue, live=False, total_cost=Decimal("9999999"), fund=fei)
    private = ProjectPageFactory(parent=project_catalogue, total_cost=Decimal("8888888"), fund=fei)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for hidden in (draft, private):
        ProjectOrganisationFactory(project=hidden, organisation=region, role=Role.IMPLEMENTER)
    return {"region": region, "projects": [first, second, third], "fei": fei, "fami": fami}


def test_sums_equal_the_rows_they_add_up(client, project_catalogue, body_with_projects):
    region = body_with_projects["region"]
    rows = ProjectPage.objects.filter(pk__in=[p.pk for p in body_with_projects["projects"]])
    assert sum(p.total_cost for p in rows) == Decimal("1250000.50")  # each project once
    assert sum(p.eu_contribution or 0 for p in rows) == Decimal("850000.50")

    html = client.get(f"{project_catalogue.url}ente/{region.slug}/").content.decode()
    assert figure(html, "Progetti") == "3"
    assert figure(html, "Costo totale") == "1.250.000,50 €"
    assert figure(html, "Contributo UE") == "850.000,50 €"
    # earliest start (planned) to latest end (the actual end wins over the planned one)
    assert figure(html, "Periodo") == "da marzo 2011 a dicembre 2026"
    section = summary_section(html)
    assert "<li>Finanziatore in 2 progetti</li>" in section
    assert "<li>Capofila in 1 progetto</li>" in section
    assert "<li>Partner in 1 progetto</li>" in section
    assert "Soggetto attuatore" not in section  # only the draft and the private project have that role
    fami = body_with_projects["fami"]
    assert (
        f'<a href="{project_catalogue.url}ente/{region.slug}/?fondo={fami.pk}">Fondo Asilo, Migrazione e Integrazione</a> (FAMI): 2 progetti'
        in section
    )
    # the list below is the catalogue filtered to these projects, drafts and private ones left out
    assert "3 progetti" in re.search(r'id="risultati-titolo"[^>]*>([^<]+)<', html).group(1)


def test_drafts_and_private_projects_are_left_out(client, project_catalogue, body_with_projects):
    summary = project_catalogue.projects().organisation_summary(body_with_projects["region"].pk)
    assert summary["projects"] == 3
    assert summary["total_cost"] == Decimal("1250000.50")
    assert summary["eu_contribution"] == Decimal("850000.50")
    assert [count for _, _, count in summary["roles"]] == [2, 1, 1]
    assert [fund["acronym"] for fund in summary["funds"]] == ["FAMI", "FEI"]


def test_an_organisation_without_published_projects(client, project_catalogue):
    lonely = OrganisationFactory(name="Comune di Rieti")
    ProjectOrganisationFactory(
        project=ProjectPageFactory(parent=project_catalogue, live=False), organisation=lonely, role=Role.PARTNER
    )
    html = client.get(f"{project_catalogue.url}ente/{lonely.slug}/").content.decode()
    assert "Nessun progetto pubblicato con ASAP, per ora." in summary_section(html)


def test_json_ld_organization(client, project_catalogue, body_with_projects):
    region = body_with_projects["region"]
    html = client.get(f"{project_catalogue.url}ente/{region.slug}/").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Organization"
    assert data["name"] == "Regione Lazio"
    assert data["alternateName"] == "RL"
    assert data["url"] == "https://www.regione.lazio.it/"
    assert data["taxID"] == "80143490581"
    assert data["identifier"]["value"] == "80143490581"
    assert data["mainEntityOfPage"].endswith(f"{project_catalogue.url}ente/{region.slug}/")


def organisation_page_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_projects(client, project_catalogue):
    body = OrganisationFactory()
    funds = [FundFactory(), FundFactory()]
    bulk_projects(project_catalogue, 3, funds=funds, organisations=[body])
    url = f"{project_catalogue.url}ente/{body.slug}/"
    few = organisation_page_queries(client, url)
    bulk_projects(project_catalogue, 9, funds=funds, organisations=[body])
    # a second role in some projects must not change the count either
    ProjectOrganisation.objects.bulk_create(
        [
            ProjectOrganisation(project=p, organisation=body, role=Role.FUNDER, sort_order=1)
            for p in ProjectPage.objects.all()[:4]
        ]
    )
    many = organisation_page_queries(client, url)
    assert "12 progetti" in client.get(url).content.decode()
    assert few == many
