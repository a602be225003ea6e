"""The site on a phone, on the demo content with a few long words added: no page scrolls sideways,
the catalogue shows results first, the header stays compact, and the cookie banner asks without
hiding the page (the footer and every focused element stay reachable above it)."""

import os
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage
from events.models import EventIndexPage, EventPage
from news.models import NewsArticlePage, NewsIndexPage
from projects.models import Organisation, ProjectIndexPage, ProjectPage
from standardpages.models import ContentPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 390, 768)
PHONE = {"width": 390, "height": 844}
LONG_WORD = "Interistituzionalizzazione-precipitevolissimevolmente"
LONG_URL = (
    "https://www.regione.lazio.it/cittadini/politiche-sociali/fondo-europeo-integrazione/avviso-2011-allegato.pdf"
)

# The element whose right edge lies furthest beyond the viewport (the innermost one when several share it).
WIDEST = """() => {
    let widest = null, right = innerWidth;
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.width && box.right >= right && box.right > innerWidth + 0.5) { right = box.right; widest = element; }
    }
    if (!widest) return "";
    const classes = typeof widest.className === "string" && widest.className.trim() ? "." + widest.className.trim().split(/\\s+/).join(".") : "";
    return `${widest.tagName.toLowerCase()}${widest.id ? "#" + widest.id : ""}${classes} (bordo destro a ${Math.round(right)} px)`;
}"""
# Whether the centre of each footer link is the link itself (not the banner) and lies above the banner.
# Each footer link scrolled to the middle of the screen, as far as the page goes: the last ones end
# up just above the banner when the page's bottom padding leaves room for it.
FOOTER_LINKS_CLEAR = """() => {
    const bannerTop = document.getElementById("consent-banner").getBoundingClientRect().top;
    return [...document.querySelectorAll(".site-footer a")].map((link) => {
        link.scrollIntoView({block: "center"});
        const box = link.getBoundingClientRect(), line = link.getClientRects()[0];  // a wrapped link: its first line
        const hit = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
        return {text: link.textContent.trim(), above: box.bottom <= bannerTop + 0.5, clickable: link.contains(hit)};
    });
}"""
# The layout shift score of the page so far (Lighthouse's CLS: what moved while it loaded).
LAYOUT_SHIFT = """() => new Promise((resolve) => {
    let score = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((shift) => { score += shift.hadRecentInput ? 0 : shift.value; }))
        .observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(score), 300);
})"""
# The focused element, its box and whether the banner covers any of it.
FOCUS = """() => {
    const focused = document.activeElement, banner = document.getElementById("consent-banner");
    const box = focused.getBoundingClientRect(), top = banner.getBoundingClientRect().top;
    return {
        name: `${focused.tagName.toLowerCase()} «${(focused.textContent || focused.name || "").trim().slice(0, 40)}»`,
        inBanner: banner.contains(focused), body: focused === document.body,
        covered: box.height > 0 && box.bottom > top + 0.5, offscreen: box.height > 0 && box.top < 0,
        lastFooterLink: focused === [...document.querySelectorAll(".site-footer a")].at(-1),
    };
}"""


@pytest.fixture
def demo(wagtail_root):
    """The demo site, with a project, an organisation and a course whose texts carry long words."""
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    project = ProjectPage.objects.live().get(slug="fei-regione-lazio-2011")
    ProjectPage.objects.filter(pk=project.pk).update(
        title=f"{project.title} {LONG_WORD}", summary=f"{project.summary} Avviso: {LONG_URL}"
    )
    organisation = project.organisation_roles.first().organisation
    Organisation.objects.filter(pk=organisation.pk).update(name=f"{organisation.name} {LONG_WORD}")
    course = CoursePage.objects.live().first()
    CoursePage.objects.filter(pk=course.pk).update(title=f"{course.title} {LONG_WORD}")
    return {
        "home": "/",
        "pagina di contenuto": "/chi-siamo/",
        "catalogo dei progetti": "/progetti/",
        "catalogo dei progetti filtrato": "/progetti/?stato=concluso&ordine=budget",
        "pagina di progetto": project.url,
        "pagina di un ente": f"/progetti/ente/{organisation.slug}/",
        "elenco degli enti": "/progetti/enti/",
        "elenco degli enti filtrato": "/progetti/enti/?ruolo=partner&ordine=costo",
        "catalogo dei corsi": "/corsi/",
        "pagina di corso": course.url,
        "modulo di richiesta": f"{course.url}richiedi-informazioni/",
        "ricerca con risultati": "/cerca/?q=progetti",
        "modulo di contatto": "/scrivici/",
        "cookie policy": "/cookie-policy/",
        "pagina 404": "/non-esiste/",
        "elenco delle notizie": NewsIndexPage.objects.live().get().url,
        "un bando": NewsArticlePage.objects.live().filter(kind="bando").first().url,
        "elenco degli eventi": EventIndexPage.objects.live().get().url,
        "un evento": EventPage.objects.live().first().url,
        "dati aperti": "/dati-aperti/",
        **english_pages(),
    }


def english_pages():
    """One English page of each translated type (the demo's English content), and the English 404."""
    english = Page.objects.live().filter(locale__language_code="en").specific()
    return {
        "home inglese": "/en/",
        "pagina di contenuto inglese": english.type(ContentPage).first().url,
        "catalogo dei progetti inglese": english.type(ProjectIndexPage).get().url,
        "pagina di progetto inglese": english.type(ProjectPage).first().url,
        "catalogo dei corsi inglese": english.type(CourseIndexPage).get().url,
        "pagina di corso inglese": english.type(CoursePage).first().url,
        "ricerca inglese": "/en/search/?q=projects",
        "pagina 404 inglese": "/en/does-not-exist/",
    }


def test_no_page_is_wider_than_a_phone_or_a_tablet(tab, demo):
    overflowing = []
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 844})
        for name, path in demo.items():
            tab.goto(path)
            scroll_width = tab.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                overflowing.append(f"{name} ({path}) a {width} px: larga {scroll_width} px per {tab.evaluate(WIDEST)}")
    assert not overflowing, "\n".join(overflowing)


NEW_PAGE_TYPES = (
    "elenco delle notizie",
    "un bando",
    "elenco degli eventi",
    "un evento",
    "dati aperti",
    "elenco degli enti",
    "elenco degli enti filtrato",
    "pagina di un ente",
)


@pytest.mark.parametrize("size", [PHONE, {"width": 1366, "height": 900}])
def test_english_and_new_page_types_have_no_accessibility_violations(tab, demo, assert_accessible, size):
    """Axe on the English pages and on news and events, on a phone and a desktop (the Italian page
    types have their own checks in test_site_pages.py)."""
    tab.set_viewport_size(size)
    pages = {**english_pages(), **{name: demo[name] for name in NEW_PAGE_TYPES}}
    for name, path in pages.items():
        tab.goto(path)
        assert tab.locator("html").get_attribute("lang") == ("en" if name.endswith("inglese") else "it"), name
        assert_accessible(tab)


def test_phone_header_is_compact_and_the_first_project_shows_within_one_screen(tab, demo, assert_accessible):
    tab.set_viewport_size(PHONE)
    open_with_banner(tab, "/progetti/")
    assert tab.evaluate(LAYOUT_SHIFT) < 0.1  # the menu is collapsed before the first paint, not after
    assert_accessible(tab)
    assert tab.locator(".site-header").bounding_box()["height"] <= 120
    assert not tab.get_by_label("Fondo").is_visible()  # behind "Filtra"
    assert tab.get_by_role("heading", level=2, name=re.compile(r"^\d+ progetti$")).is_visible()
    assert tab.locator(".card-list .card").first.bounding_box()["y"] <= PHONE["height"]

    toggle = tab.get_by_role("button", name="Cerca nel sito")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not tab.get_by_role("combobox", name="Cerca").is_visible()
    toggle.click()
    box = tab.get_by_role("combobox", name="Cerca")
    assert box.evaluate("element => element === document.activeElement")
    box.fill("rendicontazione")
    box.press("Enter")
    tab.wait_for_url("**/cerca/?q=rendicontazione")


def test_filters_open_from_filtra_with_or_without_javascript_and_chips_remove_them(
    tab, live_server, demo, assert_accessible
):
    tab.set_viewport_size(PHONE)
    tab.goto("/progetti/")
    tab.locator("summary", has_text="Filtra").click()
    assert_accessible(tab)
    tab.get_by_label("Stato").select_option(value="concluso")
    tab.get_by_role("button", name="Applica i filtri").click()
    tab.wait_for_url("**/progetti/?*stato=concluso*")
    assert not tab.get_by_label("Stato").is_visible()  # results first again
    assert tab.locator("summary", has_text="Filtra").inner_text().replace("\n", " ").startswith("Filtra 1")
    chip = tab.get_by_role("link", name="Rimuovi filtro: Stato: Concluso")
    assert chip.bounding_box()["y"] < tab.locator(".card-list .card").first.bounding_box()["y"]
    chip.click()
    tab.wait_for_url(lambda url: "/progetti/" in url and "stato=" not in url)
    assert tab.get_by_role("link", name=re.compile("^Rimuovi filtro")).count() == 0

    tab.set_viewport_size({"width": 1366, "height": 768})
    tab.goto("/corsi/")
    assert tab.get_by_label("Area tematica").is_visible()  # open beside the results on wide screens
    assert not tab.locator("summary", has_text="Filtra").is_visible()

    # Without JavaScript: "Filtra" is a native <details>, "Cerca" a link to the search page.
    context = tab.context.browser.new_context(base_url=live_server.url, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto("/progetti/")
    assert not page.get_by_label("Stato").is_visible()
    page.locator("summary", has_text="Filtra").click()
    assert page.get_by_label("Stato").is_visible()
    page.get_by_role("link", name="Cerca nel sito").click()
    page.wait_for_url("**/cerca/")
    context.close()


def open_with_banner(tab, path="/"):
    with tab.expect_response("**/cookie/stato/"):
        tab.goto(path)
    tab.locator("html[data-consent-banner]").wait_for(state="attached")
    return tab.get_by_role("dialog", name="Rispettiamo la tua privacy")


def test_banner_takes_a_third_of_a_phone_at_most_and_leaves_the_footer_clickable(tab, demo):
    for viewport in (PHONE, {"width": 1366, "height": 768}):
        tab.set_viewport_size(viewport)
        banner = open_with_banner(tab)
        height = banner.bounding_box()["height"]
        assert height <= 0.34 * viewport["height"], f"{viewport}: il banner occupa {height / viewport['height']:.0%}"
        accept = banner.get_by_role("button", name="Accetta tutti").bounding_box()
        reject = banner.get_by_role("button", name="Rifiuta", exact=True).bounding_box()
        assert all(round(accept[key]) == round(reject[key]) for key in ("y", "width", "height")), (accept, reject)
        assert round(banner.get_by_role("button", name="Personalizza").bounding_box()["y"]) == round(accept["y"])

        tab.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        links = tab.evaluate(FOOTER_LINKS_CLEAR)
        assert len(links) >= 5
        assert [link for link in links if not (link["above"] and link["clickable"])] == [], viewport
    tab.get_by_role("link", name="Note legali").click()
    tab.wait_for_url("**/note-legali/")


def test_no_focused_element_ends_up_under_the_banner(tab, demo):
    tab.set_viewport_size(PHONE)
    open_with_banner(tab, "/progetti/")
    hidden, seen = [], 0
    for _ in range(150):
        tab.keyboard.press("Tab")
        focus = tab.evaluate(FOCUS)
        if focus["inBanner"] or focus["body"]:
            continue
        seen += 1
        if focus["covered"] or focus["offscreen"]:
            hidden.append(focus["name"])
        if focus["lastFooterLink"]:
            break
    else:
        pytest.fail("la tabulazione non ha raggiunto l'ultimo link del piè di pagina")
    assert seen > 20
    assert hidden == []
