"""The Content-Security-Policy and Permissions-Policy in a real Chromium: public pages and the editor's
userbar load without a single violation, and the Wagtail admin (login, page editor, preview) works
under its own policy."""

import re

import pytest

from tests.factories import ContentPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What Chromium prints when the CSP blocks something, or when it cannot read the Permissions-Policy.
POLICY_ERRORS = re.compile(r"Content Security Policy|Permissions-Policy|Permissions policy", re.IGNORECASE)


@pytest.fixture
def policy_errors(tab):
    messages = []
    tab.on("console", lambda message: POLICY_ERRORS.search(message.text) and messages.append(message.text))
    return messages


@pytest.fixture
def about(home_page):
    return ContentPageFactory(
        parent=home_page,
        title="Chi siamo",
        slug="chi-siamo",
        body=[("paragraph", "<p>Progettazione e gestione dei fondi europei.</p>")],
    )


def log_in(tab):
    tab.goto("/admin/login/")
    tab.get_by_label("Nome utente").fill("capo")
    tab.get_by_label("Password").fill("una-password-robusta")
    tab.get_by_role("button", name="Accedi").click()
    tab.wait_for_url("**/admin/")


def test_public_pages_load_their_styles_and_scripts_without_violations(tab, about, policy_errors):
    for path in ("/", "/chi-siamo/", "/non-esiste/", "/cerca/?q=fondi"):
        response = tab.goto(path)
        assert "default-src 'none'" in response.headers["content-security-policy"]
        # the stylesheet applied (same-origin CSS under CORP same-origin) and, on site pages, site.js ran
        assert tab.evaluate("getComputedStyle(document.querySelector('.skip-link')).position") == "absolute"
        if response.ok:
            assert tab.evaluate("document.documentElement.classList.contains('js')")
    assert policy_errors == []


def test_an_injected_inline_script_is_refused(tab, about, policy_errors):
    """What an XSS would try: the policy stops it, and Chromium reports it (so the test above can see)."""
    tab.goto("/chi-siamo/")
    tab.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.pwned = true';"
        " document.head.appendChild(s); }"
    )
    assert tab.evaluate("window.pwned") is None
    tab.wait_for_timeout(200)
    assert any("inline script" in message for message in policy_errors), policy_errors


def test_the_admin_login_editor_and_preview_work_under_the_admin_policy(tab, superuser, about, policy_errors):
    log_in(tab)
    tab.goto(f"/admin/pages/{about.pk}/edit/")
    title = tab.get_by_role("textbox", name=re.compile("^Titolo"))
    title.fill("Chi siamo e cosa facciamo")
    tab.get_by_role("button", name="Salva bozza").click()
    tab.get_by_text("salvata").first.wait_for()
    tab.get_by_role("button", name="Anteprima").click()
    preview = tab.frame_locator("#w-preview-iframe")
    preview.get_by_role("heading", name="Chi siamo e cosa facciamo").wait_for()
    assert policy_errors == []


def test_the_editors_userbar_works_on_a_public_page(tab, superuser, about, policy_errors):
    log_in(tab)
    tab.goto("/chi-siamo/")
    trigger = tab.locator("wagtail-userbar").get_by_role("button", name=re.compile("Wagtail"))
    trigger.click()
    tab.locator("wagtail-userbar").get_by_role("menuitem", name=re.compile("Modifica")).wait_for()
    assert policy_errors == []
