"""Factories for the project catalogue."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone

from projects.models import (
    AsapService,
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


def bulk_projects(
    parent, count, funds=(), themes=(), territories=(), organisations=(), start_year=2008, numbered_from=0
):
    """Create `count` live project pages under `parent` quickly, for query-count tests and benchmarks.

    Treebeard's `add_child` costs several queries per page, so the `Page` rows are bulk-inserted with
    their tree paths computed here, and the `ProjectPage` rows as `save_base(raw=True)` writes them.
    `numbered_from`: the first number in their titles and slugs (when adding to bulk-created ones).
    These pages are not in the search index."""
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from core.parts import notify_pages_changed

    content_type = ContentType.objects.get_for_model(ProjectPage)
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_children().order_by("-path").first()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    now = timezone.now()
    with transaction.atomic():
        pages = Page.objects.bulk_create(
            [
                Page(
                    title=f"Progetto di prova {numbered_from + i}",
                    draft_title=f"Progetto di prova {numbered_from + i}",
                    slug=f"progetto-di-prova-{numbered_from + i}",
                    path=Page._get_path(parent.path, parent.depth + 1, first_step + i),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}progetto-di-prova-{numbered_from + i}/",
                    content_type=content_type,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now - datetime.timedelta(minutes=i),
                    last_published_at=now - datetime.timedelta(minutes=i),
                    locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(),
                )
                for i in range(count)
            ]
        )
        if not pages or pages[0].pk is None:  # backends that do not return ids from bulk inserts
            pages = list(
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-pk")[:count]
            )
        projects = []
        for i, page in enumerate(pages):
            year = start_year + i % 18
            project = ProjectPage(
                page_ptr_id=page.pk,
                summary=f"Sintesi del progetto di prova numero {i}.",
                fund=funds[i % len(funds)] if funds else None,
                total_cost=Decimal(10000 + (i * 7919) % 990000),
                eu_contribution=Decimal(5000 + (i * 7919) % 495000),
                planned_start=datetime.date(year, 1 + i % 12, 1),
                planned_end=datetime.date(year + 2, 1 + i % 12, 1),
            )
            project.store_effective_dates()
            projects.append(project)
        # The child rows in batches, as `save_base(raw=True)` would write them one by one (Django
        # cannot bulk-insert multi-table children): 100,000 projects in a minute, not half an hour.
        fields = ProjectPage._meta.local_concrete_fields
        for start in range(0, len(projects), 500):
            ProjectPage._base_manager._insert(projects[start : start + 500], fields=fields, raw=True)
        through_rows = []
        for index_in_batch, page in enumerate(pages):
            if themes:
                through_rows.append(
                    ProjectPage.themes.through(projectpage_id=page.pk, theme=themes[index_in_batch % len(themes)])
                )
        ProjectPage.themes.through.objects.bulk_create(through_rows)
        ProjectPage.territories.through.objects.bulk_create(
            [
                ProjectPage.territories.through(projectpage_id=page.pk, territory=territories[i % len(territories)])
                for i, page in enumerate(pages)
                if territories
            ]
        )
        ProjectOrganisation.objects.bulk_create(
            [
                ProjectOrganisation(
                    project_id=page.pk,
                    organisation=organisations[i % len(organisations)],
                    role=ProjectOrganisation.Role.LEAD if i % 2 else ProjectOrganisation.Role.PARTNER,
                    sort_order=0,
                )
                for i, page in enumerate(pages)
                if organisations
            ]
        )
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
        notify_pages_changed()  # bulk inserts send no signals: the cached pages and parts go as after a publish
    return pages


def build_portfolio(project_catalogue):
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
    today = timezone.localdate()  # Rome's date, as the site's status rules use
    projects = {
        "concluded": ProjectPageFactory(
            parent=project_catalogue,
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
            parent=project_catalogue,
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
            parent=project_catalogue,
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
