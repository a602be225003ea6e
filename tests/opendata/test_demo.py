"""The demo links "Dati aperti" from every page's main menu, in Italian and in English, once."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_a_visitor_finds_the_open_data_page_from_the_home_page(wagtail_root, client):
    call_command("seed_demo", stdout=io.StringIO())
    home = client.get("/").content.decode()
    assert home.count('href="/dati-aperti/">Dati aperti</a>') == 1
    assert client.get("/dati-aperti/").status_code == 200
    english_home = client.get("/en/").content.decode()
    assert english_home.count('href="/en/open-data/">Open data</a>') == 1
    assert "CC BY 4.0" in client.get("/en/open-data/").content.decode()
