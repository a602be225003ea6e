"""A republish sorts and counts the catalogue again only when it changes what the catalogue sorts,
filters, counts or sums by (projects/catalogue_facts.py), and every such change shows at once."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue import ids as kept_ids
from catalogue import listing
from projects.models import ProjectOrganisation, ProjectPage
from tests.factories.projects import OrganisationFactory, ThemeFactory, bulk_projects

from .test_catalogue import option_text, titles

pytestmark = pytest.mark.django_db


def republish(project, change=lambda project: None):
    """Publish a new revision of `project`, as an editor does, after `change(project)`."""
    project = ProjectPage.objects.get(pk=project.pk)
    change(project)
    project.save_revision().publish()
    return project


def counted_and_sorted(client, url):
    """The page, and whether its request counted the facets or sorted the projects in the database."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    sqls = [query["sql"] for query in queries.captured_queries]
    counted = any(' AS "facet"' in sql or 'SUM("projects_projectpage"."total_cost")' in sql for sql in sqls)
    sorted_ids = any(re.search(r'AS "pk" FROM "projects_projectpage" .* ORDER BY', sql) for sql in sqls)
    return response, counted or sorted_ids


def test_a_republish_that_changes_no_fact_neither_sorts_nor_counts_again(client, project_catalogue, portfolio):
    url = project_catalogue.url
    for params in ("", "?ordine=budget", f"?fondo={portfolio['fami'].pk}"):
        assert counted_and_sorted(client, url + params)[1]  # the first visitor builds the kept parts
    project = portfolio["projects"]["concluded"]

    def new_summary(project):
        project.summary = "Sintesi riscritta dalla redazione."

    republish(project, new_summary)
    for params in ("", "?ordine=budget", f"?fondo={portfolio['fami'].pk}"):
        response, rebuilt = counted_and_sorted(client, url + params)
        assert not rebuilt, params
    response = client.get(url)
    assert "Sintesi riscritta dalla redazione." in response.content.decode()  # its card shows the change
    assert option_text(response, "fondo") == ["Tutti", "FAMI 2014-2020 (2)", "FEI 2007-2013 (1)"]


def test_a_republish_renders_again_its_own_card_only(monkeypatch, client, project_catalogue, portfolio):
    client.get(project_catalogue.url)
    rendered, render = [], listing.render_to_string

    def counted(template_name, context):
        rendered.append(context["item"].pk)
        return render(template_name, context)

    monkeypatch.setattr(listing, "render_to_string", counted)
    project = portfolio["projects"]["running"]
    republish(project)
    assert project.title in client.get(project_catalogue.url).content.decode()
    assert rendered == [project.pk]  # the two other cards on the page were kept


def test_a_long_catalogue_keeps_its_ids_across_an_unchanged_republish(
    monkeypatch, client, project_catalogue, portfolio
):
    """Its ids are kept in numbered chunks, whose numbers must not read as pages' ids: a part whose
    name holds a bare number goes with every republish of the page of that id (`core.parts`), so
    chunk 5 would go with page 5. Checked on the names, since which pages have which ids depends on
    the database."""
    monkeypatch.setattr(kept_ids, "CHUNK", 2)
    bulk_projects(project_catalogue, 30)  # 33 projects: chunks 1 to 16
    names = []
    chunk_name = kept_ids.KeptIds._chunk_name

    def noted(self, number, token):
        names.append(chunk_name(self, number, token))
        return names[-1]

    monkeypatch.setattr(kept_ids.KeptIds, "_chunk_name", noted)
    assert counted_and_sorted(client, project_catalogue.url)[1]
    assert len(set(names)) == 16
    assert not [name for name in names if any(token.isdigit() for token in name.split(":"))]
    republish(portfolio["projects"]["concluded"])
    assert not counted_and_sorted(client, project_catalogue.url)[1]


def test_a_changed_cost_or_title_reorders_at_once(client, project_catalogue, portfolio):
    url = project_catalogue.url
    by_cost = titles(client.get(url, {"ordine": "budget"}))
    by_title = titles(client.get(url, {"ordine": "titolo"}))
    cheapest = ProjectPage.objects.get(title=by_cost[-1].replace("&#x27;", "'"))

    def most_expensive(project):
        project.total_cost = Decimal("99000000.00")

    republish(cheapest, most_expensive)
    assert titles(client.get(url, {"ordine": "budget"})) == [by_cost[-1], *by_cost[:-1]]
    assert "99.000.000" in client.get(url).content.decode()  # the funding chart sums it

    def renamed(project):
        project.title = "Zeta, ultimo per titolo"

    republish(ProjectPage.objects.get(title=by_title[0].replace("&#x27;", "'")), renamed)
    assert titles(client.get(url, {"ordine": "titolo"})) == [*by_title[1:], "Zeta, ultimo per titolo"]


def test_a_changed_theme_status_or_partner_recounts_at_once(client, project_catalogue, portfolio):
    url = project_catalogue.url
    # Saved before the first visit: a new snippet purges every kept part by itself.
    health, newcomer = ThemeFactory(name="Salute", slug="salute"), OrganisationFactory(name="Associazione Nuova")
    response = client.get(url)
    assert "Integrazione (2)" in option_text(response, "tema")
    assert option_text(response, "stato") == ["Tutti", "Programmato (1)", "In corso (1)", "Concluso (1)"]
    project = portfolio["projects"]["concluded"]

    def retold(project):
        project.themes.set([health])
        project.status_override = "annullato"
        project.organisation_roles.add(
            ProjectOrganisation(organisation=newcomer, role=ProjectOrganisation.Role.PARTNER)
        )

    republish(project, retold)
    response = client.get(url)
    assert "Integrazione (1)" in option_text(response, "tema")
    assert "Salute (1)" in option_text(response, "tema")
    assert "Annullato (1)" in option_text(response, "stato")
    assert "Concluso (1)" not in option_text(response, "stato")
    assert "Associazione Nuova (1)" in option_text(response, "ente")
