"""The DCAT-AP_IT catalogue: it parses in all three formats, lists every dataset of the registry with
its distributions and licence, and conforms to the SHACL shapes written from the profile
(opendata/shapes/dcat-ap_it.ttl); a catalogue with a distribution without licence does not."""

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from core.licence import LICENCE_URL
from opendata.catalogue import DCATAPIT, VCARD
from opendata.datasets import DATASETS

SHAPES = Graph().parse(Path(__file__).resolve().parents[2] / "opendata" / "shapes" / "dcat-ap_it.ttl")
FORMATS = {"ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}

pytestmark = pytest.mark.django_db


def catalogue(client, suffix="ttl"):
    response = client.get(f"/dati-aperti/catalogo.{suffix}")
    assert response.status_code == 200
    return Graph().parse(data=response.content.decode(), format=FORMATS[suffix])


def conforms(graph):
    ok, _, report = validate(graph, shacl_graph=SHAPES)
    return ok, report


def test_the_three_formats_describe_the_same_catalogue(client, open_data):
    graphs = [catalogue(client, suffix) for suffix in FORMATS]
    assert all(len(graph) == len(graphs[0]) > 50 for graph in graphs)
    for graph in graphs:
        assert len(list(graph.subjects(RDF.type, DCATAPIT.Catalog))) == 1


def test_every_dataset_of_the_registry_is_in_the_catalogue_with_its_files(client, open_data):
    graph = catalogue(client)
    identifiers = {str(graph.value(node, DCTERMS.identifier)) for node in graph.subjects(RDF.type, DCATAPIT.Dataset)}
    assert identifiers == {f"97123450580:{dataset.slug}" for dataset in DATASETS}
    downloads = {str(url) for url in graph.objects(None, DCAT.downloadURL)}
    assert "http://testserver/dati-aperti/corsi.csv" in downloads
    assert "http://testserver/progetti/dati/json/" in downloads
    assert len(downloads) == sum(len(dataset.distributions) for dataset in DATASETS)
    assert set(graph.objects(None, DCTERMS.license)) == {URIRef(LICENCE_URL)}
    assert set(graph.objects(None, VCARD.hasEmail)) == {URIRef("mailto:dati@asap.example")}


def test_the_catalogue_conforms_to_the_dcat_ap_it_shapes(client, open_data):
    for suffix in FORMATS:
        ok, report = conforms(catalogue(client, suffix))
        assert ok, report


def test_a_distribution_without_licence_does_not_conform(client, open_data):
    graph = catalogue(client)
    distribution = next(graph.subjects(RDF.type, DCATAPIT.Distribution))
    graph.remove((distribution, DCTERMS.license, None))
    ok, report = conforms(graph)
    assert not ok and "manca la licenza" in report


def test_a_dataset_without_theme_or_rights_holder_does_not_conform(client, open_data):
    graph = catalogue(client)
    dataset = next(graph.subjects(RDF.type, DCATAPIT.Dataset))
    graph.remove((dataset, DCAT.theme, None))
    graph.remove((dataset, DCTERMS.rightsHolder, None))
    ok, report = conforms(graph)
    assert not ok and "manca il tema" in report and "manca il titolare" in report


def test_the_catalogue_is_kept_by_the_page_cache(client, page_cache, open_data, django_assert_num_queries):
    first = client.get("/dati-aperti/catalogo.ttl")
    with django_assert_num_queries(0):
        assert client.get("/dati-aperti/catalogo.ttl").content == first.content
