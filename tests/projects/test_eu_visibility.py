"""EU visibility on project pages: objectives and expected results before the indicators, the emblem
with the fund's statement and the mandatory logos at the top, the check before publishing, the open
data's new columns and the links to the official registers."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from projects.exports import COLUMNS
from projects.models import FundLogo, ProgrammeLogo, ProjectPage
from projects.visibility import publication_gaps
from tests.factories import ImageFactory
from tests.factories.projects import (
    FundFactory,
    FundingProgrammeFactory,
    ProjectPageFactory,
    ProjectResultFactory,
)

pytestmark = pytest.mark.django_db

OBJECTIVES = "<p>Aprire <b>tre</b> sportelli.</p><ul><li>Latina</li><li>Frosinone &amp; Sora</li></ul>"
RESULTS = "<p>Mille persone orientate ai servizi.</p>"


def html_of(client, page):
    return client.get(page.url).content.decode()


# --- the page -------------------------------------------------------------------------------------


def test_summary_objectives_expected_results_then_indicators(client, project_catalogue):
    project = ProjectPageFactory(
        parent=project_catalogue, summary="Sintesi breve.", objectives=OBJECTIVES, expected_results=RESULTS
    )
    ProjectResultFactory(project=project, name="Sportelli attivati")
    html = html_of(client, project)
    positions = [
        html.index("Sintesi breve."),
        html.index('<h2 id="obiettivi">Obiettivi</h2>'),
        html.index("Aprire <b>tre</b> sportelli."),
        html.index('<h2 id="risultati-attesi">Risultati attesi</h2>'),
        html.index("Mille persone orientate"),
        html.index('<h2 id="indicatori">Indicatori</h2>'),
        html.index("Sportelli attivati"),
    ]
    assert positions == sorted(positions)


def test_a_project_without_objectives_shows_no_empty_sections(client, project_catalogue):
    html = html_of(client, ProjectPageFactory(parent=project_catalogue))
    assert 'id="obiettivi"' not in html and 'id="risultati-attesi"' not in html


def test_objectives_and_results_are_searchable(project_catalogue):
    fields = {field.field_name for field in ProjectPage.search_fields}
    assert {"objectives", "expected_results"} <= fields


@pytest.mark.parametrize(
    "statement, text",
    [
        ("finanziato", "Finanziato dall&#x27;Unione europea"),
        ("cofinanziato", "Cofinanziato dall&#x27;Unione europea"),
        ("nextgenerationeu", "Finanziato dall&#x27;Unione europea – NextGenerationEU"),
    ],
)
def test_the_statement_comes_from_the_fund(client, project_catalogue, statement, text):
    project = ProjectPageFactory(parent=project_catalogue, fund=FundFactory(eu_statement=statement))
    html = html_of(client, project)
    top = html.split('<header class="page-header project__header">')[0]
    assert f"<span>{text}</span>" in top  # at the top of the page, before the title
    assert 'role="img" aria-label="Emblema dell&#x27;Unione europea"' in top
    assert "<title>Emblema dell&#x27;Unione europea</title>" in top
    assert top.count("<polygon") == 12  # twelve stars


def test_a_project_may_override_its_funds_statement(client, project_catalogue):
    project = ProjectPageFactory(
        parent=project_catalogue, fund=FundFactory(eu_statement="cofinanziato"), eu_statement="nextgenerationeu"
    )
    assert "– NextGenerationEU</span>" in html_of(client, project)


def test_new_funds_are_cofinanced_by_default():
    assert FundFactory().eu_statement == "cofinanziato"


def test_the_strip_shows_the_programmes_logos_in_their_order_else_the_funds(client, project_catalogue):
    fund = FundFactory()
    programme = FundingProgrammeFactory(fund=fund)
    for order, name in enumerate(["Repubblica Italiana", "Regione Lazio"]):
        FundLogo.objects.create(fund=fund, image=ImageFactory(), alt_text=name, sort_order=order)
    project = ProjectPageFactory(parent=project_catalogue, fund=fund)
    html = html_of(client, project)
    strip = html.split('aria-label="Loghi obbligatori"')[1].split("</ul>")[0]
    assert strip.index('alt="Repubblica Italiana"') < strip.index('alt="Regione Lazio"')

    # A programme with its own strip wins, in the order the programme fixes.
    for order, name in enumerate(["Ministero dell'Interno", "Unione europea", "Regione Lazio"]):
        ProgrammeLogo.objects.create(programme=programme, image=ImageFactory(), alt_text=name, sort_order=2 - order)
    project.programme = programme
    project.save()
    strip = html_of(client, project).split('aria-label="Loghi obbligatori"')[1].split("</ul>")[0]
    alts = [part.split('"')[0] for part in strip.split('alt="')[1:]]
    assert alts == ["Regione Lazio", "Unione europea", "Ministero dell&#x27;Interno"]


def test_a_national_project_shows_no_emblem_and_no_strip(client, project_catalogue):
    fund = FundFactory(level="nazionale", eu_statement="")
    FundLogo.objects.create(fund=fund, image=ImageFactory(), alt_text="Repubblica Italiana", sort_order=0)
    project = ProjectPageFactory(parent=project_catalogue, fund=fund, eu_contribution=None)
    html = html_of(client, project)
    assert "Emblema" not in html and "Loghi obbligatori" not in html and "Unione europea" not in html


# --- links to the registers ---------------------------------------------------------------------------


def test_the_cup_links_to_opencup_and_the_other_registers_are_optional(client, project_catalogue):
    project = ProjectPageFactory(parent=project_catalogue, cup="F89E11000160007")
    html = html_of(client, project)
    assert (
        '<a href="https://www.opencup.gov.it/portale/web/opencup/home/progetto/-/cup/F89E11000160007">'
        "Verifica il CUP su OpenCUP</a>"
    ) in html
    assert "OpenCoesione" not in html and "Kohesio" not in html
    assert 'target="_blank"' not in html  # same tab, so no "opens in a new window" hint is needed

    project.opencoesione_url = "https://opencoesione.gov.it/it/progetti/1lapi0001/"
    project.kohesio_url = "https://kohesio.ec.europa.eu/it/projects/Q1234"
    project.save()
    html = html_of(client, project)
    assert '<a href="https://opencoesione.gov.it/it/progetti/1lapi0001/">Il progetto su OpenCoesione</a>' in html
    assert '<a href="https://kohesio.ec.europa.eu/it/projects/Q1234">Il progetto su Kohesio</a>' in html


@pytest.mark.parametrize(
    "field, address",
    [
        ("opencoesione_url", "https://opencoesione.gov.it.example.com/progetti/1"),
        ("opencoesione_url", "http://opencoesione.gov.it/progetti/1"),
        ("kohesio_url", "https://ec.europa.eu/kohesio/1"),
        ("kohesio_url", "https://example.com/?u=kohesio.ec.europa.eu"),
    ],
)
def test_register_addresses_must_be_on_the_registers_site(project_catalogue, field, address):
    project = ProjectPageFactory.build(**{field: address})
    with pytest.raises(ValidationError) as error:
        project.full_clean(exclude=["path", "depth", "content_type", "translation_key", "locale"])
    assert "deve cominciare con https:// ed essere sul sito" in str(error.value.message_dict[field])


# --- open data ---------------------------------------------------------------------------------------


def test_exports_append_the_new_columns_as_plain_text(client, project_catalogue):
    ProjectPageFactory(
        parent=project_catalogue,
        objectives=OBJECTIVES,
        expected_results=RESULTS,
        kohesio_url="https://kohesio.ec.europa.eu/it/projects/Q1",
    )
    assert COLUMNS[:3] == ["id", "titolo", "acronimo"] and COLUMNS[23] == "ruoli_asap"
    assert COLUMNS[24:] == ["obiettivi", "risultati_attesi", "dicitura_ue", "url_opencoesione", "url_kohesio"]
    response = client.get(f"{project_catalogue.url}dati/csv/")
    row = next(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["obiettivi"] == "Aprire tre sportelli.\nLatina\nFrosinone & Sora"
    assert row["risultati_attesi"] == "Mille persone orientate ai servizi."
    assert row["dicitura_ue"] == "Cofinanziato dall'Unione europea"
    assert row["url_kohesio"] == "https://kohesio.ec.europa.eu/it/projects/Q1"
    record = json.loads(client.get(f"{project_catalogue.url}dati/json/").content)["progetti"][0]
    assert list(record) == COLUMNS
    assert record["obiettivi"] == "Aprire tre sportelli.\nLatina\nFrosinone & Sora"
    assert record["url_opencoesione"] == ""


# --- the check before publishing ---------------------------------------------------------------------


@pytest.fixture
def redattrice(django_user_model, editorial_groups):
    user = django_user_model.objects.create_user("redattrice", "redattrice@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name="Redattori"))
    return user


def project_form(fund, action=None, **fields):
    data = {
        "title": "Sportelli a Latina",
        "slug": "sportelli-a-latina",
        "summary": "Tre sportelli informativi.",
        "objectives": rich_text(""),
        "expected_results": rich_text(""),
        "body": streamfield([]),
        "fund": fund.pk,
        "eu_contribution": "1000",
        "total_cost": "2000",
        "organisation_roles": inline_formset([]),
        "results": inline_formset([]),
        "documents": inline_formset([]),
        "related_links": inline_formset([]),
        **fields,
    }
    if action:
        data[action] = action
    return nested_form_data(data)


def test_a_draft_may_stay_incomplete_but_submitting_it_names_what_is_missing(client, redattrice, project_catalogue):
    fund = FundFactory()
    client.force_login(redattrice)
    add_url = reverse("wagtailadmin_pages:add", args=["projects", "projectpage", project_catalogue.pk])
    assert client.post(add_url, project_form(fund)).status_code == 302  # a draft
    project = ProjectPage.objects.get(slug="sportelli-a-latina")
    assert not project.live

    edit_url = reverse("wagtailadmin_pages:edit", args=[project.pk])
    response = client.post(edit_url, project_form(fund, "action-submit"))
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Per pubblicare un progetto finanziato dall&#x27;Unione europea mancano ancora questi dati: "
        "«Obiettivi», «Risultati attesi»."
    ) in html
    assert "Necessario per pubblicare un progetto finanziato dall&#x27;Unione europea." in html
    project.refresh_from_db()
    assert project.current_workflow_state is None  # nothing went to the moderators

    filled = project_form(fund, "action-submit", objectives=rich_text(OBJECTIVES), expected_results=rich_text(RESULTS))
    assert client.post(edit_url, filled).status_code == 302
    project.refresh_from_db()
    assert project.current_workflow_state is not None  # waiting for a moderator
    assert "Aprire" in project.get_latest_revision_as_object().objectives


def test_publishing_without_a_statement_is_refused_and_a_national_project_is_not_checked(
    admin_client, project_catalogue
):
    no_statement = FundFactory(level="nazionale", eu_statement="")
    add_url = reverse("wagtailadmin_pages:add", args=["projects", "projectpage", project_catalogue.pk])
    complete = {"objectives": rich_text(OBJECTIVES), "expected_results": rich_text(RESULTS)}
    response = admin_client.post(add_url, project_form(no_statement, "action-publish", **complete))
    assert response.status_code == 200
    assert "mancano ancora questo dato" not in response.content.decode()
    assert "manca ancora questo dato: «Dicitura sul finanziamento UE»." in response.content.decode()

    published = project_form(no_statement, "action-publish", eu_statement="cofinanziato", **complete)
    assert admin_client.post(add_url, published).status_code == 302
    assert ProjectPage.objects.get(slug="sportelli-a-latina").live

    national = project_form(no_statement, "action-publish", slug="nazionale", eu_contribution="")
    assert admin_client.post(add_url, national).status_code == 302
    assert ProjectPage.objects.get(slug="nazionale").live


def test_what_counts_as_eu_funded_for_the_check():
    national = FundFactory.build(level="nazionale")  # the statement left at its default
    assert publication_gaps({"fund": national}) == []
    assert [name for name, _ in publication_gaps({"fund": national, "eu_contribution": 1})] == [
        "objectives",
        "expected_results",
    ]
    assert [name for name, _ in publication_gaps({"fund": None, "eu_contribution": 1})] == [
        "objectives",
        "expected_results",
        "eu_statement",
    ]
    complete = {"objectives": "<p>Sì</p>", "expected_results": "<ul><li>Sì</li></ul>"}
    assert publication_gaps({"fund": None, "eu_statement": "finanziato", **complete}) == []
    assert [name for name, _ in publication_gaps({"fund": FundFactory.build(), "objectives": "<p>&nbsp;</p>"})] == [
        "objectives",
        "expected_results",
    ]
