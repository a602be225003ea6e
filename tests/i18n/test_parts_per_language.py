"""The parts every page shares (menu, header, footer, boxes) are kept per language: an English page
shows the English ones, linking English pages, and the Italian pages stay Italian after an English
page was served; an editor's change shows in both at once."""

import re

import pytest

from core.site_settings import NavigationItem, NavigationSettings, OrganisationSettings
from home.models import HomeProjectPick
from tests.factories import ContentPageFactory
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory

from .conftest import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def furnished(bilingual, home_page, english):
    """Menu entry and privacy page "Chi siamo", a box pick of it, English texts in the settings."""
    about, about_en, untranslated = bilingual
    site = home_page.get_site()
    menu = NavigationSettings.for_site(site)
    menu.items.add(NavigationItem(page=about, sort_order=0))
    menu.items.add(NavigationItem(page=untranslated, sort_order=1))
    menu.items.add(
        NavigationItem(url="https://example.org/", label="Sito partner", label_en="Partner site", sort_order=2)
    )
    menu.save()
    organisation = OrganisationSettings.for_site(site)
    organisation.tagline, organisation.tagline_en = "Progetti e formazione", "Projects and training"
    organisation.address, organisation.address_en = "Via Nazionale 89, Roma", "Via Nazionale 89, Rome, Italy"
    organisation.privacy_page = about
    organisation.save()
    home_page.projects_box_title = "Progetti"
    home_page.project_picks.add(HomeProjectPick(page=about, description="Chi siamo, in breve"))
    home_page.save_revision().publish()
    home_en = home_page.get_translation(english)
    home_en.projects_box_title = "Projects"
    home_en.project_picks.add(HomeProjectPick(page=about, description="Chi siamo, in breve"))
    home_en.save_revision().publish()
    return about, about_en


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def menu(html):
    block = re.search(r'<ul class="main-nav__list">(.*?)</ul>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', block)


def box(html):
    block = re.search(r'<section class="box" id="box-progetti".*?</section>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', block)


def test_an_english_page_shows_the_english_menu_linking_english_pages(client, furnished):
    assert menu(html_of(client, "/en/about-us/")) == [
        ("/en/about-us/", "About us"),
        ("/contatti/", "Contatti"),  # no English translation: the Italian page
        ("https://example.org/", "Partner site"),
    ]


def test_the_italian_menu_footer_and_boxes_stay_italian_after_an_english_page(client, furnished):
    english = html_of(client, "/en/about-us/")
    assert "Projects and training" in english and "Rome, Italy" in english
    assert '<a href="/en/about-us/">' in english.split('class="site-footer"')[1]  # the privacy page's translation
    italian = html_of(client, "/chi-siamo/")
    assert menu(italian) == [
        ("/chi-siamo/", "Chi siamo"),
        ("/contatti/", "Contatti"),
        ("https://example.org/", "Sito partner"),
    ]
    assert "Progetti e formazione" in italian and "Projects and training" not in italian
    footer = italian.split('class="site-footer"')[1]
    assert "Via Nazionale 89, Roma" in footer and '<a href="/chi-siamo/">' in footer


def test_the_english_home_boxes_show_the_english_translations_of_the_picks(client, furnished):
    assert box(html_of(client, "/en/")) == [("/en/about-us/", "About us")]
    assert box(html_of(client, "/")) == [("/chi-siamo/", "Chi siamo")]
    assert box(html_of(client, "/chi-siamo/")) == [("/chi-siamo/", "Chi siamo")]


def test_a_change_to_a_setting_shows_in_both_languages_at_once(client, furnished, home_page):
    html_of(client, "/en/about-us/"), html_of(client, "/chi-siamo/")  # both kept
    organisation = OrganisationSettings.for_site(home_page.get_site())
    organisation.tagline, organisation.tagline_en = "Progetti europei", "European projects"
    organisation.save()
    assert "European projects" in html_of(client, "/en/about-us/")
    assert "Progetti europei" in html_of(client, "/chi-siamo/")


def test_an_english_page_with_the_setting_left_empty_shows_the_italian_text(client, furnished, home_page):
    organisation = OrganisationSettings.for_site(home_page.get_site())
    organisation.tagline_en = ""
    organisation.save()
    assert "Progetti e formazione" in html_of(client, "/en/about-us/")


def test_a_menu_entry_with_an_english_text_keeps_it_over_the_translation_title(client, furnished, home_page):
    menu_settings = NavigationSettings.for_site(home_page.get_site())
    entry = menu_settings.items.get(sort_order=0)
    entry.label_en = "Who we are"
    entry.save()
    menu_settings.save()
    assert menu(html_of(client, "/en/about-us/"))[0] == ("/en/about-us/", "Who we are")


def test_a_new_translation_shows_in_the_english_menu_at_once(client, furnished, english):
    html_of(client, "/en/about-us/")
    contacts = ContentPageFactory._meta.model.objects.get(slug="contatti")
    translate(contacts, english, title="Contacts", slug="contacts")
    assert menu(html_of(client, "/en/about-us/"))[1] == ("/en/contacts/", "Contacts")


def test_an_english_home_without_picks_nor_english_entries_shows_the_italian_boxes(client, bilingual, home_page):
    """Until editors pick English pages, the English boxes are the Italian ones (translations where
    there are some), not nothing."""
    about, _about_en, untranslated = bilingual
    home_page.projects_box_title = "Progetti"
    home_page.project_picks.add(HomeProjectPick(page=about), HomeProjectPick(page=untranslated))
    home_page.save_revision().publish()
    assert box(html_of(client, "/en/")) == [("/en/about-us/", "About us"), ("/contatti/", "Contatti")]


def test_an_english_course_or_event_page_shows_the_english_header_and_footer(client, furnished, home_page, english):
    """Their structured data names the organisation before the header and footer are built: it
    must read the settings in the page's language, as the header and footer then do."""
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home_page), title="Appalti pubblici")
    CourseSessionFactory(course=course)
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Seminario FAMI")
    for page, title in ((course, "Public procurement"), (event, "AMIF seminar")):
        html = html_of(client, translate(page, english, title=title).url)
        header, footer = html.split('class="site-footer"')
        assert "Projects and training" in header and "Progetti e formazione" not in header, title
        assert "Rome, Italy" in footer and "Via Nazionale 89, Roma" not in footer, title
