"""Every editorial action ends with a message and, where the page is public, "Vedi sul sito"."""

import datetime
import html as html_module
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def shown(client, url):
    """The text and the buttons of the messages on the page `url` leads to."""
    html = client.get(url).content.decode()
    box = html.split('data-w-messages-target="container">')[1].split("</ul>")[0]
    text = html_module.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", box)).strip())
    buttons = {label.strip(): href for href, label in re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', box)}
    return text, buttons


def moderators_dashboard(client, django_user_model, page):
    """A Redattrice submits `page`; a Moderatore, logged in, opens the dashboard: its HTML."""
    editor = member_of(django_user_model, "Redattori", "redattrice")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    client.force_login(member_of(django_user_model, "Moderatori", "moderatore"))
    return client.get("/admin/").content.decode()


def test_approve_on_the_dashboard_says_the_page_is_published_and_links_it(client, django_user_model, home_page):
    page = ContentPageFactory(parent=home_page, live=False, title="Bando 2027", slug="bando-2027")
    dashboard = moderators_dashboard(client, django_user_model, page)
    approve_url = re.search(r'data-workflow-action-url="([^"]*/approve/\d+/)"(?! data-launch-modal)', dashboard)[1]

    response = client.post(approve_url, {"next": "/admin/"})

    assert response.status_code == 302 and response["Location"] == "/admin/"
    text, buttons = shown(client, "/admin/")
    assert "La pagina «Bando 2027» è stata approvata e pubblicata." in text
    assert buttons["Vedi sul sito"] == "/bando-2027/"
    page.refresh_from_db()
    assert page.live


def test_request_changes_on_the_dashboard_says_where_the_page_goes(client, django_user_model, home_page):
    page = ContentPageFactory(parent=home_page, live=False, title="Bando 2028")
    dashboard = moderators_dashboard(client, django_user_model, page)
    reject_url = re.search(r'data-workflow-action-url="([^"]*/reject/\d+/)"', dashboard)[1]

    client.post(reject_url, {"next": "/admin/", "comment": "Manca la data"})

    text, buttons = shown(client, "/admin/")
    assert "La pagina «Bando 2028» torna a chi l'ha scritta con la richiesta di modifiche." in text
    assert "Vedi sul sito" not in buttons


@time_machine.travel(datetime.datetime(2026, 12, 6, 10, 0, tzinfo=ROME), tick=False)
def test_a_scheduled_publication_says_when_and_links_the_live_page(client, django_user_model, home_page):
    page = ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    page.save_revision().publish()  # on the site, as a published page is
    client.force_login(member_of(django_user_model, "Moderatori", "moderatore"))
    data = {
        "title": "Chi siamo",
        "slug": "chi-siamo",
        "intro": "Nuova introduzione",
        "body-count": "0",
        "go_live_at": "13/12/2026 09:00",
        "action-publish": "action-publish",
    }

    response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    text, buttons = shown(client, response["Location"])
    assert (
        "La pagina «Chi siamo» resta com'è sul sito; le modifiche saranno pubblicate "
        "il 13 dicembre 2026, ore 9:00." in text
    )
    assert buttons["Vedi sul sito"] == "/chi-siamo/"
    assert "scheduled" not in text and "Domenica" not in text


@time_machine.travel(datetime.datetime(2026, 12, 6, 10, 0, tzinfo=ROME), tick=False)
def test_a_new_page_scheduled_says_when_it_will_appear(client, django_user_model, home_page):
    page = ContentPageFactory(parent=home_page, live=False, title="Bando 2029", slug="bando-2029")
    client.force_login(member_of(django_user_model, "Moderatori", "moderatore"))
    data = {"title": "Bando 2029", "slug": "bando-2029", "intro": "", "body-count": "0"}
    data |= {"go_live_at": "8/1/2027 09:30", "action-publish": "action-publish"}

    response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    text, buttons = shown(client, response["Location"])
    assert "La pagina «Bando 2029» sarà pubblicata l'8 gennaio 2027, ore 9:30." in text
    assert "Vedi sul sito" not in buttons and "Modifica" in buttons


def form_as_sent(client, url, **changes):
    """The admin form at `url` as a browser would send it unchanged, with `changes` on top."""
    from bs4 import BeautifulSoup

    html = client.get(url).content.decode()
    form = next(
        f
        for f in BeautifulSoup(html, "html.parser").find_all("form")
        if f.get("method", "").lower() == "post"
        and f.find("input", {"name": "csrfmiddlewaretoken"})
        and f.find(attrs={"name": re.compile("^(?!csrf)")})
    )
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value", "") if chosen else ""
        else:
            data[name] = field.get("value", "")
    data.pop("csrfmiddlewaretoken", None)
    return data | changes


def test_saving_the_menu_links_the_site_that_shows_it(client, django_user_model, editorial_groups):
    client.force_login(member_of(django_user_model, "Moderatori", "moderatore"))
    site = editorial_groups.get_site()
    url = f"/admin/settings/core/navigationsettings/{site.pk}/"

    response = client.post(url, form_as_sent(client, url))

    assert response.status_code == 302, response.content.decode()[:2000]
    text, buttons = shown(client, response["Location"])
    assert "Menu principale" in text
    assert buttons["Vedi sul sito"] == "/"


def test_a_new_organisation_links_its_page_in_the_catalogue(client, django_user_model, project_catalogue):
    from projects.models import Organisation

    client.force_login(member_of(django_user_model, "Redattori", "redattrice"))
    url = "/admin/snippets/projects/organisation/add/"
    data = form_as_sent(client, url, name="Comune di Latina", kind="comune", city="Latina")

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    text, buttons = shown(client, response["Location"])
    organisation = Organisation.objects.get(name="Comune di Latina")
    assert "Comune di Latina" in text
    assert buttons["Vedi sul sito"] == f"/progetti/ente/{organisation.slug}/"


def test_a_published_receipt_links_the_register_and_a_draft_does_not(client, django_user_model, editorial_groups):
    from tests.factories.transparency import ContributionsRegisterPageFactory, PublicContributionFactory

    register = ContributionsRegisterPageFactory(parent=editorial_groups)
    receipt = PublicContributionFactory(live=False)
    client.force_login(member_of(django_user_model, "Redattori", "redattrice"))
    url = f"/admin/snippets/transparency/publiccontribution/edit/{receipt.pk}/"

    draft = client.post(url, form_as_sent(client, url, reason="Saldo del progetto"))
    text, buttons = shown(client, draft["Location"])
    assert "Vedi sul sito" not in buttons

    published = client.post(url, form_as_sent(client, url, **{"action-publish": "action-publish"}))
    text, buttons = shown(client, published["Location"])
    assert "pubblicat" in text.lower()
    assert buttons["Vedi sul sito"] == register.url


def test_a_fund_links_a_live_project_that_shows_it(client, django_user_model, project_catalogue):
    from tests.factories.projects import FundFactory, ProjectPageFactory

    fund = FundFactory(name="Fondo Sociale Europeo Plus", acronym="FSE+")
    project = ProjectPageFactory(parent=project_catalogue, title="Sportelli", slug="sportelli", fund=fund)
    project.save_revision().publish()  # the reference index knows what a published page refers to
    client.force_login(member_of(django_user_model, "Moderatori", "moderatore"))
    url = f"/admin/snippets/projects/fund/edit/{fund.pk}/"

    response = client.post(url, form_as_sent(client, url))

    assert response.status_code == 302, response.content.decode()[:3000]
    text, buttons = shown(client, response["Location"])
    assert buttons["Vedi sul sito"] == project.url
