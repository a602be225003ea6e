"""The project edit form costs the same number of queries however many partners, related projects
and documents it lists (its choosers fetch their items together), within a fixed budget; the
programme's chooser reads the programme with its fund (its label shows both) in one query."""

import pytest
from wagtail.documents.models import Document

from projects.models import ProjectDocument, ProjectRelatedLink
from tests.factories.edit_forms import queries_for_edit_form, redattrice_fixture  # noqa: F401 (the fixture "redattrice")
from tests.factories.projects import (
    FundingProgrammeFactory,
    OrganisationFactory,
    ProjectOrganisationFactory,
    ProjectPageFactory,
)

pytestmark = pytest.mark.django_db

# Wagtail's own share (session, permissions, revisions, workflow, locks, comments, menus) plus the
# form's: one query per chooser at the top, one per inline panel and chooser column, none per row.
# Four more are the translation menu's (wagtail-localize: locales, translations, sources). The
# chosen programme is one, read with its fund (its label shows both; 63 when that was a second).
MAX_QUERIES = 62


def project_with(catalogue, rows):
    project = ProjectPageFactory(parent=catalogue)
    project.programme = FundingProgrammeFactory(fund=project.fund, name=f"Programma {rows}")
    for n in range(rows):
        ProjectOrganisationFactory(project=project, organisation=OrganisationFactory(name=f"Ente partner {rows}.{n}"))
        related = ProjectPageFactory(parent=catalogue, title=f"Progetto collegato {n}")
        ProjectRelatedLink.objects.create(project=project, related_project=related)
        document = Document.objects.create(title=f"Documento {n}", file=f"documents/documento-{n}.pdf")
        ProjectDocument.objects.create(project=project, document=document, title=f"Allegato {n}")
    project.save_revision().publish()
    return project


def test_project_edit_form_queries_do_not_grow_with_its_rows(redattrice, project_catalogue):
    small, _ = queries_for_edit_form(redattrice, project_with(project_catalogue, 1))
    project = project_with(project_catalogue, 6)
    large, html = queries_for_edit_form(redattrice, project)
    assert large == small, (small, large)
    assert large <= MAX_QUERIES, large
    # every row's chooser still shows its item
    assert "Ente partner 6.5" in html and "Progetto collegato 5" in html and "Documento 5" in html
    assert f"Programma 6 ({project.fund})" in html  # the programme's label, with its fund
