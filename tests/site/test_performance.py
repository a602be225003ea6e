"""Page rendering cost does not grow with the amount of content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.site_settings import NavigationItem, NavigationSettings
from home.models import HomeCoursePick, HomeProjectPick
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def add_content(home, count):
    nav = NavigationSettings.for_site(home.get_site())
    for _ in range(count):
        page = ContentPageFactory(parent=home)
        home.course_picks.add(HomeCoursePick(page=page))
        home.project_picks.add(HomeProjectPick(page=page))
        nav.items.add(NavigationItem(page=page))
    home.save_revision().publish()
    nav.save()


def queries_for(client, url):
    client.get(url)  # warm caches that a running site keeps warm (site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/", "/sezione/"])
def test_query_count_is_the_same_with_3_and_30_entries(client, home_page, url):
    ContentPageFactory(parent=home_page, slug="sezione")
    add_content(home_page, 3)
    few = queries_for(client, url)
    add_content(home_page, 27)
    many = queries_for(client, url)
    assert few == many, f"{url}: {few} queries with 3 entries, {many} with 30"
