"""Shared by every staff CSV and XLSX export (enquiries, "Scrivici" messages, statistics, searches):
the one way to write a spreadsheet that an Italian office opens as it is.

CSV: UTF-8 with BOM and `;` as separator (Excel set to Italian splits the columns), times in
Europe/Rome as dd/mm/yyyy hh:mm, booleans as Sì/No, and a leading apostrophe on text a spreadsheet
would run as a formula. XLSX: the same values, but cells are typed (text stays text, so no visible
apostrophe), dates are real dates shown in Rome time, and every sheet has a name.
The open-data CSV of projects keeps its own documented format (projects/exports.py)."""

import csv
import datetime
import io
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook

# A spreadsheet runs a cell that starts with one of these as a formula (CSV/formula injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")
CSV_DATETIME = "%d/%m/%Y %H:%M"
CSV_DATE = "%d/%m/%Y"
XLSX_DATETIME = "DD/MM/YYYY HH:MM"
XLSX_DATE = "DD/MM/YYYY"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise_formula(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def plain_value(value):
    """What a person reads, before the file format: Rome time, Sì/No, text for objects."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Sì" if value else "No"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, (int, float, Decimal, datetime.date, str)):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return str(value)


def csv_cell(value):
    value = plain_value(value)
    if isinstance(value, datetime.datetime):
        return value.strftime(CSV_DATETIME)
    if isinstance(value, datetime.date):
        return value.strftime(CSV_DATE)
    if isinstance(value, (float, Decimal)):
        return str(value).replace(".", ",")
    return neutralise_formula(value)


def attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def italian_csv_response(filename, sheets):
    """sheets: [(title, header, rows)]; with more than one, each starts with its title line."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    for title, header, rows in sheets:
        if len(sheets) > 1:
            writer.writerow([title])
        writer.writerow(header)
        writer.writerows([csv_cell(value) for value in row] for row in rows)
        if len(sheets) > 1:
            writer.writerow([])
    return attachment(HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8"), filename)


def xlsx_response(filename, sheets):
    """sheets: [(title, header, rows)], one named worksheet each."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title[:31])
        sheet.append(list(header))
        for row_number, row in enumerate(rows, start=2):
            for column, value in enumerate(row, start=1):
                value = plain_value(value)
                cell = sheet.cell(row=row_number, column=column, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula: the text is shown as typed
                elif isinstance(value, datetime.datetime):
                    cell.number_format = XLSX_DATETIME
                elif isinstance(value, datetime.date):
                    cell.number_format = XLSX_DATE
    output = io.BytesIO()
    workbook.save(output)
    return attachment(HttpResponse(output.getvalue(), content_type=XLSX_CONTENT_TYPE), filename)


class ItalianSpreadsheetExportMixin:
    """For Wagtail views with SpreadsheetExportMixin (ModelViewSet, ReportView, form submissions):
    writes their export through the shared CSV/XLSX functions above."""

    sheet_title = "Dati"

    def as_spreadsheet(self, queryset, spreadsheet_format):
        header = [self.get_heading(queryset, field) for field in self.list_export]
        rows = (self.to_row_dict(item).values() for item in queryset)
        sheets = [(self.sheet_title, header, rows)]
        filename = f"{self.get_filename()}.{spreadsheet_format}"
        if spreadsheet_format == self.FORMAT_CSV:
            return italian_csv_response(filename, sheets)
        return xlsx_response(filename, sheets)
