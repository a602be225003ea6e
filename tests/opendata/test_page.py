"""The "Dati aperti" page describes every dataset of the registry (title, every field, frequency,
files, examples) and announces the catalogue with rel="alternate", at a constant query count."""

import re

import pytest
from django.core.cache import caches

from opendata.datasets import DATASETS
from tests.factories.projects import ProjectPageFactory
from tests.factories.transparency import PublicContributionFactory

pytestmark = pytest.mark.django_db


def test_the_page_lists_every_dataset_and_every_field_of_the_registry(client, open_data):
    html = client.get("/dati-aperti/").content.decode()
    for dataset in DATASETS:
        section = html.split(f'<section class="open-data__dataset" id="{dataset.slug}"')[1].split("</section>")[0]
        assert f">{dataset.title.it}</h3>" in section
        assert str(dataset.frequency.label) in section
        for field in dataset.fields:
            assert f"<code>{field.name}</code>" in section, field.name
            assert str(field.meaning).replace("'", "&#x27;") in section, field.name
    assert '<a href="/dati-aperti/corsi.csv" type="text/csv">CSV</a>' in html
    assert '<a href="/progetti/dati/json/" type="application/json">JSON</a>' in html
    assert '<a href="/progetti/dati/json/?tema=integrazione"><code>' in html


def test_the_page_announces_the_catalogue_in_its_head(client, open_data):
    head = client.get("/dati-aperti/").content.decode().split("</head>")[0]
    alternates = re.findall(r'<link rel="alternate" type="([^"]+)" title="Catalogo DCAT-AP_IT" href="([^"]+)">', head)
    assert alternates == [
        ("text/turtle", "/dati-aperti/catalogo.ttl"),
        ("application/rdf+xml", "/dati-aperti/catalogo.rdf"),
        ("application/ld+json", "/dati-aperti/catalogo.jsonld"),
    ]


def cold_queries(client, django_assert_max_num_queries):
    """The queries of the page built from nothing (no page cache, no shared part kept)."""
    for each in caches.all():
        each.clear()
    with django_assert_max_num_queries(60) as counted:
        assert client.get("/dati-aperti/").status_code == 200
    return len(counted)


def test_the_page_takes_a_constant_number_of_queries(client, open_data, django_assert_max_num_queries):
    cold_queries(client, django_assert_max_num_queries)  # what the process learns once (content types, locales)
    few = cold_queries(client, django_assert_max_num_queries)
    projects = DATASETS[0].source_page(open_data.locale_id)
    ProjectPageFactory.create_batch(4, parent=projects)
    PublicContributionFactory.create_batch(3)
    assert cold_queries(client, django_assert_max_num_queries) == few
