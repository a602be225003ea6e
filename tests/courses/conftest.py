import pytest

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
