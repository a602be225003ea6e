import pytest
from django.db import connections

from tests.factories.courses import CourseIndexPageFactory


@pytest.fixture
def catalogue(home_page):
    return CourseIndexPageFactory(parent=home_page)


@pytest.fixture(autouse=True)
def clear_rate_limits():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(params=[False, True], ids=["autocommit", "atomic-requests"])
def atomic_requests(request):
    """Run a test with ATOMIC_REQUESTS off and on."""
    settings_dict = connections["default"].settings_dict
    previous = settings_dict["ATOMIC_REQUESTS"]
    settings_dict["ATOMIC_REQUESTS"] = request.param
    yield request.param
    settings_dict["ATOMIC_REQUESTS"] = previous
