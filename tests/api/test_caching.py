"""The page cache keeps an API answer under every parameter the API documents (`page_size` too), and
still nothing else: an unknown parameter or a refused value is answered, never kept."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from serving.pagecache.keys import PUBLIC_PARAMETERS
from tests.api.conftest import ORIGIN


def test_every_documented_query_parameter_can_be_kept(client, db):
    schema = client.get("/api/v3/openapi.json").json()
    documented = {
        parameter["name"]
        for path in schema["paths"].values()
        for operation in path.values()
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query"
    }
    assert {"page", "page_size", "fondo", "ente", "ordine", "anno"} <= documented
    assert documented <= PUBLIC_PARAMETERS, documented - PUBLIC_PARAMETERS


def work(client, url):
    """(the answer, queries run): none when the page cache answered it, with its `Age`."""
    with CaptureQueriesContext(connection) as queries:
        answer = client.get(url, HTTP_ORIGIN=ORIGIN)
    return answer, len(queries)


@pytest.mark.parametrize("url", ["/api/v3/progetti/?page_size=5&ordine=budget", "/api/v3/enti/?page=1&page_size=2"])
def test_a_page_size_answer_is_kept_and_shared(client, open_data, page_cache, url):
    first, _ = work(client, url)
    second, queries = work(client, url)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content and len(first.json()["items"]) <= 5
    assert queries == 0 and "Age" in second and "Age" not in first
    assert second["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v3/enti/?page_size=2&dimensione=2", 200),  # a parameter the API does not read
        ("/api/v3/enti/?page_size=500", 422),  # over the maximum
        ("/api/v3/enti/?page_size=abc", 422),
    ],
)
def test_anything_else_is_answered_but_never_kept(client, open_data, page_cache, url, status):
    assert work(client, url)[0].status_code == status
    answer, _ = work(client, url)
    assert answer.status_code == status
    assert "Age" not in answer  # answered afresh, not from the page cache
