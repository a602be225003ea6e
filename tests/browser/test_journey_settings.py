"""Journey 6 of the editors (issue 26): a Moderatore changes the main menu and the brand (logo, its
alternative text, the colour) in the settings and sees them on the site from the message's "Vedi sul
sito". Settings have no drafts in Wagtail 8: saved is live (docs/editorial-records.md says what the
office does instead)."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Collection

from tests.browser.people import chooser_modal, log_in, member_of, reads_italian, told, type_like_a_person
from tests.factories import ContentPageFactory, ImageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(django_user_model, editorial_groups):
    ContentPageFactory(parent=editorial_groups, title="Chi siamo", slug="chi-siamo")
    # In the collection the groups' permissions are on (the factory would make a root of its own).
    ImageFactory(title="Marchio ASAP", file__width=300, file__height=96, collection=Collection.get_first_root_node())
    member_of(django_user_model, "moderatore", "Moderatori")
    return editorial_groups.get_site()


def test_journey_6_menu_and_brand_settings(tab, site):
    log_in(tab, "moderatore")
    tab.goto(f"/admin/settings/core/navigationsettings/{site.pk}/")
    tab.get_by_role("button", name="Aggiungi Voce di menu").click()
    modal = chooser_modal(tab, "Scegli una pagina")
    type_like_a_person(tab, modal.locator("input[name=q]"), "Chi siamo")
    modal.get_by_role("link", name="Chi siamo").first.click()
    modal.wait_for(state="hidden")
    type_like_a_person(tab, tab.locator("#id_items-0-label"), "La nostra storia")
    reads_italian(tab, "6-menu")
    tab.get_by_role("button", name="Salva").click()
    link = told(tab, "Menu principale")
    reads_italian(tab, "6-menu-salvato")
    tab.goto(link)
    expect(
        tab.get_by_role("navigation", name="Menu principale").get_by_role("link", name="La nostra storia")
    ).to_have_attribute("href", "/chi-siamo/")

    tab.goto(f"/admin/settings/core/organisationsettings/{site.pk}/")
    tab.get_by_role("tab", name="Aspetto").click()
    modal = chooser_modal(tab, "Scegli un'immagine")
    expect(modal).to_contain_text("Marchio ASAP")
    modal.locator("a", has_text="Marchio ASAP").first.click()
    modal.wait_for(state="hidden")
    alt = tab.get_by_role("textbox", name="Testo alternativo del logo")
    alt.fill("")
    type_like_a_person(tab, alt, "Logo di ASAP")
    tab.locator("#id_brand_colour").fill("#7a1f3d")  # a colour input: picked, not typed
    reads_italian(tab, "6-marchio")
    tab.get_by_role("button", name="Salva").click()
    link = told(tab, "Dati dell'organizzazione")
    reads_italian(tab, "6-marchio-salvato")
    tab.goto(link)
    expect(tab.get_by_role("img", name="Logo di ASAP")).to_be_visible()
    header = tab.locator("header").first
    expect(header).to_have_css("background-color", "rgb(122, 31, 61)")
