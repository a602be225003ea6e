"""Organisation pages and the directory are in the sitemap (with when they last changed) and the
organisation pages in the site search, as their own type "Ente"."""

import re

import pytest

from tests.factories.projects import OrganisationFactory

pytestmark = pytest.mark.django_db


def sitemap_entries(client):
    """{path: lastmod} of sitemap.xml."""
    xml = client.get("/sitemap.xml").content.decode()
    found = re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>\s*(?:<lastmod>([^<]+)</lastmod>)?", xml)
    return dict(found)


def test_sitemap_lists_the_directory_and_organisations_with_projects(client, portfolio):
    OrganisationFactory(name="Ente senza progetti")
    portfolio["projects"]["concluded"].save_revision().publish()  # Regione Lazio's only project
    entries = sitemap_entries(client)
    assert entries["/progetti/enti/"].startswith("20")
    assert entries["/progetti/ente/regione-lazio/"].startswith("20")
    assert "/progetti/ente/cooperativa-sociale-ponte/" in entries
    assert not any("ente-senza-progetti" in location for location in entries)


def test_search_finds_an_organisation_as_an_ente(client, portfolio):
    html = client.get("/cerca/", {"q": "Regione Lazio"}).content.decode()
    results = re.findall(
        r'<p class="search-result__type">([^<]+)</p>\s*<h2 class="search-result__title"><a href="([^"]+)">([^<]+)</a>',
        html,
    )
    assert results[0] == ("Ente", "/progetti/ente/regione-lazio/", "Regione Lazio")
    assert 'Enti <span class="search-types__count">(1)</span>' in html
    only = client.get("/cerca/", {"q": "Regione Lazio", "tipo": "enti"}).content.decode()
    assert "1 risultato per «Regione Lazio» tra enti" in only


def test_an_organisation_without_projects_is_not_a_result(client, portfolio):
    OrganisationFactory(name="Fondazione Solitaria")
    html = client.get("/cerca/", {"q": "Fondazione Solitaria"}).content.decode()
    assert "/progetti/ente/fondazione-solitaria/" not in html
