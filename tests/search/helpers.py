"""Reading the results page, and content the search tests share."""

import datetime
import re

from wagtail.search.index import insert_or_update_object

from tests.factories.projects import FundFactory, OrganisationFactory, ProjectOrganisationFactory, ProjectPageFactory


def result_titles(html):
    return re.findall(r'class="search-result__title"><a href="[^"]*">(.*?)</a>', html)


def found(client, query, **params):
    return result_titles(client.get("/cerca/", {"q": query, **params}).content.decode())


def searchable_project(catalogue):
    """A FEI project with an acronym, a CUP and a partner organisation, indexed with its relations."""
    fei = FundFactory(name="Fondo Europeo per l'Integrazione", acronym="FEI")
    project = ProjectPageFactory(
        parent=catalogue,
        title="Accoglienza diffusa",
        acronym="ACCODI",
        cup="J81H12000340006",
        summary="Percorsi di inserimento per cittadini di paesi terzi.",
        fund=fei,
        planned_start=datetime.date(2012, 3, 1),
        planned_end=datetime.date(2013, 6, 30),
    )
    ProjectOrganisationFactory(project=project, organisation=OrganisationFactory(name="Comune di Viterbo"))
    insert_or_update_object(project)  # relations added after the page was saved
    return project
