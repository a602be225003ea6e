"""A walk through the admin in a real browser as a Redattrice, a Moderatore and the Segreteria corsi
(none of them superuser): every menu item, a page's editor and history, each list of *Elenchi* and an
item's form, the reports, the settings each may open, the enquiries, the dashboard and the guide. What
a person reads there (the visible text, titles included) has no English word from Wagtail's screens
and no "None", "True" or "False"."""

import datetime
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from tests.factories import ContentPageFactory, ImageFactory
from tests.factories.courses import CourseEnquiryFactory, CoursePageFactory, CourseSessionFactory
from tests.factories.projects import FundFactory, FundingProgrammeFactory, OrganisationFactory, ProjectPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "password-lunga-1"
ROME = ZoneInfo("Europe/Rome")

# Words of Wagtail's English screens (whole words, case as they appear) and Python's values.
ENGLISH = [
    "scheduled",
    "Go-live",
    "Root",
    "Default?",
    "Port",
    "Site name",
    "content type",
    "snippet",
    "Snippets",
    "Image",
    "Explorer",
    "Dashboard",
    "Wagtail",
    "Draft",
    "Edit",
    "Delete",
    "Actions",
    "breadcrumbs",
    "None",
    "True",
    "False",
]
CAPITALISED_DATE = re.compile(
    r"\b\d{1,2} (Gennaio|Febbraio|Marzo|Aprile|Maggio|Giugno|Luglio|Agosto|Settembre|Ottobre|Novembre|Dicembre)\b"
)

VISIBLE_TEXT = """() => {
    const options = new Set([...document.querySelectorAll('option')].map(o => o.text.trim()));
    const lines = document.body.innerText.split('\\n').map(l => l.trim()).filter(l => l && !options.has(l));
    const titles = [...document.querySelectorAll('[title], [aria-label]')]
        .filter(e => e.checkVisibility())
        .map(e => (e.getAttribute('title') || '') + ' ' + (e.getAttribute('aria-label') || ''));
    return [document.title, ...lines, ...titles].join('\\n');
}"""

MENU_URLS = """() => {
    const urls = [];
    const walk = value => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === 'object') {
            if (typeof value.url === 'string' && value.url.startsWith('/admin/')) urls.push(value.url);
            Object.values(value).forEach(walk);
        }
    };
    walk(JSON.parse(document.getElementById('wagtail-sidebar-props').textContent));
    return urls;
}"""


@pytest.fixture
def office(django_user_model, editorial_groups, project_catalogue, course_catalogue):
    home = editorial_groups
    fund = FundFactory(name="Fondo Europeo per l'Integrazione", acronym="FEI", period_start=2007, period_end=2013)
    FundingProgrammeFactory(fund=fund, code="PA2011", name="Programma annuale 2011")
    OrganisationFactory(name="Regione Lazio")
    project = ProjectPageFactory(parent=project_catalogue, title="Sportelli a Latina", fund=fund)
    course = CoursePageFactory(parent=course_catalogue, title="Appalti pubblici", total_hours=Decimal("16"))
    CourseSessionFactory(course=course)
    CourseEnquiryFactory(course=course, marketing_consent=False)
    ImageFactory(title="Foto dello sportello", description="")
    page = ContentPageFactory(parent=home, title="Chi siamo", slug="chi-siamo")
    page.save_revision().publish()
    # A scheduled publication and its history entry ("… scheduled for publishing at …" before).
    page.go_live_at = timezone.now() + datetime.timedelta(days=7)
    page.save_revision().publish()
    people = {}
    for username, group in (
        ("redattrice", "Redattori"),
        ("moderatore", "Moderatori"),
        ("segreteria", "Segreteria corsi"),
    ):
        person = django_user_model.objects.create_user(username, f"{username}@asap.example", PASSWORD)
        person.groups.add(Group.objects.get(name=group))
        people[username] = person
    return {"page": page, "project": project, "course": course, **people}


def log_in(tab, username):
    tab.goto("/admin/login/")
    tab.get_by_label("Nome utente").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Accedi").click()
    tab.wait_for_url("**/admin/")


def english_on(tab, url):
    response = tab.goto(url)
    assert response.status < 400, f"{url}: {response.status}"
    tab.wait_for_load_state("load")
    text = tab.evaluate(VISIBLE_TEXT)
    found = []
    for word in ENGLISH:
        for match in re.finditer(rf"(?<![\w/-]){re.escape(word)}(?![\w/-])", text):
            found.append(text[max(0, match.start() - 40) : match.end() + 40].replace("\n", " | "))
    found += [match[0] for match in CAPITALISED_DATE.finditer(text)]
    return found


def first_edit_link(tab):
    links = tab.eval_on_selector_all("main a[href*='/edit/']", "links => links.map(a => a.getAttribute('href'))")
    return links[0] if links else None


def walk(tab, extra):
    tab.goto("/admin/")
    urls = ["/admin/", *tab.evaluate(MENU_URLS), *extra]
    seen, problems = set(), {}
    for url in urls:
        url = url.split("#")[0]
        if url in seen or "logout" in url or url == "/admin/#":
            continue
        seen.add(url)
        if found := english_on(tab, url):
            problems[url] = found
        if "/snippets/" in url or "/course_enquiries/" in url:
            edit = first_edit_link(tab)
            if edit and edit not in seen:
                seen.add(edit)
                if found := english_on(tab, edit):
                    problems[edit] = found
    return seen, problems


@pytest.mark.parametrize("username", ["redattrice", "moderatore", "segreteria"])
def test_every_admin_screen_a_role_opens_is_in_italian(tab, office, username):
    tab.set_default_navigation_timeout(60_000)  # a loaded machine: the edit forms are heavy
    log_in(tab, username)
    page, project, course = office["page"], office["project"], office["course"]
    extra = {
        "redattrice": [
            f"/admin/pages/{page.pk}/edit/",
            f"/admin/pages/{page.pk}/history/",
            f"/admin/pages/{project.pk}/edit/",
            f"/admin/pages/{course.pk}/edit/",
            f"/admin/pages/{page.get_parent().pk}/",
            "/admin/guida/",
        ],
        "moderatore": [
            f"/admin/pages/{page.pk}/edit/",
            f"/admin/pages/{page.pk}/history/",
            f"/admin/pages/{project.pk}/edit/",
            "/admin/reports/aging-pages/",
            "/admin/reports/site-history/",
            "/admin/reports/page-types-usage/",
            "/admin/pages/search/?q=a",
        ],
        "segreteria": ["/admin/guida/"],
    }[username]
    seen, problems = walk(tab, extra)
    assert len(seen) >= 3
    assert not problems, "\n".join(f"{url}: {found}" for url, found in problems.items())
