"""Shared by every staff CSV and XLSX export (enquiries, "Scrivici" messages, statistics, searches):
the one way to write a spreadsheet that an Italian office opens as it is.

CSV: UTF-8 with BOM and `;` as separator (Excel set to Italian splits the columns), times in
Europe/Rome as dd/mm/yyyy hh:mm, booleans as Sì/No, and a leading apostrophe on text a spreadsheet
would run as a formula. A phone number starting with "+" is written as `="+39 06 1234567"`: Excel shows the text as
typed (no apostrophe, the "+" and leading zeros kept) and the quoted constant cannot run anything,
since only digits, spaces and `+ . / ( ) -` qualify. XLSX: the same values, but cells are typed (text
stays text, so no visible apostrophe), dates are real dates shown in Rome time, every sheet has a
name, a bold header row that stays in view, an autofilter and columns wide enough for their values.
The open-data CSV of projects keeps its own documented format (projects/exports.py).

openpyxl is imported by the XLSX functions, not here: staff exports need it, and it would add
18 MiB to every web worker that only serves visitors (docs/performance.md)."""

import csv
import datetime
import io
import re
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone

# A spreadsheet runs a cell that starts with one of these as a formula (CSV/formula injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")
CSV_DATETIME = "%d/%m/%Y %H:%M"
CSV_DATE = "%d/%m/%Y"
XLSX_DATETIME = "DD/MM/YYYY HH:MM"
XLSX_DATE = "DD/MM/YYYY"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# An international phone number as people type it, which a spreadsheet would run as a formula for
# its leading "+". At least six digits, so "+1" stays ordinary (neutralised) text.
PHONE_NUMBER = re.compile(r"^\+[0-9][0-9 ./()-]*$")
PHONE_MIN_DIGITS = 6
# Column widths in characters: dates get what "31/12/2026 23:59" needs; long text is cut at the
# maximum (the cell keeps it all).
XLSX_MIN_WIDTH, XLSX_MAX_WIDTH = 8, 60
XLSX_DATE_WIDTHS = {XLSX_DATETIME: 17, XLSX_DATE: 11}


def neutralise_formula(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def is_phone_number(value):
    return (
        isinstance(value, str)
        and PHONE_NUMBER.match(value) is not None
        and sum(character.isdigit() for character in value) >= PHONE_MIN_DIGITS
    )


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
    if is_phone_number(value):
        return f'="{value}"'  # shown as typed: no apostrophe, "+" and leading zeros kept
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
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in sheets:
        write_sheet(workbook.create_sheet(title[:31]), header, rows)
    output = io.BytesIO()
    workbook.save(output)
    return attachment(HttpResponse(output.getvalue(), content_type=XLSX_CONTENT_TYPE), filename)


def write_sheet(sheet, header, rows):
    """The header in bold, frozen and filtered; typed cells; columns as wide as their content."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header = list(header)
    sheet.append(header)
    widths = [len(str(heading)) + 3 for heading in header]  # room for the filter button
    for cell in sheet[1]:
        cell.font = Font(bold=True)
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
            if column > len(widths):
                widths.append(0)
            widths[column - 1] = max(widths[column - 1], display_width(value, cell.number_format))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width, XLSX_MIN_WIDTH), XLSX_MAX_WIDTH)
    sheet.freeze_panes = "A2"
    if header:
        sheet.auto_filter.ref = sheet.dimensions


def display_width(value, number_format):
    """How many characters the cell shows: a date its format, text its longest line."""
    if isinstance(value, datetime.date):
        return XLSX_DATE_WIDTHS.get(number_format, 17)
    return max((len(line) for line in str(value).splitlines()), default=0) + 1


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
