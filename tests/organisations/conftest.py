import pytest
from wagtail.models import Locale


@pytest.fixture
def english(wagtail_root):
    """The English locale (home's migration makes it; a transactional test's flush removes it)."""
    return Locale.objects.get_or_create(language_code="en")[0]
