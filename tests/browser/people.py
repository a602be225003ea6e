"""How the editors' journeys act in the browser: as a member of an editorial group (never a
superuser), typing key by key at a person's pace, clicking the next field with the mouse, and reading
what a person reads (no English word of Wagtail's screens, no "None"/"True"/"False")."""

import re
from pathlib import Path

from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests.browser.test_admin_italian_walk import CAPITALISED_DATE, ENGLISH, VISIBLE_TEXT

PASSWORD = "password-lunga-1"
KEYSTROKE_MS = 60  # a person typing at normal speed
SCREENSHOTS = Path("/tmp/journeys")


def member_of(django_user_model, username, group):
    person = django_user_model.objects.create_user(username, f"{username}@asap.example", PASSWORD)
    person.groups.add(Group.objects.get(name=group))
    assert not person.is_superuser
    return person


def log_in(tab, username):
    tab.set_viewport_size({"width": 1366, "height": 768})
    tab.goto("/admin/login/")
    tab.get_by_label("Nome utente").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Accedi").click()
    tab.wait_for_url("**/admin/")


def click_like_a_person(tab, field):
    """A mouse click where a person sees the field (its left part), on whatever lies there."""
    field.scroll_into_view_if_needed()
    box = field.bounding_box()
    tab.mouse.click(box["x"] + 30, box["y"] + box["height"] / 2)


def type_like_a_person(tab, field, text):
    """Click into the field with the mouse, then type key by key."""
    click_like_a_person(tab, field)
    field.press_sequentially(text, delay=KEYSTROKE_MS)


def english_words(tab):
    """English words of Wagtail's screens and Python's values a person reads on the current screen."""
    text = tab.evaluate(VISIBLE_TEXT)
    found = []
    for word in ENGLISH:
        for match in re.finditer(rf"(?<![\w/-]){re.escape(word)}(?![\w/-])", text):
            found.append(text[max(0, match.start() - 40) : match.end() + 40].replace("\n", " | "))
    found += [match[0] for match in CAPITALISED_DATE.finditer(text)]
    return found + re.findall(r"(?i)\blive\b.{0,20}", text)  # the status tags ("LIVE + PROGRAMMATE")


def reads_italian(tab, name):
    """The screen as a person sees it at 1366 px, kept in /tmp/journeys to look at, and in Italian."""
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    assert not english_words(tab), f"{name}: {english_words(tab)}"


def told(tab, text):
    """The admin's message after an action, with its "Vedi sul sito" button: the button's address."""
    message = tab.locator(".messages")
    expect(message).to_contain_text(text)
    link = message.get_by_role("link", name="Vedi sul sito")
    expect(link).to_be_visible()
    return link.get_attribute("href")


def chooser_modal(tab, button_name):
    """Open a chooser; a person starts typing once the modal has faded in and holds the focus."""
    tab.get_by_role("button", name=button_name).click()
    modal = tab.get_by_role("dialog")
    expect(modal).to_be_focused()
    return modal
