"""The demo's English version (demo/data/english.yaml): the pages issue 21 names are translated,
published and linked both ways with their Italian pages; the rest of the site offers the fallback."""

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

TRANSLATED = {
    "/": ("/en/", "Funded projects and training"),
    "/chi-siamo/": ("/en/about-us/", "We design, manage, monitor and report on publicly funded projects."),
    "/progetti/": ("/en/projects/", "Filter by fund, status, theme or territory"),
    "/corsi/": ("/en/courses/", "Training courses"),
    "/progetti/fei-regione-lazio-2011/": (
        "/en/projects/fei-lazio-region-2011/",
        "€768 million shared among the member states",
    ),
    "/progetti/fei-sportelli-2010/": ("/en/projects/fei-help-desks-2010/", "Help desks open in Frosinone and Latina"),
    "/progetti/fei-valutazione-2012/": ("/en/projects/fei-evaluation-2012/", "An evaluation report with"),
    "/progetti/fami-italiano-lavoro/": ("/en/projects/amif-italian-for-work/", "Learners certified at level A2"),
    "/progetti/fse-competenze-digitali/": ("/en/projects/esf-digital-skills/", "Digital skills for getting into work"),
    "/progetti/frps-formazione-operatori/": (
        "/en/projects/social-workers-reporting-training/",
        "Training social care staff in financial reporting",
    ),
    "/corsi/progettazione-europea-base/": ("/en/courses/european-project-design/", "The regulatory framework"),
    "/corsi/rendicontazione-fse-plus/": ("/en/courses/esf-plus-financial-reporting/", "VAT-exempt for public bodies."),
    "/corsi/monitoraggio-indicatori/": ("/en/courses/monitoring-and-result-indicators/", "Case studies"),
    "/contributi-pubblici/": ("/en/public-funding-received/", "the amounts actually received, not those awarded"),
    "/cookie-policy/": ("/en/cookie-policy/", "how you can choose or change your mind"),
    "/privacy/": ("/en/privacy-notice/", "Data controller"),
    "/dichiarazione-di-accessibilita/": ("/en/accessibility-statement/", "with a keyboard and a screen reader (NVDA)"),
}


def switch(client, url):
    """Where the language switch of the page at `url` leads."""
    html = client.get(url).content.decode()
    return re.search(r'<div class="language-switch"><div class="container"><a href="([^"]+)"', html)[1]


@pytest.fixture
def demo(wagtail_root):
    """The demo, inside the test's transaction: nothing of it outlives the test."""
    call_command("seed_demo", verbosity=0)


def test_the_named_pages_are_in_english_and_switch_both_ways(demo, client):
    for italian, (english, text) in TRANSLATED.items():
        page = client.get(english)
        assert page.status_code == 200, english
        html = page.content.decode()
        assert text in html, english
        assert '<html lang="en"' in html
        assert (switch(client, english), switch(client, italian)) == (italian, english)


def test_the_other_pages_offer_the_fallback(demo, client):
    assert switch(client, "/progetti/fse-orientamento-giovani/") == "/en/#non-tradotta"
    assert client.get("/en/projects/fse-orientamento-giovani/").status_code == 404


def test_the_english_pages_show_the_organisations_english_texts(demo, client):
    html = client.get("/en/courses/european-project-design/").content.decode()
    header, footer = html.split('class="site-footer"')
    assert "Funded projects and training" in header
    assert "00184 Rome (RM), Italy" in footer and "design, management, monitoring and reporting" in footer
    assert "progettazione, gestione" not in footer
