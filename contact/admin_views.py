"""The "Scrivici" messages as the staff download them: Wagtail's submissions list, exported the
project's way (Rome time, `;` CSV with BOM, formula-safe, a named sheet)."""

from wagtail.contrib.forms.views import SubmissionsListView

from core.spreadsheets import ItalianSpreadsheetExportMixin


class ContactSubmissionsListView(ItalianSpreadsheetExportMixin, SubmissionsListView):
    sheet_title = "Messaggi"
