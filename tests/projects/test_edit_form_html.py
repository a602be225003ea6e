"""The project edit form is sent without the indentation between its tags (core/compact_html.py),
and what an editor typed reaches her form as it was."""

import re

import pytest

from core.compact_html import compact
from tests.factories.edit_forms import queries_for_edit_form, redattrice_fixture  # noqa: F401 (the fixture "redattrice")
from tests.factories.projects import ProjectOrganisationFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db

INDENTED_TAG = re.compile(r">[ \t]*\n[ \t\r\n]+<")


def test_the_edit_form_has_no_indented_tags_and_keeps_the_typed_text(redattrice, project_catalogue):
    project = ProjectPageFactory(parent=project_catalogue, summary="Prima riga\n\n    seconda riga, rientrata")
    ProjectOrganisationFactory(project=project)
    project.save_revision().publish()
    _, html = queries_for_edit_form(redattrice, project)
    outside_scripts = re.sub(r"<script\b.*?</script>", "<script></script>", html, flags=re.DOTALL)
    assert not INDENTED_TAG.search(outside_scripts), INDENTED_TAG.search(outside_scripts)
    assert "Prima riga\n\n    seconda riga, rientrata</textarea>" in html
    assert 'name="organisation_roles-0-organisation"' in html  # the partners' rows are all there


def test_raw_text_and_text_between_words_are_kept():
    html = "<div>\n    <textarea>\n  \n  </textarea>\n  <pre>a\n    <b>b</b>\n</pre>\n  <p>una\n   frase</p>\n</div>"
    assert (
        compact(html)
        == "<div>\n<textarea>\n  \n  </textarea>\n<pre>a\n    <b>b</b>\n</pre>\n<p>una\n   frase</p>\n</div>"
    )
