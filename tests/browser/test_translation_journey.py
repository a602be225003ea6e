"""Issue 21's done-when, in a real browser. A visitor on a translated Italian project switches to
English and back and stays on the same project. A Redattrice changes the Italian project and submits
it; once a Moderatore has published it, her dashboard flags the English translation ("Traduzioni da
aggiornare"); she syncs it, translates the new text in wagtail-localize's editor key by key, and
submits the English page; the Moderatore publishes it, and the visitor sees both changes at once (the
page cache purged on each publication)."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect
from wagtail.models import Locale

from demo.loaders.english import translate
from tests.browser.people import log_in, member_of, type_like_a_person
from tests.factories.projects import ProjectPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROME = ZoneInfo("Europe/Rome")
BEFORE = datetime.datetime(2025, 3, 3, 9, 0, tzinfo=ROME)  # when the project and its translation were made
SUMMARY = "Tre sportelli informativi a Latina."
NEW_SUMMARY = "Quattro sportelli informativi a Latina e Aprilia."
ENGLISH_SUMMARY = "Four information desks in Latina and Aprilia."
SHOTS = "/tmp/en-workflow-{}-{}.png"


@pytest.fixture
def project(editorial_groups, project_catalogue, page_cache):
    english = Locale.objects.get_or_create(language_code="en")[0]
    member_of_office = {"redattrice": "Redattori", "moderatore": "Moderatori"}
    with time_machine.travel(BEFORE, tick=False):
        italian = ProjectPageFactory(
            parent=project_catalogue,
            title="Sportelli per l'integrazione",
            slug="sportelli-integrazione",
            summary=SUMMARY,
            objectives="<p>Aprire gli sportelli.</p>",
            expected_results="<p>Persone orientate.</p>",
        )
        translate(editorial_groups, english, {"home": "home-en", "Home": "Home"})
        translate(project_catalogue, english, {project_catalogue.slug: "projects", project_catalogue.title: "Projects"})
        translate(
            italian,
            english,
            {
                "sportelli-integrazione": "integration-desks",
                "Sportelli per l'integrazione": "Integration help desks",
                SUMMARY: "Three information desks in Latina.",
                "Aprire gli sportelli.": "Opening the help desks.",
                "Persone orientate.": "People given guidance.",
            },
        )
    return {"italian": italian, "member_of_office": member_of_office}


def screenshots(tab, name, locator=None):
    for width in (390, 1366):
        tab.set_viewport_size({"width": width, "height": 900})
        (locator or tab).screenshot(path=SHOTS.format(name, width), **({} if locator else {"full_page": True}))
    tab.set_viewport_size({"width": 1366, "height": 768})


def approve_from_dashboard(tab, title):
    tab.goto("/admin/")
    row = tab.locator("#awaiting-review-section").get_by_role("row", name=re.compile(re.escape(title)))
    row.get_by_role("button", name="Azioni").click()
    row.get_by_role("button", name="Approva", exact=True).click()
    expect(tab.locator(".messages")).to_contain_text("è stata approvata e pubblicata")


def test_a_translated_project_kept_up_to_date(tab, browser, live_server, django_user_model, project):
    italian_url = "/progetti/sportelli-integrazione/"
    english_url = "/en/projects/integration-desks/"
    for username, group in project["member_of_office"].items():
        member_of(django_user_model, username, group)

    # The visitor switches to English and back, on the same project.
    visitor = tab
    visitor.goto(italian_url)
    visitor.locator(".language-switch").get_by_role("link", name="English").click()
    expect(visitor).to_have_url(re.compile(re.escape(english_url) + "$"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Integration help desks")
    visitor.locator(".language-switch").get_by_role("link", name="Italiano").click()
    expect(visitor).to_have_url(re.compile(re.escape(italian_url) + "$"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Sportelli per l'integrazione")

    def person(username):
        context = browser.new_context(base_url=live_server.url, locale="it-IT", timezone_id="Europe/Rome")
        context.set_default_timeout(15_000)
        person_tab = context.new_page()
        log_in(person_tab, username)
        return person_tab

    editor, moderator = person("redattrice"), person("moderatore")
    try:
        # The Redattrice changes the Italian project; the Moderatore publishes it.
        editor.goto(f"/admin/pages/{project['italian'].pk}/edit/")
        summary = editor.get_by_role("textbox", name="Sintesi")
        summary.click()
        summary.press("Control+a")
        summary.press("Delete")
        type_like_a_person(editor, summary, NEW_SUMMARY)
        editor.get_by_role("button", name="Altre azioni").click()
        editor.get_by_role("button", name="Invia in approvazione").click()
        expect(editor.locator(".messages")).to_contain_text("inviata in approvazione")
        approve_from_dashboard(moderator, "Sportelli per l'integrazione")
        visitor.goto(italian_url)
        expect(visitor.locator("article p.lead")).to_have_text(NEW_SUMMARY)

        # Her dashboard flags the English translation; she syncs it.
        editor.goto("/admin/")
        outdated = editor.locator("#traduzioni-da-aggiornare-section")
        row = outdated.get_by_role("listitem").filter(has_text="Integration help desks")
        expect(row).to_contain_text("L'originale è cambiato")
        screenshots(editor, "dashboard-panel", outdated)
        row.get_by_role("link", name="Sincronizza").click()
        editor.get_by_role("button", name="Invia").click()  # wagtail-localize's form: "Submit"
        expect(row).to_contain_text("Da pubblicare")

        # She translates the new text in the translation editor, key by key.
        row.get_by_role("link", name="Apri l'editor di traduzione").click()
        segment = editor.locator("li", has_text=NEW_SUMMARY).last
        segment.get_by_role("button", name="Traduci").click()
        type_like_a_person(editor, segment.locator("textarea"), ENGLISH_SUMMARY)
        segment.get_by_role("button", name="Salva").click()
        expect(segment).to_contain_text(ENGLISH_SUMMARY)
        expect(segment.get_by_role("button", name="Modifica")).to_be_visible()

        # ... submits the English page; the Moderatore publishes it.
        editor.goto("/admin/")
        row = (
            editor.locator("#traduzioni-da-aggiornare-section")
            .get_by_role("listitem")
            .filter(has_text="Integration help desks")
        )
        row.get_by_role("button", name="Invia in approvazione").click()
        expect(editor.locator(".messages")).to_contain_text("«Integration help desks» è stata inviata in approvazione.")
        expect(editor.locator("#traduzioni-da-aggiornare-section")).to_contain_text("In approvazione")
        visitor.goto(english_url)
        expect(visitor.locator("article p.lead")).to_have_text("Three information desks in Latina.")  # not yet approved
        approve_from_dashboard(moderator, "Integration help desks")
        editor.goto("/admin/")
        expect(editor.locator("#traduzioni-da-aggiornare-section")).to_contain_text(
            "Tutte le traduzioni sono aggiornate."
        )

        # Both pages show the change at once.
        visitor.goto(english_url)
        expect(visitor.locator("article p.lead")).to_have_text(ENGLISH_SUMMARY)
        screenshots(visitor, "english-project")
        visitor.goto(italian_url)
        expect(visitor.locator("article p.lead")).to_have_text(NEW_SUMMARY)
    finally:
        editor.context.close()
        moderator.context.close()
