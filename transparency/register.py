"""The register grouped as the law asks to read it: one year after the other, with the total
received and whether it reaches the threshold above which publication is compulsory."""

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby

from django.utils.translation import gettext_noop

# Named in English on the English page (the template translates it); the exports keep the Italian.
LAW = gettext_noop("Legge 4 agosto 2017, n. 124, art. 1, commi 125-129")
# Below this yearly total (in euro) publication is voluntary (art. 1, comma 127).
THRESHOLD = Decimal("10000")


@dataclass
class RegisterYear:
    year: int
    receipts: list = field(default_factory=list)

    @property
    def total(self):
        return sum((receipt.amount for receipt in self.receipts), Decimal("0"))

    @property
    def threshold_reached(self):
        return self.total >= THRESHOLD


def register_years(queryset):
    """The receipts of `queryset` (the page passes the published ones) in years, the newest year first
    and each year in date order. Each receipt gets `public_project`: its project while visitors can see
    it (a draft's title is not published), else None. Two queries whatever the number of receipts."""
    from projects.models import ProjectPage

    receipts = list(queryset.select_related("granting_body", "project").order_by("-year", "received_on", "pk"))
    project_ids = {receipt.project_id for receipt in receipts if receipt.project_id}
    visible = (
        set(ProjectPage.objects.live().public().filter(pk__in=project_ids).values_list("pk", flat=True))
        if project_ids
        else set()
    )
    for receipt in receipts:
        receipt.public_project = receipt.project if receipt.project_id in visible else None
    return [RegisterYear(year, list(rows)) for year, rows in groupby(receipts, key=lambda r: r.year)]
