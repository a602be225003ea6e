"""The cookieless beacon, the "Statistiche" report with its exports and the dashboard panel."""

import datetime
import io
import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from openpyxl import load_workbook

from analytics.models import AnalyticsSettings, DailyPageView
from search.models import SearchQueryDay
from tests.factories import ContentPageFactory
from tests.factories.analytics import DailyPageViewFactory

pytestmark = pytest.mark.django_db

BEACON_URL = "/statistiche/visita/"
REPORT_URL = "/admin/statistiche/"


def chart_bars(html):
    """The chart's bars: the rectangles of the page but the admin's ASAP mark."""
    return re.sub(r'<svg class="asap-admin-logo".*?</svg>', "", html, flags=re.S).count("<rect")


def beacon(client, page, headers=None, **payload):
    body = {"page": page.pk, "referrer": "", "device": "desktop"} | payload
    return client.post(BEACON_URL, json.dumps(body), content_type="text/plain", headers=headers or {})


@pytest.fixture
def consenting(client, registry):
    client.post("/cookie/scelta/", {"action": "custom", "cookie_groups": ["statistiche"]})
    return client


def test_beacon_counts_a_view_per_page_referrer_and_device_without_visitor_data(consenting, home_page):
    response = beacon(consenting, home_page, referrer="https://www.google.com/search?q=asap", device="mobile")
    beacon(consenting, home_page, referrer="https://www.google.com/", device="mobile")
    beacon(consenting, home_page, referrer="http://testserver/chi-siamo/", device="desktop")

    assert response.status_code == 204
    assert "Set-Cookie" not in response.headers and not response.cookies
    rows = set(DailyPageView.objects.values_list("page_id", "referrer_domain", "device_class", "views"))
    assert rows == {(home_page.pk, "google.com", "mobile", 2), (home_page.pk, "", "desktop", 1)}
    field_names = {field.name for field in DailyPageView._meta.get_fields()}
    assert field_names == {"id", "day", "page", "referrer_domain", "device_class", "views"}


def test_beacon_counts_nothing_without_analytics_consent(client, registry, home_page):
    assert beacon(client, home_page).status_code == 204
    client.post("/cookie/scelta/", {"action": "custom", "cookie_groups": ["video"]})
    assert beacon(client, home_page).status_code == 204
    assert DailyPageView.objects.count() == 0


def test_beacon_skips_bots_editors_and_a_switched_off_provider(consenting, home_page, registry, superuser):
    beacon(consenting, home_page, headers={"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"})
    consenting.post(
        BEACON_URL,
        json.dumps({"page": home_page.pk, "device": "desktop"}),
        content_type="text/plain",
        HTTP_USER_AGENT="Googlebot/2.1",
    )
    consenting.force_login(superuser)
    beacon(consenting, home_page)
    consenting.logout()
    consenting.post("/cookie/scelta/", {"action": "custom", "cookie_groups": ["statistiche"]})
    settings = AnalyticsSettings.for_site(registry["site"])
    settings.provider = "none"
    settings.save()
    beacon(consenting, home_page)
    assert DailyPageView.objects.count() == 0


@pytest.mark.parametrize(
    "body",
    [
        "non json",
        '{"page": "abc", "device": "desktop"}',
        '{"page": 1, "device": "frigorifero"}',
        '{"device": "desktop"}',
        "[1, 2]",
        '{"page": 1, "device": "desktop", "referrer": 5}',
        '{"page": 1, "device": "desktop", "referrer": "' + "x" * 3000 + '"}',
    ],
)
def test_malformed_beacons_get_400(consenting, body):
    response = consenting.post(BEACON_URL, body, content_type="text/plain")
    assert response.status_code == 400
    assert DailyPageView.objects.count() == 0


def test_beacon_ignores_unknown_or_draft_pages_and_get(consenting, home_page):
    draft = ContentPageFactory(parent=home_page, live=False)
    assert beacon(consenting, draft).status_code == 204
    assert (
        consenting.post(BEACON_URL, '{"page": 999999, "device": "desktop"}', content_type="text/plain").status_code
        == 204
    )
    assert consenting.get(BEACON_URL).status_code == 405
    assert DailyPageView.objects.count() == 0


@pytest.fixture
def figures(home_page):
    today = timezone.localdate()
    other = ContentPageFactory(parent=home_page, title="Formazione")
    DailyPageViewFactory(page=home_page, day=today, views=7, referrer_domain="google.com")
    DailyPageViewFactory(page=home_page, day=today - datetime.timedelta(days=3), views=5, device_class="mobile")
    DailyPageViewFactory(
        page=other, day=today - datetime.timedelta(days=3), views=2, referrer_domain="regione.lazio.it"
    )
    DailyPageViewFactory(page=other, day=today - datetime.timedelta(days=60), views=100)
    SearchQueryDay.objects.create(day=today, query="bandi fami", searches=4, zero_result_searches=0)
    SearchQueryDay.objects.create(day=today, query="corso excel", searches=3, zero_result_searches=3)
    return {"home": home_page, "other": other, "today": today}


def test_report_shows_chart_top_pages_referrers_and_searches(client, superuser, figures):
    client.force_login(superuser)
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Visite nel periodo" in html and ": 14</h2>" in html  # last 30 days only
    assert chart_bars(html) == 30 and "massimo 7 in un giorno" in html
    assert "google.com" in html and "regione.lazio.it" in html
    assert "bandi fami" in html and "corso excel" in html
    assert "Ricerche senza risultati" in html

    start = figures["today"] - datetime.timedelta(days=90)
    html = client.get(REPORT_URL, {"start": start.isoformat(), "end": figures["today"].isoformat()}).content.decode()
    assert ": 114</h2>" in html and chart_bars(html) == 91


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "ieri", "end": "2026-01-01"}, "Inserisci una data valida"),
        ({"start": "2026-02-01", "end": "2026-01-01"}, "La data di inizio deve precedere quella di fine"),
        ({"start": "2020-01-01", "end": "2026-01-01"}, "al massimo 366 giorni"),
        ({"start": "2020-01-01", "end": "2026-01-01", "export": "csv"}, "al massimo 366 giorni"),
        ({"start": ["2026-01-01", "2026-01-02"], "end": "10" * 50}, "Inserisci una data valida"),
        ({"export": "pdf"}, "Visite nel periodo"),
    ],
)
def test_bad_report_parameters_give_an_italian_error_not_a_500(client, superuser, figures, query, message):
    client.force_login(superuser)
    response = client.get(REPORT_URL, query)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_csv_and_xlsx_exports(client, superuser, figures):
    client.force_login(superuser)
    csv_response = client.get(REPORT_URL, {"export": "csv"})
    assert csv_response["Content-Type"].startswith("text/csv")
    assert csv_response.content.startswith("\ufeff".encode())
    text = csv_response.content.decode("utf-8-sig")
    assert "Pagine più viste" in text and f"{figures['today']:%d/%m/%Y};7" in text and "corso excel;3" in text

    xlsx_response = client.get(REPORT_URL, {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(xlsx_response.content))
    assert workbook.sheetnames[:2] == ["Visite per giorno", "Pagine più viste"]
    pages = list(workbook["Pagine più viste"].iter_rows(values_only=True))
    assert pages[0] == ("Pagina", "Indirizzo", "Visualizzazioni") and pages[1][0] == "Home" and pages[1][2] == 12


def test_report_and_dashboard_panel_need_the_permission(client, django_user_model, figures):
    editor = django_user_model.objects.create_user("redattore", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(REPORT_URL).status_code in (302, 403)
    assert "Visite negli ultimi 30 giorni" not in client.get("/admin/").content.decode()

    editor.user_permissions.add(Permission.objects.get(codename="view_dailypageview"))
    assert client.get(REPORT_URL).status_code == 200
    dashboard = client.get("/admin/").content.decode()
    assert "Visite negli ultimi 30 giorni" in dashboard and ">14<" in dashboard


def test_report_query_count_does_not_grow_with_rows(client, superuser, home_page):
    client.force_login(superuser)
    pages = [ContentPageFactory(parent=home_page) for _ in range(12)]
    for index, page in enumerate(pages[:2]):
        DailyPageViewFactory(page=page, views=index + 1)
    client.get(REPORT_URL)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(REPORT_URL)
    for index, page in enumerate(pages):
        DailyPageViewFactory(page=page, views=index + 1, referrer_domain=f"sito{index}.it")
    with CaptureQueriesContext(connection) as many:
        client.get(REPORT_URL)
    assert len(many) == len(few)


def test_exports_do_not_let_a_spreadsheet_run_page_titles_or_referrers(client, superuser, home_page):
    page = ContentPageFactory(parent=home_page, title='=HYPERLINK("http://evil.example")')
    DailyPageViewFactory(page=page, referrer_domain="-2+3", views=4)
    client.force_login(superuser)
    text = client.get(REPORT_URL, {"export": "csv"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'-2+3" in text

    workbook = load_workbook(io.BytesIO(client.get(REPORT_URL, {"export": "xlsx"}).content))
    titles = [row[0] for row in workbook["Pagine più viste"].iter_rows(min_row=2, values_only=True)]
    assert titles == ['=HYPERLINK("http://evil.example")']  # typed text: no visible apostrophe
    assert workbook["Pagine più viste"]["A2"].data_type == "s"
