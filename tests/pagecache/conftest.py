"""What the page cache's tests share: a visit that says whether the page cache answered it."""

import pytest

from serving.pagecache import middleware


@pytest.fixture
def visit(client, page_cache, monkeypatch):
    """GET a URL: (HTML, whether it came from the page cache)."""
    thawed = middleware.thawed

    def marked(entry):
        response = thawed(entry)
        response.from_page_cache = True
        return response

    monkeypatch.setattr(middleware, "thawed", marked)

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, url
        return response.content.decode(), getattr(response, "from_page_cache", False)

    return get
