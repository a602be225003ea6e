"""The project form's body editors are built when the editor reaches them (core/lazy_widgets.py):
the table's editor (Handsontable) is not loaded while the table is below the screen, and once
reached, a table cell and a paragraph typed into are saved with the draft."""

import pytest
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from projects.models import ProjectPage
from tests.browser.people import log_in, member_of
from tests.factories.projects import ProjectPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "Lo sportello orienta i cittadini stranieri ai servizi del territorio, su appuntamento e senza. " * 4
TABLE = {
    "data": [["Voce", "Importo"], ["Stanziamento", "825 milioni di euro"]],
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_header_choice": "row",
    "table_caption": "",
}


@pytest.fixture
def project(django_user_model, editorial_groups, project_catalogue):
    member_of(django_user_model, "redattrice", "Redattori")
    body = [("paragraph", RichText(f"<p>{TEXT} {n}</p>")) for n in range(6)]
    body += [("table", {"caption": "Risorse del fondo", "table": TABLE}), ("paragraph", RichText("<p>Ultimo.</p>"))]
    project = ProjectPageFactory(parent=project_catalogue, title="Sportelli a Latina", body=body)
    project.save_revision().publish()
    return project


def test_body_editors_are_built_when_reached_and_what_is_typed_is_saved(tab, live_server, project):
    log_in(tab, "redattrice")
    tab.goto(f"/admin/pages/{project.pk}/edit/")
    expect(tab.locator("#id_title")).to_have_value("Sportelli a Latina")
    tab.wait_for_load_state("load")
    assert tab.evaluate("() => typeof window.Handsontable") == "undefined"  # the table is far below

    tab.get_by_role("button", name="Modifica la tabella").scroll_into_view_if_needed()
    cell = tab.locator(".htCore td", has_text="825 milioni di euro").first
    cell.dblclick()
    tab.keyboard.press("Control+A")
    tab.keyboard.type("830 milioni di euro")
    tab.keyboard.press("Enter")

    last = tab.locator('[data-contentpath="body"] [contenteditable="true"]', has_text="Ultimo.")
    last.scroll_into_view_if_needed()
    last.click()
    tab.keyboard.press("End")
    tab.keyboard.type(" Aggiunto.")
    tab.wait_for_timeout(500)  # Draftail saves into its field a moment after the last key

    with tab.expect_navigation():
        tab.get_by_role("button", name="Salva bozza").click()
    draft = ProjectPage.objects.get(pk=project.pk).get_latest_revision_as_object()
    table = next(block.value["table"] for block in draft.body if block.block_type == "table")
    assert table["data"][1][1] == "830 milioni di euro"
    assert "Ultimo. Aggiunto." in str(draft.body[-1].value)
    assert str(draft.body[0].value).count("sportello orienta") == 4  # the paragraphs never reached: unchanged
