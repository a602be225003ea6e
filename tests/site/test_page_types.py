"""Editors can only create each page type where it belongs."""

import pytest
from wagtail.models import Page

from home.models import HomePage
from standardpages.models import ContentPage
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_lives_only_at_the_root_and_only_once(home_page, wagtail_root):
    assert HomePage.allowed_parent_page_models() == [Page]
    assert not HomePage.can_create_at(wagtail_root)  # one already exists
    assert not HomePage.can_create_at(home_page)


def test_content_pages_go_under_the_home_page_or_each_other(home_page, wagtail_root):
    section = ContentPageFactory(parent=home_page)
    assert ContentPage.can_create_at(home_page)
    assert ContentPage.can_create_at(section)
    assert not ContentPage.can_create_at(wagtail_root)
    assert HomePage not in ContentPage.allowed_subpage_models()


def test_admin_offers_only_the_allowed_types(client, superuser, home_page):
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{home_page.pk}/add_subpage/")
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        html = response.content.decode()
        assert "Pagina di contenuto" in html
        assert "/add/home/homepage/" not in html
    forbidden = client.get(f"/admin/pages/add/home/homepage/{home_page.pk}/")
    assert forbidden.status_code in (302, 403)
    allowed = client.get(f"/admin/pages/add/standardpages/contentpage/{home_page.pk}/")
    assert allowed.status_code == 200
