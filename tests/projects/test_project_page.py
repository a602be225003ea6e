import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import ProjectOrganisation
from tests.factories import ImageFactory
from tests.factories.projects import ProjectPageFactory, ProjectResultFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_project_page_shows_funding_partners_results_and_eu_statement(client, portfolio):
    project = portfolio["projects"]["concluded"]
    portfolio["regione"].logo = ImageFactory()
    portfolio["regione"].save()
    ProjectResultFactory(project=project, name="Sportelli attivati", unit="sportelli", target=12, achieved=10)
    html = client.get(project.url).content.decode()
    assert "<span>Cofinanziato dall&#x27;Unione europea</span>" in html
    assert 'role="img" aria-label="Emblema dell&#x27;Unione europea"' in html
    assert "250.000,00 €" in html  # Italian number format
    assert "Tasso di cofinanziamento UE</dt><dd>30%" in html
    assert "PA2011 Programma annuale 2011" in html
    assert "<h3>Capofila</h3>" in html and "<h3>Partner</h3>" in html
    assert "Regione Lazio" in html and "Cooperativa Sociale Ponte" in html
    assert f'href="/progetti/ente/{portfolio["regione"].slug}/"' in html
    assert "Sportelli attivati" in html
    assert "Gestione" in html and "Rendicontazione" in html
    assert 'aria-current="page">Sportelli per l' in html  # breadcrumbs
    assert "csrfmiddlewaretoken" not in html


def test_nationally_funded_project_has_no_eu_statement(client, project_catalogue):
    from tests.factories.projects import FundFactory

    project = ProjectPageFactory(
        parent=project_catalogue, fund=FundFactory(level="nazionale"), eu_contribution=None, national_cofinancing=None
    )
    assert "Unione europea" not in client.get(project.url).content.decode()


def test_json_ld_describes_a_funded_project(client, portfolio):
    project = portfolio["projects"]["concluded"]
    project.cup = "F89E11000160007"
    project.save()
    authority = ProjectOrganisation.objects.create(
        project=project, organisation=portfolio["regione"], role=ProjectOrganisation.Role.AUTHORITY
    )
    data = json_ld(client.get(project.url).content.decode())
    assert data["@type"] == "Project"
    assert data["name"] == "Sportelli per l'integrazione"
    assert data["identifier"]["value"] == "F89E11000160007"
    assert data["funding"]["@type"] == "MonetaryGrant"
    assert data["funding"]["amount"] == {"@type": "MonetaryAmount", "currency": "EUR", "value": 75000.0}
    assert data["funder"] == [{"@type": "Organization", "name": "Regione Lazio"}]
    assert {"Capofila", "Partner"} == {member["roleName"] for member in data["member"]}
    assert authority.organisation.name in json.dumps(data)


def test_json_ld_cannot_break_out_of_its_script_tag(client, project_catalogue):
    project = ProjectPageFactory(parent=project_catalogue, summary="</script><script>alert(1)</script>")
    html = client.get(project.url).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["description"] == "</script><script>alert(1)</script>"


def test_related_projects_link_only_to_live_pages(client, project_catalogue, portfolio):
    from projects.models import ProjectRelatedLink

    project = portfolio["projects"]["concluded"]
    draft = ProjectPageFactory(parent=project_catalogue, title="Progetto in bozza", live=False)
    ProjectRelatedLink.objects.create(project=project, related_project=portfolio["projects"]["running"])
    ProjectRelatedLink.objects.create(project=project, related_project=draft)
    html = client.get(project.url).content.decode()
    assert "Progetti correlati" in html and "Italiano per il lavoro" in html
    assert "Progetto in bozza" not in html


def test_related_projects_leave_out_private_pages(client, project_catalogue, portfolio):
    from wagtail.models import PageViewRestriction

    from projects.models import ProjectRelatedLink

    project = portfolio["projects"]["concluded"]
    private = ProjectPageFactory(parent=project_catalogue, title="Progetto riservato")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    ProjectRelatedLink.objects.create(project=project, related_project=private)
    ProjectRelatedLink.objects.create(project=project, related_project=portfolio["projects"]["running"])
    html = client.get(project.url).content.decode()
    assert "Italiano per il lavoro" in html and "Progetto riservato" not in html


def test_a_cycle_of_programmes_saved_around_validation_still_gives_the_page(client, portfolio):
    """Two programmes each the parent of the other (saved without `clean`): the funding box shows
    the chain once and the page answers."""
    from tests.factories.projects import FundingProgrammeFactory

    programme = portfolio["programme"]
    other = FundingProgrammeFactory(fund=programme.fund, name="Programma circolare", code="PC", parent=programme)
    programme.parent = other
    programme.save()
    response = client.get(portfolio["projects"]["concluded"].url)
    assert response.status_code == 200
    assert response.content.decode().count("PA2011 Programma annuale 2011</dd>") == 1
    catalogue = client.get(portfolio["projects"]["concluded"].get_parent().url, {"programma": other.pk})
    assert catalogue.status_code == 200


def test_project_page_query_count_does_not_grow_with_partners(client, portfolio):
    from tests.factories.projects import OrganisationFactory

    project = portfolio["projects"]["running"]
    ProjectOrganisation.objects.create(project=project, organisation=OrganisationFactory(logo=ImageFactory()))

    def count():
        client.get(project.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(project.url).status_code == 200
        return len(queries)

    few = count()
    for _ in range(10):
        ProjectOrganisation.objects.create(project=project, organisation=OrganisationFactory(logo=ImageFactory()))
        ProjectResultFactory(project=project)
    assert count() == few


def test_documents_are_listed_with_their_type(client, portfolio):
    import wagtail_factories

    from projects.models import ProjectDocument

    project = portfolio["projects"]["running"]
    document = wagtail_factories.DocumentFactory(title="Relazione finale")
    ProjectDocument.objects.create(project=project, document=document, title="")
    html = client.get(project.url).content.decode()
    assert f'<a href="{document.url}">Relazione finale</a>' in html
