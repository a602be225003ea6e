import re
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories.projects import (
    FundFactory,
    OrganisationFactory,
    ProjectPageFactory,
    TerritoryFactory,
    ThemeFactory,
    bulk_projects,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def option_text(response, name):
    """The visible options of one facet's <select>, e.g. ["Tutti", "FEI 2007-2013 (1)"]."""
    html = response.content.decode()
    select = re.search(rf'<select name="{name}" id="filtro-{name}">(.*?)</select>', html, re.S).group(1)
    return [text.strip() for text in re.findall(r">([^<]+)</option>", select)]


def test_catalogue_lists_published_projects_newest_start_first(client, project_catalogue, portfolio):
    draft = ProjectPageFactory(parent=project_catalogue, title="Bozza non pubblicata", live=False)
    response = client.get(project_catalogue.url)
    assert response.status_code == 200
    assert titles(response) == ["Accoglienza diffusa", "Italiano per il lavoro", "Sportelli per l&#x27;integrazione"]
    assert draft.title not in response.content.decode()
    assert "3 progetti" in response.content.decode()


def test_facets_show_counts_and_combine(client, project_catalogue, portfolio):
    response = client.get(project_catalogue.url)
    assert option_text(response, "fondo") == ["Tutti", "FAMI 2014-2020 (2)", "FEI 2007-2013 (1)"]
    assert option_text(response, "stato") == ["Tutti", "Programmato (1)", "In corso (1)", "Concluso (1)"]
    assert "Integrazione (2)" in option_text(response, "tema")
    assert "Cooperativa Sociale Ponte (2)" in option_text(response, "ente")
    assert "Gestione (1)" in option_text(response, "servizio")
    assert "2011 (1)" in option_text(response, "anno")

    fami = portfolio["fami"]
    response = client.get(project_catalogue.url, {"fondo": fami.pk})
    assert titles(response) == ["Accoglienza diffusa", "Italiano per il lavoro"]
    # Other facets count within the chosen fund; the fund facet itself still offers the other fund.
    assert option_text(response, "stato") == ["Tutti", "Programmato (1)", "In corso (1)"]
    assert option_text(response, "fondo") == ["Tutti", "FAMI 2014-2020 (2)", "FEI 2007-2013 (1)"]
    assert "Fondo: FAMI 2014-2020" in response.content.decode()

    response = client.get(project_catalogue.url, {"fondo": fami.pk, "stato": "in-corso"})
    assert titles(response) == ["Italiano per il lavoro"]
    response = client.get(project_catalogue.url, {"fondo": fami.pk, "territorio": portfolio["lazio"].pk})
    assert titles(response) == ["Accoglienza diffusa"]
    response = client.get(project_catalogue.url, {"tema": "integrazione", "ente": portfolio["coop"].pk})
    assert titles(response) == ["Italiano per il lavoro", "Sportelli per l&#x27;integrazione"]
    response = client.get(project_catalogue.url, {"servizio": "formazione"})
    assert titles(response) == ["Italiano per il lavoro"]
    response = client.get(project_catalogue.url, {"anno": 2011})
    assert titles(response) == ["Sportelli per l&#x27;integrazione"]


def test_programme_facet_includes_annual_programmes_and_actions(client, project_catalogue, portfolio):
    from tests.factories.projects import FundingProgrammeFactory

    parent = FundingProgrammeFactory(fund=portfolio["fei"], name="Programma pluriennale", code="PP")
    portfolio["programme"].parent = parent
    portfolio["programme"].save()
    response = client.get(project_catalogue.url, {"programma": parent.pk})
    assert titles(response) == ["Sportelli per l&#x27;integrazione"]
    assert "FEI · PP Programma pluriennale (1)" in option_text(response, "programma")


def test_text_facet_uses_site_search(client, project_catalogue, portfolio):
    response = client.get(project_catalogue.url, {"q": "italiano"})
    assert titles(response) == ["Italiano per il lavoro"]
    response = client.get(project_catalogue.url, {"q": '"SPIN*'})
    assert titles(response) == ["Sportelli per l&#x27;integrazione"]
    response = client.get(project_catalogue.url, {"q": "parolainesistente"})
    assert "Nessun progetto corrisponde" in response.content.decode()


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("titolo", ["Accoglienza diffusa", "Italiano per il lavoro", "Sportelli per l&#x27;integrazione"]),
        ("budget", ["Italiano per il lavoro", "Sportelli per l&#x27;integrazione", "Accoglienza diffusa"]),
        ("fine", ["Accoglienza diffusa", "Italiano per il lavoro", "Sportelli per l&#x27;integrazione"]),
    ],
)
def test_sorting(client, project_catalogue, portfolio, order, expected):
    assert titles(client.get(project_catalogue.url, {"ordine": order})) == expected


def test_pagination_keeps_filters(client, project_catalogue, portfolio):
    project_catalogue.projects_per_page = 2
    project_catalogue.save()
    response = client.get(project_catalogue.url, {"ordine": "titolo"})
    assert titles(response) == ["Accoglienza diffusa", "Italiano per il lavoro"]
    assert 'href="?ordine=titolo&amp;page=2"' in response.content.decode()
    assert titles(client.get(project_catalogue.url, {"ordine": "titolo", "page": 2})) == [
        "Sportelli per l&#x27;integrazione"
    ]


@pytest.mark.parametrize(
    "query",
    [
        {"fondo": "abc"},
        {"fondo": "999999"},
        {"fondo": str(10**30)},
        {"fondo": "-1"},
        {"programma": "1; DROP TABLE"},
        {"stato": "sconosciuto"},
        {"tema": "<script>"},
        {"anno": "duemila"},
        {"anno": "99999"},
        {"ordine": "password"},
        {"page": str(10**9)},
        {"page": "x"},
        {"page": "9" * 5000},
        {"q": "\x00" + '"' * 300},
        {"ente": "0"},
    ],
)
def test_bad_input_gives_a_normal_page(client, project_catalogue, portfolio, query):
    response = client.get(project_catalogue.url, query)
    assert response.status_code == 200


def test_malformed_values_are_ignored_and_reported_next_to_their_field(client, project_catalogue, portfolio):
    response = client.get(project_catalogue.url, {"fondo": "abc", "anno": "99999", "stato": "in-corso"})
    html = response.content.decode()
    assert titles(response) == ["Italiano per il lavoro"]  # the valid status still applies
    for name in ("fondo", "anno"):
        assert f'id="filtro-{name}-errore">Valore non valido: scegli una delle opzioni proposte.</p>' in html
        assert f'aria-describedby="filtro-{name}-errore"' in html
    assert 'id="filtro-stato-errore"' not in html


def test_repeated_parameters_take_the_last_value(client, project_catalogue, portfolio):
    url = f"{project_catalogue.url}?fondo=abc&fondo={portfolio['fami'].pk}&stato=x&stato=in-corso"
    assert titles(client.get(url)) == ["Italiano per il lavoro"]


def test_unknown_organisation_page_is_404_and_known_one_lists_its_projects(client, project_catalogue, portfolio):
    assert client.get(f"{project_catalogue.url}ente/999999/").status_code == 404
    assert client.get(f"{project_catalogue.url}ente/abc/").status_code == 404
    assert client.get(f"{project_catalogue.url}ente/{10**30}/").status_code == 404
    response = client.get(f"{project_catalogue.url}ente/{portfolio['regione'].slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Regione Lazio</h1>" in html
    assert titles(response) == ["Sportelli per l&#x27;integrazione"]
    assert 'id="filtro-ente"' not in html


def test_filtered_states_are_not_indexed_but_the_catalogue_is(client, project_catalogue, portfolio):
    assert "noindex" not in client.get(project_catalogue.url).content.decode()
    assert (
        '<meta name="robots" content="noindex, follow">'
        in client.get(project_catalogue.url, {"stato": "concluso"}).content.decode()
    )


def test_catalogue_html_is_the_same_for_every_anonymous_visitor(client, project_catalogue, portfolio):
    first = client.get(project_catalogue.url)
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert "<script>" not in first.content.decode()
    assert not first.cookies


def catalogue_queries(client, url):
    client.get(url)  # warm caches (site root paths, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_projects(client, project_catalogue):
    funds = [FundFactory(), FundFactory()]
    themes = [ThemeFactory(), ThemeFactory()]
    territories = [TerritoryFactory()]
    organisations = [OrganisationFactory(), OrganisationFactory(), OrganisationFactory()]
    kwargs = {"funds": funds, "themes": themes, "territories": territories, "organisations": organisations}
    bulk_projects(project_catalogue, 5, **kwargs)
    url = f"{project_catalogue.url}?tema={themes[0].slug}&ordine=budget"
    few = catalogue_queries(client, project_catalogue.url), catalogue_queries(client, url)
    bulk_projects(project_catalogue, 195, **kwargs)
    many = catalogue_queries(client, project_catalogue.url), catalogue_queries(client, url)
    assert "200 progetti" in client.get(project_catalogue.url).content.decode()
    assert few == many


PARAMETERS = ["q", "fondo", "programma", "stato", "tema", "territorio", "ente", "servizio", "anno", "ordine", "page"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.sampled_from(PARAMETERS), st.text(max_size=30) | st.integers().map(str)),
        max_size=6,
    )
)
def test_any_query_string_gives_a_page_not_an_error(client, project_catalogue, portfolio, pairs):
    url = f"{project_catalogue.url}?{urlencode(pairs)}"
    assert client.get(url).status_code == 200
    assert client.get(f"{project_catalogue.url}dati/json/?{urlencode(pairs)}").status_code == 200


def test_other_pages_of_a_listing_reuse_its_order_cards_and_form(client, project_catalogue, portfolio):
    """Once the first visitor built them, the ordered ids, the counts, the filter form and the cards
    are kept, and so is the routing: a page of the listing asks the database nothing (and, for a new
    page, only the rows of its cards), never to sort or count again."""
    bulk_projects(project_catalogue, 30)
    url = f"{project_catalogue.url}?ordine=budget"
    assert catalogue_queries(client, url) == 0
    with CaptureQueriesContext(connection) as captured:
        html = client.get(f"{url}&page=2").content.decode()
    assert "Pagina 2 di" in html
    assert len(captured) == 3  # the page's new cards: rows, lead partners, territories
    sqls = [query["sql"] for query in captured.captured_queries]
    assert not any("COUNT(" in sql or ("ORDER BY" in sql and "total_cost" in sql) for sql in sqls)
    organisation_page = f"{project_catalogue.url}ente/{portfolio['regione'].slug}/"
    assert catalogue_queries(client, organisation_page) == 1  # the organisation (an unknown id is a 404)
