import datetime
from decimal import Decimal

import pytest

from projects.models import AsapService, Organisation, ProjectOrganisation
from tests.factories.projects import (
    FundFactory,
    FundingProgrammeFactory,
    OrganisationFactory,
    ProjectIndexPageFactory,
    ProjectOrganisationFactory,
    ProjectPageFactory,
    TerritoryFactory,
    ThemeFactory,
)


@pytest.fixture
def catalogue(home_page):
    return ProjectIndexPageFactory(parent=home_page)


@pytest.fixture
def portfolio(catalogue):
    """A small, varied portfolio: two funds, statuses from the dates, themes, territories, partners."""
    fei = FundFactory(name="Fondo Europeo per l'Integrazione", acronym="FEI", period_start=2007, period_end=2013)
    fami = FundFactory(
        name="Fondo Asilo, Migrazione e Integrazione", acronym="FAMI", period_start=2014, period_end=2020
    )
    fei_programme = FundingProgrammeFactory(fund=fei, name="Programma annuale 2011", code="PA2011")
    integration = ThemeFactory(name="Integrazione", slug="integrazione")
    training = ThemeFactory(name="Formazione linguistica", slug="formazione-linguistica")
    lazio = TerritoryFactory(name="Lazio", code="ITI4")
    roma = TerritoryFactory(name="Roma Capitale", level="comune")
    regione = OrganisationFactory(name="Regione Lazio", kind=Organisation.Kind.REGION)
    coop = OrganisationFactory(name="Cooperativa Sociale Ponte", kind=Organisation.Kind.NON_PROFIT)
    today = datetime.date.today()
    projects = {
        "concluded": ProjectPageFactory(
            parent=catalogue,
            title="Sportelli per l'integrazione",
            acronym="SPIN",
            fund=fei,
            programme=fei_programme,
            planned_start=datetime.date(2011, 3, 1),
            planned_end=datetime.date(2013, 6, 30),
            total_cost=Decimal("250000.00"),
            themes=[integration],
            territories=[lazio],
        ),
        "running": ProjectPageFactory(
            parent=catalogue,
            title="Italiano per il lavoro",
            acronym="ITAL",
            fund=fami,
            planned_start=today - datetime.timedelta(days=100),
            planned_end=today + datetime.timedelta(days=300),
            total_cost=Decimal("900000.00"),
            themes=[training, integration],
            territories=[roma],
        ),
        "planned": ProjectPageFactory(
            parent=catalogue,
            title="Accoglienza diffusa",
            fund=fami,
            planned_start=today + datetime.timedelta(days=60),
            planned_end=today + datetime.timedelta(days=700),
            total_cost=Decimal("50000.00"),
            eu_contribution=Decimal("25000.00"),
            territories=[lazio],
        ),
    }
    ProjectOrganisationFactory(
        project=projects["concluded"], organisation=regione, role=ProjectOrganisation.Role.PARTNER
    )
    ProjectOrganisationFactory(project=projects["concluded"], organisation=coop, role=ProjectOrganisation.Role.LEAD)
    ProjectOrganisationFactory(project=projects["running"], organisation=coop, role=ProjectOrganisation.Role.PARTNER)
    projects["concluded"].asap_services.set(AsapService.objects.filter(code__in=["gestione", "rendicontazione"]))
    projects["running"].asap_services.set(AsapService.objects.filter(code="formazione"))
    projects["concluded"].save()
    projects["running"].save()
    return {
        "projects": projects,
        "fei": fei,
        "fami": fami,
        "programme": fei_programme,
        "regione": regione,
        "coop": coop,
        "lazio": lazio,
        "roma": roma,
        "integration": integration,
    }
