"""The open data API as a data user meets it: the catalogue's figures from another origin, answers a
browser may cache and revalidate, a throttle, and clear 4xx answers to bad queries."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.log_actions import log

from core.amounts import euros
from tests.api.conftest import ORIGIN
from tests.factories.projects import bulk_projects

LICENCE = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


def api_get(client, url, **headers):
    return client.get(url, HTTP_ORIGIN=ORIGIN, **headers)


def catalogue_figures(html):
    """(results count, the funding table's total cost and EU contribution) as the catalogue page shows them."""
    count = int(re.search(r"(\d+) progett[oi]", html).group(1))
    total = re.search(r"<th scope=\"row\">Totale</th><td>(\d+)</td><td>([^<]+)</td><td>([^<]+)</td>", html)
    return count, int(total.group(1)), total.group(2), total.group(3)


def test_fei_projects_of_regione_lazio_from_another_origin_match_the_catalogue(client, open_data, project_catalogue):
    query = f"fondo={open_data['fei'].pk}&ente={open_data['regione'].pk}"
    page = client.get(f"{project_catalogue.url}?{query}").content.decode()
    listed = api_get(client, f"/api/v3/progetti/?{query}")
    totals = api_get(client, f"/api/v3/progetti/totali/?{query}")

    assert listed.status_code == totals.status_code == 200
    assert listed["Access-Control-Allow-Origin"] == "*"
    body = listed.json()
    assert [item["titolo"] for item in body["items"]] == ["Sportelli per l'integrazione"]
    count, table_count, table_cost, table_eu = catalogue_figures(page)
    figures = totals.json()
    assert body["count"] == count == table_count == figures["progetti"] == 1
    assert euros(Decimal(figures["costo_totale"])) == table_cost
    assert euros(Decimal(figures["contributo_ue"])) == table_eu
    project = body["items"][0]
    assert project["costo_totale"] == "250000.00"
    assert project["inizio_previsto"] == "2011-03-01"
    assert project["url"] == open_data["projects"]["concluded"].get_full_url()
    assert {"ruolo": "partner", "ente": {"id": open_data["regione"].pk, "nome": "Regione Lazio", "sigla": ""}} in (
        project["enti"]
    )


def test_every_filter_and_order_of_the_catalogue_is_answered(client, open_data):
    fei = api_get(client, f"/api/v3/progetti/?fondo={open_data['fei'].pk}&ordine=budget").json()
    assert [item["titolo"] for item in fei["items"]] == ["Sportelli per l'integrazione", "Mediatori culturali"]
    concluded = api_get(client, "/api/v3/progetti/?stato=concluso&ordine=titolo").json()
    assert [item["titolo"] for item in concluded["items"]] == ["Mediatori culturali", "Sportelli per l'integrazione"]
    themed = api_get(client, "/api/v3/progetti/?tema=formazione-linguistica").json()
    assert [item["titolo"] for item in themed["items"]] == ["Italiano per il lavoro"]
    paged = api_get(client, "/api/v3/progetti/?ordine=titolo&page=2&page_size=2").json()
    assert paged["count"] == 4
    assert [item["titolo"] for item in paged["items"]] == ["Mediatori culturali", "Sportelli per l'integrazione"]


def test_organisations_courses_news_events_and_contributions(client, open_data):
    regione = api_get(client, f"/api/v3/enti/{open_data['regione'].pk}/").json()
    assert regione["progetti"] == 2 and regione["costo_totale"] == "1150000.00"
    assert {"ruolo": "finanziatore", "progetti": 1} in regione["per_ruolo"]
    edition = api_get(client, f"/api/v3/corsi/{open_data['course'].pk}/").json()["edizioni"][0]
    assert edition["posti"] == 20 and edition["posti_liberi"] == 20 and edition["inizio"].startswith("2030-05-04")
    fei = api_get(client, f"/api/v3/fondi/{open_data['fei'].pk}/").json()
    assert [programme["codice"] for programme in fei["programmi"]] == ["PA2011"]
    assert api_get(client, "/api/v3/contributi/?anno=2025").json()["items"][0]["importo"] == "5000.00"
    assert api_get(client, "/api/v3/notizie/").json()["items"][0]["titolo"] == "Nuovo bando FAMI"
    assert api_get(client, "/api/v3/eventi/").json()["items"][0]["titolo"] == "Seminario FEI"


def test_cors_preflight_and_licence(client, open_data):
    preflight = client.options("/api/v3/progetti/", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Credentials" not in preflight
    answer = api_get(client, "/api/v3/progetti/")
    assert answer["Link"] == LICENCE
    assert answer["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert "ETag" in answer["Access-Control-Expose-Headers"]
    schema = api_get(client, "/api/v3/openapi.json").json()
    assert schema["info"]["license"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert client.head("/api/v3/progetti/", HTTP_ORIGIN=ORIGIN).status_code == 200


def test_conditional_requests_answer_304(client, open_data):
    first = api_get(client, "/api/v3/progetti/")
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=300"
    again = api_get(client, "/api/v3/progetti/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["Access-Control-Allow-Origin"] == "*"
    since = api_get(client, "/api/v3/progetti/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    assert since["Cache-Control"] == first["Cache-Control"]
    stale = api_get(client, "/api/v3/progetti/", HTTP_IF_NONE_MATCH='"altro"')
    assert stale.status_code == 200


def test_last_modified_moves_with_a_republish_and_a_snippet_edit(client, open_data, page_cache):
    """The latest change is kept until editors change anything: a republish (no page first
    published, no listing of every page) or a snippet's edit must not leave it behind."""
    first = api_get(client, "/api/v3/eventi/")
    project, now = open_data["other_fei"], datetime.datetime.now(datetime.UTC)
    with time_machine.travel(now + datetime.timedelta(seconds=3), tick=False):
        project.save_revision().publish()
        republished = api_get(client, "/api/v3/eventi/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert republished.status_code == 200 and republished["Last-Modified"] != first["Last-Modified"]
    since = republished["Last-Modified"]
    with time_machine.travel(now + datetime.timedelta(seconds=6), tick=False):
        fund = open_data["fei"]
        fund.name = "Fondo europeo per l'integrazione"
        fund.save()
        log(fund, "wagtail.edit")  # as the snippet's edit view logs it
        edited = api_get(client, "/api/v3/fondi/", HTTP_IF_MODIFIED_SINCE=since)
    assert edited.status_code == 200 and "Fondo europeo per l'integrazione" in edited.content.decode()


def test_a_client_over_its_limit_waits(client, open_data, settings):
    settings.API_RATE_LIMIT = 3
    assert [api_get(client, "/api/v3/fondi/").status_code for _ in range(3)] == [200, 200, 200]
    refused = api_get(client, "/api/v3/fondi/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert refused["Access-Control-Allow-Origin"] == "*"
    assert refused.json()["error"].startswith("Troppe richieste in poco tempo")
    other = client.get("/api/v3/fondi/", REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 200


@pytest.mark.parametrize(
    ("query", "status", "detail"),
    [
        ("page=abc", 422, "Parametri non validi: page."),
        ("page_size=100000", 422, "Parametri non validi: page_size."),
        ("stato=sospeso", 422, "Parametri non validi: stato."),
        ("anno=duemila", 422, "Parametri non validi: anno."),
        ("fondo=9999", 400, "Valore sconosciuto per «fondo»: 9999."),
        ("tema=inesistente", 400, "Valore sconosciuto per «tema»: inesistente."),
    ],
)
def test_bad_input_is_a_clear_4xx(client, open_data, query, status, detail):
    answer = api_get(client, f"/api/v3/progetti/?{query}")
    assert answer.status_code == status
    assert answer["Content-Type"] == "application/problem+json"
    assert answer.json()["detail"] == detail


def test_unknown_ids_are_404(client, open_data):
    answer = api_get(client, "/api/v3/progetti/999999/")
    assert answer.status_code == 404
    assert answer.json()["detail"] == "Elemento inesistente o non pubblicato."


def queries(client, url):
    api_get(client, url)  # what a process reads once (content types, locales, site root)
    with CaptureQueriesContext(connection) as captured:
        assert api_get(client, url).status_code == 200
    return len(captured)


LISTS = ["/api/v3/progetti/?ordine=budget", "/api/v3/enti/", "/api/v3/corsi/", "/api/v3/eventi/"]


def test_query_counts_do_not_grow_with_the_rows(client, open_data, project_catalogue):
    kwargs = {"funds": [open_data["fei"]], "organisations": [open_data["regione"], open_data["coop"]]}
    bulk_projects(project_catalogue, 3, **kwargs)
    few = [queries(client, url) for url in LISTS]
    detail = queries(client, f"/api/v3/progetti/{open_data['other_fei'].pk}/")
    bulk_projects(project_catalogue, 30, **kwargs)
    assert [queries(client, url) for url in LISTS] == few
    assert queries(client, f"/api/v3/progetti/{open_data['other_fei'].pk}/") == detail
    assert max(few) <= 12
