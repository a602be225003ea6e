"""News and calls in a real browser, on the demo content (its calls' deadlines are counted from the
day it is loaded, so this reads the same whatever the date).

A visitor finds the latest news on the home page, opens an article, filters the catalogue by kind and
reads a call's deadline (and "Scaduto" on the closed one); no news page has axe violations or scrolls
sideways at 320, 390 and 768 px. A Redattrice writes an article, typing, and submits it; a Moderatore
publishes it from the dashboard, and the home page's "Notizie" box shows it at once."""

import os
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from news.models import NewsArticlePage
from projects.models import ProjectPage
from tests.browser.people import SCREENSHOTS, log_in, member_of, reads_italian, told, type_like_a_person
from tests.browser.test_responsive import WIDEST

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
OPEN = re.compile(r"Scade (il |l')\d{1,2} [a-z]+ \d{4}, ore 12:00")


@pytest.fixture
def demo(editorial_groups):
    """The demo site, with the editorial groups and workflow (a transactional test's flush removed them)."""
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return {
        "open_call": NewsArticlePage.objects.get(slug="avviso-mediatori-culturali"),
        "closed_call": NewsArticlePage.objects.get(slug="bando-borse-formazione-2026"),
        "project": ProjectPage.objects.get(slug="fnpm-mediazione-culturale"),
    }


def shoot(tab, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=SCREENSHOTS / f"news-{name}.png", full_page=True)


def test_a_visitor_finds_the_news_filters_the_calls_and_reads_a_deadline(tab, demo, assert_accessible):
    tab.set_viewport_size(DESKTOP)
    tab.goto("/")
    box = tab.locator("#box-notizie")
    expect(box.get_by_role("heading", name="Notizie")).to_be_visible()
    latest = box.get_by_role("link").first
    title = latest.inner_text()
    assert title == demo["open_call"].title  # the latest article
    shoot(tab, "home-1366")
    latest.click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(title)
    expect(tab.locator(".news__deadline")).to_have_text(OPEN)
    expect(tab.get_by_role("link", name="Testo dell'avviso")).to_be_visible()
    assert_accessible(tab)
    shoot(tab, "bando-aperto-1366")

    tab.get_by_role("link", name="Tutte le notizie").click()
    tab.wait_for_url("**/notizie/")
    tab.get_by_label("Tipo").select_option(label="Avviso o bando (2)")
    tab.get_by_role("button", name="Applica i filtri").click()
    tab.wait_for_url("**/notizie/?*tipo=bando*")
    cards = tab.locator(".card-list .card")
    expect(cards).to_have_count(2)
    expect(cards.nth(0)).to_contain_text(OPEN)
    expect(cards.nth(1)).to_contain_text("Scaduto")
    assert_accessible(tab)
    shoot(tab, "bandi-1366")

    tab.set_viewport_size(PHONE)
    tab.get_by_role("link", name="Rimuovi filtro: Tipo: Avviso o bando").click()
    tab.wait_for_url(lambda url: "tipo=" not in url)
    tab.locator("summary", has_text="Filtra").click()
    tab.get_by_label("Solo avvisi e bandi aperti").check()
    tab.get_by_role("button", name="Applica i filtri").click()
    tab.wait_for_url("**/notizie/?*aperti=on*")
    expect(tab.locator(".card-list .card")).to_have_count(1)
    assert_accessible(tab)
    shoot(tab, "aperti-390")
    tab.goto(demo["closed_call"].url)
    expect(tab.locator(".news__deadline")).to_have_text("Scaduto")
    shoot(tab, "bando-scaduto-390")
    tab.goto(demo["project"].url)
    updates = tab.get_by_role("region", name="Aggiornamenti")
    expect(updates.get_by_role("link", name=demo["open_call"].title)).to_be_visible()


def test_news_pages_have_no_violations_nor_sideways_scrolling(tab, demo, assert_accessible):
    pages = {
        "notizie": "/notizie/",
        "notizie filtrate": "/notizie/?tipo=bando&anno=x",
        "bando aperto": demo["open_call"].url,
        "bando scaduto": demo["closed_call"].url,
        "comunicato": "/notizie/comunicato-seminario-nazionale-fei/",
        "progetto con aggiornamenti": demo["project"].url,
    }
    overflowing = []
    for width in (320, 390, 768):
        tab.set_viewport_size({"width": width, "height": 844})
        for name, path in pages.items():
            tab.goto(path)
            if width == 390 and name != "progetto con aggiornamenti":  # its indicators' table is projects' own
                assert_accessible(tab)
            scroll_width = tab.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                overflowing.append(f"{name} ({path}) a {width} px: larga {scroll_width} px per {tab.evaluate(WIDEST)}")
    assert not overflowing, "\n".join(overflowing)
    tab.set_viewport_size(PHONE)
    tab.goto(demo["open_call"].url)
    shoot(tab, "bando-aperto-390")


def test_a_redattrice_writes_an_article_and_a_moderatore_publishes_it(
    tab, browser, live_server, demo, django_user_model
):
    member_of(django_user_model, "redattrice", "Redattori")
    member_of(django_user_model, "moderatore", "Moderatori")
    index = demo["open_call"].get_parent()
    title = "Concluso il corso di mediazione interculturale"
    log_in(tab, "redattrice")
    tab.goto(f"/admin/pages/{index.pk}/add_subpage/")
    tab.wait_for_url(re.compile(r"/admin/pages/add/news/newsarticlepage/\d+/"))
    type_like_a_person(tab, tab.locator("#id_title"), title)
    type_like_a_person(tab, tab.get_by_role("textbox", name="Sintesi"), "Venti mediatori hanno concluso il corso.")
    tab.get_by_role("combobox", name="Tipo").select_option(label="Notizia")
    tab.get_by_role("checkbox", name="In evidenza nella home").check()
    reads_italian(tab, "news-1-redattrice")
    tab.get_by_role("button", name="Altre azioni").click()
    tab.get_by_role("button", name="Invia in approvazione").click()
    expect(tab.locator(".messages")).to_contain_text(re.compile(f"«{re.escape(title)}» è stata (creata e )?inviata"))
    article = NewsArticlePage.objects.get(title=title)
    assert not article.live and article.current_workflow_state is not None

    moderator = browser.new_context(base_url=live_server.url, locale="it-IT", timezone_id="Europe/Rome")
    page = moderator.new_page()
    page.set_default_timeout(10_000)
    try:
        log_in(page, "moderatore")
        page.goto("/")  # the home as it was: cached, without the new article
        expect(page.locator("#box-notizie")).not_to_contain_text(title)
        page.goto("/admin/")
        row = page.locator("#awaiting-review-section").get_by_role("row", name=re.compile(re.escape(title)))
        row.get_by_role("button", name="Azioni").click()
        row.get_by_role("button", name="Approva", exact=True).click()
        assert (
            told(page, f"La pagina «{title}» è stata approvata e pubblicata.")
            == NewsArticlePage.objects.get(title=title).url
        )
    finally:
        moderator.close()
    tab.context.clear_cookies()  # a visitor now
    tab.set_viewport_size(PHONE)
    tab.goto("/")
    expect(tab.locator("#box-notizie").get_by_role("link").first).to_have_text(title)
    shoot(tab, "home-390")
