"""Figures for the "Statistiche" report, the dashboard panel and the exports.

Other apps add sections to the report with the Wagtail hook `register_statistics_report_section`:
a function called with (start, end, limit) that returns (title, headings, rows), where `headings`
names the two columns of the export and `rows` is [(label, total)], largest first. The site search
adds its top and zero-result searches this way (search/wagtail_hooks.py)."""

import datetime

from django.db.models import Sum
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page

from .models import DailyPageView

SECTION_HOOK = "register_statistics_report_section"

MAX_RANGE_DAYS = 366


def default_range():
    end = timezone.localdate()
    return end - datetime.timedelta(days=29), end


def views_per_day(start, end):
    """[(day, views)] for every day of the range, zero included, so the chart has no gaps."""
    totals = dict(
        DailyPageView.objects.filter(day__range=(start, end))
        .values("day")
        .annotate(total=Sum("views"))
        .values_list("day", "total")
    )
    days = (end - start).days + 1
    return [
        (start + datetime.timedelta(days=i), totals.get(start + datetime.timedelta(days=i), 0)) for i in range(days)
    ]


def total_views(start, end):
    return DailyPageView.objects.filter(day__range=(start, end)).aggregate(total=Sum("views"))["total"] or 0


def top_pages(start, end, limit=10):
    """[(page, views)] most viewed first; two queries whatever the limit."""
    rows = list(
        DailyPageView.objects.filter(day__range=(start, end))
        .values("page")
        .annotate(total=Sum("views"))
        .order_by("-total", "page")[:limit]
    )
    pages = Page.objects.in_bulk([row["page"] for row in rows])
    return [(pages[row["page"]], row["total"]) for row in rows if row["page"] in pages]


def top_referrers(start, end, limit=10):
    rows = (
        DailyPageView.objects.filter(day__range=(start, end))
        .exclude(referrer_domain="")
        .values("referrer_domain")
        .annotate(total=Sum("views"))
        .order_by("-total", "referrer_domain")[:limit]
    )
    return [(row["referrer_domain"], row["total"]) for row in rows]


def devices(start, end):
    labels = dict(DailyPageView.Device.choices)
    rows = (
        DailyPageView.objects.filter(day__range=(start, end))
        .values("device_class")
        .annotate(total=Sum("views"))
        .order_by("-total")
    )
    return [(labels.get(row["device_class"], row["device_class"]), row["total"]) for row in rows]


def report(start, end, limit=10):
    return {
        "per_day": views_per_day(start, end),
        "total": total_views(start, end),
        "top_pages": top_pages(start, end, limit),
        "top_referrers": top_referrers(start, end, limit),
        "devices": devices(start, end),
        "sections": [section(start, end, limit) for section in hooks.get_hooks(SECTION_HOOK)],
    }


def chart(per_day, width=720, height=220, padding=32):
    """A server-rendered SVG bar chart: no script, no CDN. Returns bars with coordinates."""
    peak = max((views for _, views in per_day), default=0) or 1
    count = max(len(per_day), 1)
    step = (width - padding) / count
    bars = []
    for index, (day, views) in enumerate(per_day):
        bar_height = (height - padding) * views / peak
        bars.append(
            {
                "day": day,
                "views": views,
                "x": round(padding + index * step, 2),
                "y": round(height - padding / 2 - bar_height, 2),
                "width": round(max(step - 2, 1), 2),
                "height": round(bar_height, 2),
            }
        )
    return {"bars": bars, "peak": peak, "width": width, "height": height, "baseline": height - padding / 2}
