import pytest
from django.test import Client


@pytest.fixture
def search_page(client):
    """GET /cerca/ with the given parameters; returns (response, html)."""

    def get(_client=None, **params):
        response = (_client or client).get("/cerca/", params)
        return response, response.content.decode()

    return get


@pytest.fixture
def another_client():
    return Client()
