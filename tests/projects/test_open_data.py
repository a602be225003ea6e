import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from projects.exports import COLUMNS
from tests.factories.projects import ProjectPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_csv_has_the_documented_header_and_follows_the_filters(client, project_catalogue, portfolio):
    response = client.get(f"{project_catalogue.url}dati/csv/", {"fondo": portfolio["fami"].pk, "ordine": "titolo"})
    assert response.content.decode("utf-8").splitlines()[0] == ",".join(COLUMNS)
    rows = read_csv(response)
    assert [row["titolo"] for row in rows] == ["Accoglienza diffusa", "Italiano per il lavoro"]
    running = rows[1]
    assert running["fondo_sigla"] == "FAMI"
    assert running["stato"] == "in-corso"
    assert running["costo_totale"] == "900000.00"
    assert running["tasso_cofinanziamento_ue"] == "8.33"
    assert running["partner"] == "Cooperativa Sociale Ponte"
    assert running["temi"] in ("Formazione linguistica; Integrazione", "Integrazione; Formazione linguistica")
    assert running["url"].startswith("http://localhost/progetti/")


def test_all_projects_without_filters(client, project_catalogue, portfolio):
    assert len(read_csv(client.get(f"{project_catalogue.url}dati/csv/"))) == 3


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_neutralises_formulas(client, project_catalogue, dangerous):
    ProjectPageFactory(parent=project_catalogue, title=dangerous, acronym=dangerous)
    row = read_csv(client.get(f"{project_catalogue.url}dati/csv/"))[0]
    assert row["titolo"] == "'" + dangerous
    assert row["acronimo"] == "'" + dangerous


def test_json_export(client, project_catalogue, portfolio):
    response = client.get(f"{project_catalogue.url}dati/json/", {"stato": "concluso"})
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert data["conteggio"] == 1
    project = data["progetti"][0]
    assert list(project) == COLUMNS
    assert project["titolo"] == "Sportelli per l'integrazione"
    assert project["programma_codice"] == "PA2011"
    assert project["capofila"] == ["Cooperativa Sociale Ponte"]
    assert project["ruoli_asap"] == ["gestione", "rendicontazione"]
    assert project["costo_totale"] == 250000.0


def test_exports_survive_bad_input(client, project_catalogue, portfolio):
    for url in ("dati/csv/", "dati/json/"):
        response = client.get(f"{project_catalogue.url}{url}", {"fondo": "x", "page": "-1", "q": '"'})
        assert response.status_code == 200


def test_atom_feed_lists_new_projects(client, project_catalogue, portfolio):
    draft = ProjectPageFactory(parent=project_catalogue, title="Bozza", live=False)
    response = client.get(f"{project_catalogue.url}feed/")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    titles = {entry.find(f"{ATOM}title").text for entry in entries}
    assert titles == {"Sportelli per l'integrazione", "Italiano per il lavoro", "Accoglienza diffusa"}
    assert draft.title not in titles
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link.startswith("http://localhost/progetti/")
    assert 'type="application/atom+xml"' in client.get(project_catalogue.url).content.decode()
