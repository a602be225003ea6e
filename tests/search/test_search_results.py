"""The /cerca/ results page with content pages (the catalogue types are tested in test_catalogues.py)."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.contrib.search_promotions.models import Query

from search.models import ApprovedSearch, SearchQueryDay
from serving.management.commands.run_scheduler import JOBS
from tests.factories import ContentPageFactory
from tests.factories.search import SearchPromotionFactory, SearchQueryDayFactory
from tests.search.helpers import result_titles

pytestmark = pytest.mark.django_db


def plain(fragment):
    return re.sub(r"</?mark>", "", fragment)


def test_italian_word_forms_match(home_page, search_page):
    ContentPageFactory(parent=home_page, title="Progetti europei per l'integrazione")
    ContentPageFactory(parent=home_page, title="Chi siamo")
    for query in ("progetto", "progetti", "PROGETTI"):
        found = [plain(t) for t in result_titles(search_page(q=query)[1])]
        assert found[0] == "Progetti europei per l&#x27;integrazione", query
        assert "Chi siamo" not in found


def test_accents_do_not_matter(home_page, search_page):
    ContentPageFactory(parent=home_page, title="Attività di formazione")
    ContentPageFactory(parent=home_page, title="Perché lavorare con noi")
    assert [plain(t) for t in result_titles(search_page(q="attivita")[1])] == ["Attività di formazione"]
    assert [plain(t) for t in result_titles(search_page(q="perche")[1])] == ["Perché lavorare con noi"]
    assert [plain(t) for t in result_titles(search_page(q="perché")[1])] == ["Perché lavorare con noi"]


def test_a_title_match_ranks_above_body_matches(home_page, search_page):
    ContentPageFactory(
        parent=home_page,
        title="Notizie dall'ufficio",
        intro="Il monitoraggio dei progetti: monitoraggio fisico, monitoraggio finanziario, monitoraggio.",
    )
    ContentPageFactory(parent=home_page, title="Monitoraggio", intro="Come seguiamo i lavori.")
    ContentPageFactory(parent=home_page, title="Rendicontazione", intro="Dopo il monitoraggio viene il rendiconto.")
    found = [plain(t) for t in result_titles(search_page(q="monitoraggio")[1])]
    assert found[0] == "Monitoraggio"
    assert sorted(found) == ["Monitoraggio", "Notizie dall&#x27;ufficio", "Rendicontazione"]


def test_counts_per_type_and_filter(home_page, search_page):
    for n in range(3):
        ContentPageFactory(parent=home_page, title=f"Fondo sociale {n}")
    response, html = search_page(q="fondo")
    assert "3 risultati per «fondo»" in html
    assert re.search(r'href="\?q=fondo&amp;tipo=pagine">Pagine <span class="search-types__count">\(3\)', html)
    response, html = search_page(q="fondo", tipo="pagine")
    assert 'aria-current="true">Pagine' in html
    assert len(result_titles(html)) == 3


def test_unknown_type_shows_every_type(home_page, search_page):
    ContentPageFactory(parent=home_page, title="Fondo sociale")
    response, html = search_page(q="fondo", tipo="<script>")
    assert response.status_code == 200
    assert len(result_titles(html)) == 1
    assert "<script>" not in html.split("</header>")[1]


def test_result_shows_type_date_and_highlighted_summary(home_page, search_page):
    ContentPageFactory(
        parent=home_page,
        title="Assistenza tecnica",
        intro="Offriamo assistenza tecnica alle amministrazioni per i fondi europei.",
        last_published_at=timezone.make_aware(timezone.datetime(2026, 2, 3, 23, 30), timezone.get_fixed_timezone(0)),
    )
    _, html = search_page(q="fondi europei")
    result = html.split('class="search-result"')[1]
    assert '<p class="search-result__type">Pagina</p>' in result
    assert "Aggiornata il 4 febbraio 2026" in result  # shown in Rome time
    assert "per i <mark>fondi</mark> <mark>europei</mark>." in result


def test_highlighting_escapes_page_text(home_page, search_page):
    ContentPageFactory(parent=home_page, title="Fondo <b>nuovo</b>", intro='Il fondo "<script>alert(1)</script>"')
    _, html = search_page(q="fondo")
    assert "Fondo &lt;b&gt;nuovo&lt;/b&gt;</a>" in html
    assert "Il <mark>fondo</mark> &quot;&lt;script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_body_text_gives_the_summary_when_the_intro_does_not_match(home_page, search_page):
    body = [("paragraph", "<p>Un testo lungo che parla di rendicontazione delle spese ammissibili.</p>")]
    ContentPageFactory(parent=home_page, title="Servizi", intro="Quello che facciamo.", body=body)
    _, html = search_page(q="rendicontazione")
    assert "parla di <mark>rendicontazione</mark> delle spese" in html


def test_editors_picks_come_first(home_page, search_page):
    ContentPageFactory(parent=home_page, title="Fondo sociale europeo")
    pick = ContentPageFactory(parent=home_page, title="Contatti")
    SearchPromotionFactory(query_string="fondo", page=pick, description="Scrivici per i bandi.")
    SearchPromotionFactory(query_string="fondo", external_link_url="https://ec.europa.eu/", external_link_text="UE")
    _, html = search_page(q="Fondo")
    picks = html.split('id="search-picks-title"')[1].split("</section>")[0]
    assert picks.index("Contatti") < picks.index("UE") and "Scrivici per i bandi." in picks
    assert html.index("search-picks") < html.index("search-results")


def test_unpublished_picks_are_hidden(home_page, search_page):
    draft = ContentPageFactory(parent=home_page, title="Bozza", live=False)
    SearchPromotionFactory(query_string="fondo", page=draft)
    assert "In evidenza" not in search_page(q="fondo")[1]


def test_every_search_is_logged_once_including_fruitless_ones(home_page, search_page):
    ContentPageFactory(parent=home_page, title="Fondo sociale")
    search_page(q="Fondo")
    search_page(q="fondo", tipo="pagine")  # narrowing the same search is not a new search
    search_page(q="fondo", page="2")
    search_page(q="zzzz")
    search_page(q='"')  # nothing searchable: nothing to log
    rows = {row.query: (row.searches, row.zero_result_searches) for row in SearchQueryDay.objects.all()}
    assert rows == {"fondo": (1, 0), "zzzz": (1, 1)}
    assert Query.get("fondo").hits == 1 and Query.get("zzzz").hits == 1


def test_no_results_page_helps(home_page, search_page):
    ContentPageFactory(parent=home_page, title="Formazione")
    SearchQueryDayFactory(query="formazione", searches=5)
    SearchQueryDayFactory(query="introvabile", searches=9, zero_result_searches=9)
    ApprovedSearch.objects.create(query="formazione")
    ApprovedSearch.objects.create(query="introvabile")
    _, html = search_page(q="zzzz")
    assert "Nessun risultato" in html and "controlla che le parole siano scritte correttamente" in html
    popular = html.split('class="search-popular"')[1].split("</ul>")[0]
    assert '<a href="/cerca/?q=formazione">formazione</a>' in popular
    assert "introvabile" not in popular


def test_pagination_keeps_query_and_survives_bad_numbers(home_page, search_page):
    for n in range(13):
        ContentPageFactory(parent=home_page, title=f"Fondo {n}")
    _, first = search_page(q="fondo")
    assert len(result_titles(first)) == 10 and 'href="?q=fondo&amp;page=2"' in first
    _, second = search_page(q="fondo", page="2")
    assert len(result_titles(second)) == 3 and '<ol class="search-results" start="11">' in second
    assert result_titles(search_page(q="fondo", page="abc")[1]) == result_titles(first)
    assert result_titles(search_page(q="fondo", page="1000000000")[1]) == result_titles(second)
    assert set(map(plain, result_titles(first))).isdisjoint(map(plain, result_titles(second)))


def test_results_page_is_noindex_and_the_same_for_every_anonymous_visitor(
    home_page, search_page, client, another_client
):
    ContentPageFactory(parent=home_page, title="Fondo sociale")
    first, html_a = search_page(client, q="fondo")
    second, html_b = search_page(another_client, q="fondo")
    assert html_a == html_b
    assert '<meta name="robots" content="noindex">' in html_a
    assert "csrfmiddlewaretoken" not in html_a and not first.cookies and not second.cookies


def test_query_count_does_not_grow_with_results(home_page, client):
    ContentPageFactory(parent=home_page, title="Fondo 0")
    client.get("/cerca/", {"q": "fondo", "tipo": "pagine"})  # warm caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        client.get("/cerca/", {"q": "fondo", "tipo": "pagine"})
    for n in range(1, 10):
        ContentPageFactory(parent=home_page, title=f"Fondo {n}")
    client.get("/cerca/", {"q": "fondo", "tipo": "pagine"})  # rebuild the cached menu, boxes and banner
    with CaptureQueriesContext(connection) as many:
        client.get("/cerca/", {"q": "fondo", "tipo": "pagine"})
    assert len(many) == len(few)


def test_editors_see_the_search_log(home_page, client, superuser):
    SearchQueryDayFactory(query="fondo sociale", searches=4)
    SearchQueryDayFactory(query="introvabile", searches=2, zero_result_searches=2)
    client.force_login(superuser)
    html = client.get("/admin/reports/ricerche/").content.decode()
    assert "Ricerche del sito" in html and "fondo sociale" in html and "introvabile" in html
    fruitless = client.get("/admin/reports/ricerche/", {"only_fruitless": "on"}).content.decode()
    assert "introvabile" in fruitless and "fondo sociale" not in fruitless
    export = client.get("/admin/reports/ricerche/", {"export": "csv"}).content.decode("utf-8-sig")
    assert "Giorno;Testo cercato;Ricerche;Senza risultati" in export and "introvabile;2;2" in export
    workbook = load_workbook(io.BytesIO(client.get("/admin/reports/ricerche/", {"export": "xlsx"}).content))
    assert workbook.sheetnames == ["Ricerche"]
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/reports/ricerche/" in dashboard


def test_anonymous_visitors_cannot_see_the_search_log(client):
    assert client.get("/admin/reports/ricerche/").status_code == 302


def test_moderators_manage_editors_picks(client, django_user_model):
    from django.contrib.auth.models import Group

    moderator = django_user_model.objects.create_user("moderatrice", "m@asap.example", "una-password-robusta")
    moderator.groups.add(Group.objects.get(name="Moderatori"))
    client.force_login(moderator)
    assert client.get("/admin/searchpicks/").status_code == 200
    assert client.get("/admin/searchpicks/add/").status_code == 200


def test_every_word_must_match_but_anywhere_in_the_page(home_page, search_page):
    ContentPageFactory(parent=home_page, title="Formazione", intro="Per i giovani del territorio.")
    ContentPageFactory(parent=home_page, title="Formazione", intro="Per gli anziani.")
    ContentPageFactory(parent=home_page, title="Giovani e sport", intro="Attività all'aperto.")
    found = result_titles(search_page(q="formazione giovani")[1])
    assert found == ["Formazione"]


def test_the_empty_search_page_suggests_popular_searches(home_page, search_page):
    SearchQueryDayFactory(query="formazione", searches=5)
    ApprovedSearch.objects.create(query="formazione")
    _, html = search_page()
    assert "Ricerche frequenti" in html and '<a href="/cerca/?q=formazione">formazione</a>' in html
    assert "search-count" not in html


def test_only_searches_an_editor_approved_are_suggested(home_page, search_page):
    SearchQueryDayFactory(query="formazione", searches=5)
    SearchQueryDayFactory(query="mario rossi 3331234567", searches=50)
    ApprovedSearch.objects.create(query=" Formazione ")
    _, html = search_page(q="zzzz")
    popular = html.split('class="search-popular"')[1].split("</ul>")[0]
    assert "formazione" in popular and "mario rossi" not in html


def test_editors_approve_popular_searches_in_the_admin(client, superuser):
    client.force_login(superuser)
    response = client.post("/admin/snippets/search/approvedsearch/add/", {"query": "Bandi aperti"})
    assert response.status_code == 302
    assert list(ApprovedSearch.objects.values_list("query", flat=True)) == ["bandi aperti"]


def test_the_search_log_is_purged_after_its_retention_period(settings):
    settings.SEARCH_LOG_RETENTION_DAYS = 30
    today = timezone.localdate()
    SearchQueryDayFactory(query="vecchia", day=today - datetime.timedelta(days=31))
    SearchQueryDayFactory(query="recente", day=today - datetime.timedelta(days=30))
    call_command("purge_search_log", "--dry-run", stdout=io.StringIO())
    assert SearchQueryDay.objects.count() == 2
    call_command("purge_search_log", stdout=io.StringIO())
    assert list(SearchQueryDay.objects.values_list("query", flat=True)) == ["recente"]
    assert ("purge_search_log", 86400) in JOBS


def test_moderators_may_approve_popular_searches():
    moderators = Group.objects.get(name="Moderatori")
    codenames = set(moderators.permissions.filter(content_type__app_label="search").values_list("codename", flat=True))
    assert {"add_approvedsearch", "change_approvedsearch", "delete_approvedsearch"} <= codenames
