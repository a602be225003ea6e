import pytest
from cookie_consent.cache import delete_cache

from tests.factories.consent import make_registry


@pytest.fixture
def registry(home_page):
    yield make_registry(home_page.get_site())
    delete_cache()
