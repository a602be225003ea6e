"""The "Statistiche" report: views per day over a chosen range, top pages, referrers, devices and the
sections other apps add (e.g. searches), exported as CSV or XLSX."""

import datetime

from django import forms
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core.spreadsheets import italian_csv_response, xlsx_response

from . import stats

REPORT_PERMISSION = "analytics.view_dailypageview"


class DateRangeForm(forms.Form):
    start = forms.DateField(
        label="Dal", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(label="Al", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def clean(self):
        cleaned = super().clean()
        default_start, default_end = stats.default_range()
        end = cleaned.get("end") or default_end
        start = cleaned.get("start") or (end - (default_end - default_start))
        if start > end:
            raise forms.ValidationError("La data di inizio deve precedere quella di fine.")
        if (end - start).days >= stats.MAX_RANGE_DAYS:
            raise forms.ValidationError(f"Scegli un periodo di al massimo {stats.MAX_RANGE_DAYS} giorni.")
        cleaned["start"], cleaned["end"] = start, end
        return cleaned


class StatisticsReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "analytics/admin/report.html"
    page_title = "Statistiche"
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": "Statistiche"}]

    def get(self, request, *args, **kwargs):
        default_start, default_end = stats.default_range()
        self.form = DateRangeForm(request.GET or None, initial={"start": default_start, "end": default_end})
        if self.form.is_bound and not self.form.is_valid():
            start, end = stats.default_range()
            self.valid = False
        else:
            start, end = (
                (self.form.cleaned_data["start"], self.form.cleaned_data["end"])
                if self.form.is_bound
                else stats.default_range()
            )
            self.valid = True
        self.start, self.end = start, end
        export = request.GET.get("export")
        if export in ("csv", "xlsx") and self.valid:
            data = stats.report(start, end, limit=100)
            return export_csv(data, start, end) if export == "csv" else export_xlsx(data, start, end)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = stats.report(self.start, self.end)
        query = f"start={self.start:%Y-%m-%d}&end={self.end:%Y-%m-%d}"
        context.update(
            form=self.form,
            start=self.start,
            end=self.end,
            chart=stats.chart(data["per_day"]),
            export_query=query,
            **data,
        )
        return context


def report_sections(data):
    """(title, headings, rows) for each table of the exports."""
    return [
        ("Visite per giorno", ["Giorno", "Visualizzazioni"], data["per_day"]),
        (
            "Pagine più viste",
            ["Pagina", "Indirizzo", "Visualizzazioni"],
            [(page.title, page.url_path, views) for page, views in data["top_pages"]],
        ),
        ("Siti di provenienza", ["Dominio", "Visualizzazioni"], data["top_referrers"]),
        ("Dispositivi", ["Dispositivo", "Visualizzazioni"], data["devices"]),
        *data["sections"],
    ]


def filename(start, end, extension):
    return f"statistiche-{start:%Y%m%d}-{end:%Y%m%d}.{extension}"


def export_csv(data, start, end):
    return italian_csv_response(filename(start, end, "csv"), report_sections(data))


def export_xlsx(data, start, end):
    return xlsx_response(filename(start, end, "xlsx"), report_sections(data))


def thirty_day_total():
    end = timezone.localdate()
    return stats.total_views(end - datetime.timedelta(days=29), end)
