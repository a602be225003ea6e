"""Funding at a glance: the geometry of the catalogue's small bar charts (total cost and EU
contribution by fund and by start year), drawn as SVG by `projects/includes/funding_chart.html`.
No JavaScript and no style attributes (the CSP forbids them): positions are SVG attributes,
colours are classes. The figures come from `ProjectPageQuerySet.funding_by_*` and are also shown
as a table, which is the accessible source; the chart only repeats it for the eye."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext

from core.dates import english

WIDTH = 560
LABEL_WIDTH = 110  # category names, right-aligned before the bars
VALUE_WIDTH = 110  # the short amount after each bar
BAR_HEIGHT = 14
BAR_GAP = 3
GROUP_GAP = 12
MAX_LABEL = 14  # characters of a name shown in the chart (the table has it in full)


@dataclass(frozen=True)
class Bar:
    kind: str  # "total" or "eu": the CSS class and the legend
    y: int
    width: int
    value_x: int
    value_text: str


@dataclass(frozen=True)
class Group:
    label: str  # full name, for the table
    short_label: str  # for the chart
    label_y: int
    projects: int
    cost: Decimal | None
    eu: Decimal | None
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    category: str  # the table's first column heading
    width: int
    height: int
    label_x: int
    groups: tuple[Group, ...]
    projects: int
    cost: Decimal
    eu: Decimal


def short_amount(value):
    """ "1,3 mln €", "250 mila €", "950 €" (English: "€1.3m", "€250k", "€950"): what fits beside a bar
    (the table has the exact figure)."""
    value = value or Decimal(0)
    if value >= 999_500:  # rounds to a million: "1 mln €", never "1.000 mila €"
        figure, italian_unit, english_unit = number_format(round(value / 1_000_000, 1), 1), " mln", "m"
    elif value >= 1_000:
        figure, italian_unit, english_unit = number_format(round(value / 1_000), 0, force_grouping=True), " mila", "k"
    else:
        figure, italian_unit, english_unit = number_format(round(value), 0), "", ""
    return f"€{figure}{english_unit}" if english() else f"{figure}{italian_unit} €"


def shorten(text):
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


def bar_chart(key, title, category, rows):
    """`rows`: (label, short label, projects, cost, eu), in the order shown. Bars share one scale."""
    largest = max([row[3] or 0 for row in rows] + [row[4] or 0 for row in rows] + [Decimal(1)])
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    groups, y = [], GROUP_GAP // 2
    for label, short_label, projects, cost, eu in rows:
        bars = []
        for offset, (kind, value) in enumerate((("total", cost), ("eu", eu))):
            width = max(1, round(span * (value or 0) / largest)) if value else 0
            bar_y = y + offset * (BAR_HEIGHT + BAR_GAP)
            bars.append(Bar(kind, bar_y, width, LABEL_WIDTH + width + 6, short_amount(value)))
        groups.append(Group(label, shorten(short_label), y + BAR_HEIGHT + 2, projects, cost, eu, tuple(bars)))
        y += 2 * BAR_HEIGHT + BAR_GAP + GROUP_GAP
    return Chart(
        key=key,
        title=title,
        category=category,
        width=WIDTH,
        height=y - GROUP_GAP // 2,
        label_x=LABEL_WIDTH - 8,
        groups=tuple(groups),
        projects=sum(row[2] for row in rows),
        cost=sum((row[3] or 0 for row in rows), Decimal(0)),
        eu=sum((row[4] or 0 for row in rows), Decimal(0)),
    )


def funding_at_a_glance(projects):
    """The two charts for a filtered catalogue queryset (two queries), or [] when it is empty."""
    by_fund = projects.funding_by_fund()
    if not by_fund:
        return []
    fund_rows = [
        (
            f"{row['fund__name']} ({row['fund__acronym']})" if row["fund_id"] else gettext("Senza fondo"),
            row["fund__acronym"] or row["fund__name"] or gettext("Senza fondo"),
            row["projects"],
            row["cost"],
            row["eu"],
        )
        for row in by_fund
    ]
    year_rows = [
        (
            str(row["year"] or gettext("Anno non indicato")),
            str(row["year"] or gettext("Senza anno")),
            row["projects"],
            row["cost"],
            row["eu"],
        )
        for row in projects.funding_by_start_year()
    ]
    return [
        bar_chart("fondo", gettext("Costo totale e contributo UE per fondo"), gettext("Fondo"), fund_rows),
        bar_chart(
            "anno", gettext("Costo totale e contributo UE per anno di inizio"), gettext("Anno di inizio"), year_rows
        ),
    ]
