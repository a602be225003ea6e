"""Every export states the licence (CC BY 4.0) where a program reads it: the `Link: rel="license"`
header on every file, the `licenza` key in JSON; JSON is readable from other sites (CORS); the data
page states the licence and gives the API's address."""

import json

import pytest

from core.licence import LICENCE_URL

LINK = f'<{LICENCE_URL}>; rel="license"'
JSON_EXPORTS = [
    "/progetti/dati/json/",
    "/contributi-pubblici/dati/json/",
    "/dati-aperti/corsi.json",
]
OTHER_EXPORTS = [
    "/progetti/dati/csv/",
    "/progetti/feed/",
    "/contributi-pubblici/dati/csv/",
    "/dati-aperti/corsi.csv",
    "/dati-aperti/catalogo.ttl",
    "/dati-aperti/catalogo.rdf",
    "/dati-aperti/catalogo.jsonld",
]

pytestmark = pytest.mark.django_db


def test_every_export_links_the_licence_and_json_is_open_to_other_sites(client, open_data):
    for url in JSON_EXPORTS + OTHER_EXPORTS:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Link"] == LINK, url
    for url in JSON_EXPORTS:
        response = client.get(url, HTTP_ORIGIN="https://giornale.example")
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert json.loads(response.content)["licenza"] == LICENCE_URL, url


def test_the_atom_feed_states_the_licence_in_its_rights(client, open_data):
    feed = client.get("/progetti/feed/").content.decode()
    assert f"<rights>Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0): {LICENCE_URL}</rights>" in feed


def test_the_project_csv_keeps_its_documented_header(client, open_data):
    """The licence travels in the header, not as a row: CSV readers see the same columns as before."""
    first_line = client.get("/progetti/dati/csv/").content.decode().splitlines()[0]
    assert first_line.startswith("id,titolo,acronimo,cup,url,")


def test_the_data_page_states_the_licence_and_the_api(client, open_data):
    html = client.get("/dati-aperti/").content.decode()
    assert f'<link rel="license" href="{LICENCE_URL}">' in html
    assert (
        f'<a href="{LICENCE_URL}" rel="license">Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)</a>'
        in html
    )
    assert "<code>http://testserver/api/v3/</code>" in html
    assert '<a href="/api/v3/openapi.json">Schema OpenAPI</a>' in html
