"""Factories for the project catalogue."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories

from projects.models import (
    Fund,
    FundingProgramme,
    Organisation,
    ProjectIndexPage,
    ProjectOrganisation,
    ProjectPage,
    ProjectResult,
    Territory,
    Theme,
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organizzazione {n}")
    kind = Organisation.Kind.NON_PROFIT
    city = "Roma"

    class Meta:
        model = Organisation


class FundFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Fondo {n}")
    acronym = factory.Sequence(lambda n: f"F{n}")
    level = Fund.Level.EU
    period_start = 2021
    period_end = 2027

    class Meta:
        model = Fund


class FundingProgrammeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Programma {n}")
    code = factory.Sequence(lambda n: f"P{n}")
    fund = factory.SubFactory(FundFactory)

    class Meta:
        model = FundingProgramme


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")

    class Meta:
        model = Theme


class TerritoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Territorio {n}")
    level = Territory.Level.REGION

    class Meta:
        model = Territory


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Progetti"
    slug = "progetti"
    intro = "Il catalogo dei progetti."

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Progetto {n}")
    slug = factory.Sequence(lambda n: f"progetto-{n}")
    summary = "Un progetto di prova."
    fund = factory.SubFactory(FundFactory)
    total_cost = Decimal("100000.00")
    eu_contribution = Decimal("75000.00")
    national_cofinancing = Decimal("25000.00")
    planned_start = datetime.date(2020, 1, 1)
    planned_end = datetime.date(2022, 12, 31)

    class Meta:
        model = ProjectPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save()

    @factory.post_generation
    def territories(self, create, extracted, **kwargs):
        if create and extracted:
            self.territories.set(extracted)
            self.save()


class ProjectOrganisationFactory(factory.django.DjangoModelFactory):
    project = factory.SubFactory(ProjectPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = ProjectOrganisation.Role.PARTNER

    class Meta:
        model = ProjectOrganisation


class ProjectResultFactory(factory.django.DjangoModelFactory):
    project = factory.SubFactory(ProjectPageFactory)
    name = "Persone formate"
    unit = "persone"
    target = Decimal("100")
    achieved = Decimal("80")

    class Meta:
        model = ProjectResult
