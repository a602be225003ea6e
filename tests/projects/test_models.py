import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from projects.models import ProjectPage, Status
from tests.factories.projects import FundFactory, FundingProgrammeFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


def errors_of(page):
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


@pytest.mark.parametrize(
    "cup", ["f89e11000160007", "F89E1100016000", "F89E110001600077", "F89E11000 60007", "F89E-1000160007"]
)
def test_malformed_cup_is_refused_in_italian(project_catalogue, cup):
    page = ProjectPageFactory(parent=project_catalogue)
    page.cup = cup
    assert "Il CUP è formato da 15 caratteri: lettere maiuscole e cifre, senza spazi." in errors_of(page)["cup"]


def test_valid_cup_is_accepted(project_catalogue):
    page = ProjectPageFactory(parent=project_catalogue)
    page.cup = "F89E11000160007"
    page.full_clean()


def test_dates_and_amounts_are_validated_in_italian(project_catalogue):
    page = ProjectPageFactory(parent=project_catalogue)
    page.planned_start = datetime.date(2020, 5, 1)
    page.planned_end = datetime.date(2020, 4, 30)
    page.actual_start = datetime.date(2021, 1, 1)
    page.actual_end = datetime.date(2020, 1, 1)
    page.total_cost = Decimal("1000")
    page.eu_contribution = Decimal("1500")
    errors = errors_of(page)
    assert errors["planned_end"] == ["La fine prevista non può precedere l'inizio previsto."]
    assert errors["actual_end"] == ["La fine effettiva non può precedere l'inizio effettivo."]
    assert errors["eu_contribution"] == ["Il contributo dell'Unione europea non può superare il costo totale."]


def test_negative_amounts_and_overfunding_are_refused(project_catalogue):
    page = ProjectPageFactory(parent=project_catalogue)
    page.national_cofinancing = Decimal("-1")
    assert errors_of(page)["national_cofinancing"] == ["L'importo non può essere negativo."]
    page.national_cofinancing = Decimal("30000")  # 75,000 EU + 30,000 > 100,000
    assert "superano il costo totale" in errors_of(page)["national_cofinancing"][0]


def test_programme_must_belong_to_the_fund(project_catalogue):
    page = ProjectPageFactory(parent=project_catalogue)
    page.programme = FundingProgrammeFactory(fund=FundFactory())
    assert errors_of(page)["programme"] == ["Il programma scelto appartiene a un altro fondo."]


def test_cofinancing_rate_is_computed(project_catalogue):
    page = ProjectPageFactory(
        parent=project_catalogue, total_cost=Decimal("1250000"), eu_contribution=Decimal("937500")
    )
    assert page.cofinancing_rate == Decimal("75.00")
    page.total_cost = None
    assert page.cofinancing_rate is None


TODAY = datetime.date(2025, 6, 15)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"planned_start": datetime.date(2026, 1, 1), "planned_end": datetime.date(2027, 1, 1)}, Status.PLANNED),
        ({"planned_start": datetime.date(2025, 1, 1), "planned_end": datetime.date(2026, 1, 1)}, Status.IN_PROGRESS),
        ({"planned_start": datetime.date(2020, 1, 1), "planned_end": datetime.date(2021, 1, 1)}, Status.CONCLUDED),
        # the actual dates win over the planned ones
        (
            {
                "planned_start": datetime.date(2020, 1, 1),
                "planned_end": datetime.date(2021, 1, 1),
                "actual_start": datetime.date(2020, 3, 1),
                "actual_end": datetime.date(2025, 12, 31),
            },
            Status.IN_PROGRESS,
        ),
        ({"planned_start": None, "planned_end": None}, Status.PLANNED),
        (
            {"planned_start": datetime.date(2025, 1, 1), "planned_end": None, "status_override": "annullato"},
            Status.CANCELLED,
        ),
    ],
)
def test_status_follows_the_dates_in_python_and_in_sql(project_catalogue, fields, expected):
    page = ProjectPageFactory(parent=project_catalogue, **fields)
    assert page.get_status(TODAY) == expected
    annotated = ProjectPage.objects.with_status(TODAY).get(pk=page.pk)
    assert annotated.computed_status == expected


def test_a_programme_cannot_belong_to_one_of_its_own_sub_programmes(project_catalogue):
    fund = FundFactory()
    programme = FundingProgrammeFactory(fund=fund, name="Programma pluriennale")
    annual = FundingProgrammeFactory(fund=fund, name="Programma annuale", parent=programme)
    action = FundingProgrammeFactory(fund=fund, name="Azione", parent=annual)
    for child in (annual, action):
        programme.parent = child
        with pytest.raises(ValidationError) as raised:
            programme.full_clean()
        assert raised.value.message_dict["parent"] == [
            "Il programma scelto fa già parte di questo programma: "
            "un programma non può far parte di un suo sottoprogramma."
        ]
    programme.parent = programme
    with pytest.raises(ValidationError, match="non può far parte di sé stesso"):
        programme.full_clean()
    programme.parent = None
    programme.full_clean()
