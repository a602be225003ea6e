import pytest
from django.utils import timezone

from search.query import clean_query
from search.stats import top_searches, zero_result_searches
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("raw", ['"', 'fondo "europeo', "NEAR(a b)", "a\x00b", "x" * 10_000, "", "*", "-", "'"])
def test_search_never_fails_on_odd_input(client, home_page, raw):
    response = client.get("/cerca/", {"q": raw, "page": "abc"})
    assert response.status_code == 200


def test_search_finds_pages_and_is_noindex(client, home_page):
    ContentPageFactory(parent=home_page, title="Fondo Europeo per l'Integrazione", slug="fei")
    html = client.get("/cerca/", {"q": 'fondo "europeo'}).content.decode()
    assert "Fondo Europeo per l&#x27;Integrazione" in html
    assert '<meta name="robots" content="noindex">' in html


def test_clean_query_keeps_words_and_drops_syntax():
    assert clean_query(' "fondo"  AND  l\'integrazione* ') == "fondo AND l'integrazione"
    assert clean_query("\x00\"'") == ""


def test_every_search_is_counted_per_day_including_fruitless_ones(client, home_page):
    ContentPageFactory(parent=home_page, title="Fondo sociale", slug="fse")
    client.get("/cerca/", {"q": "Fondo"})
    client.get("/cerca/", {"q": "fondo"})
    client.get("/cerca/", {"q": "zzzz"})
    today = timezone.localdate()
    assert top_searches(today, today) == [("fondo", 2), ("zzzz", 1)]
    assert zero_result_searches(today, today) == [("zzzz", 1)]
