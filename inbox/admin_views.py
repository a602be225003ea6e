"""The staff inbox: one admin for every kind of message visitors send (course enquiries, accessibility
reports). A kind says what it is — model, menu entry, columns, filters, what the visitor wrote, what
staff change, the export columns — and gets the same list, search, filters, detail page, status and
notes form, Italian CSV/XLSX export (core/spreadsheets.py) and no "Aggiungi": nobody adds a visitor's
message in the admin."""

import django_filters
from django.utils.text import capfirst
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core.permissions import NoAddPermissionPolicy
from core.spreadsheets import ItalianSpreadsheetExportMixin


def status_filter(choices):
    return django_filters.ChoiceFilter(label="Stato", choices=choices, empty_label="Tutti")


def received_filter():
    return django_filters.DateFromToRangeFilter(label="Ricevuta tra", widget=DateRangePickerWidget)


class TemplateColumn(Column):
    """A list column whose cell a kind renders with its own template (a deadline, a count)."""

    def __init__(self, name, template_name, **kwargs):
        super().__init__(name, **kwargs)
        self.cell_template_name = template_name


class InboxIndexView(ItalianSpreadsheetExportMixin, generic.IndexView):
    """The list and its export, with the rows read the way the kind says (`InboxViewSet.listed`)."""

    inbox = None
    sheet_title = None

    def get_base_queryset(self):
        return self.inbox.listed(super().get_base_queryset())


class InboxViewSet(ModelViewSet):
    """Subclasses set `model`, `name`, `menu_label`, `icon`, `menu_order`, `search_fields` and:

    - `columns`: the list's columns in order, Wagtail columns or the inbox's own: "title" (the
      `title_field` with its label, opening the message), "status" and "created_at" ("Ricevuta il");
    - `filters`: {field: django-filter filter} in the order the list shows them;
    - `message_heading` and `message_fields`: what the visitor sent, shown read-only;
    - `staff_fields`: what staff change (status, notes...); a field in both lists is editable;
    - `sheet_title`: with it the list exports to CSV/XLSX (`export_filename`) the message and staff
      fields but `not_exported`, choices as their labels, headed by the field's name or by
      `export_headings`;
    - `form_class`: a WagtailAdminModelForm subclass when changes need checking.

    The detail page shows the message fields, then the staff fields."""

    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = InboxIndexView
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 25
    title_field = ("__str__", "Messaggio")
    columns = ["title", "status", "created_at"]
    filters = {}
    message_heading = "Messaggio"
    message_fields = []
    staff_fields = ["status", "internal_notes"]
    form_class = None
    sheet_title = None
    not_exported = []
    export_headings = {}

    def __init__(self, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        register_permission_policy(self.model, NoAddPermissionPolicy(self.model), exact_class=True)
        self.inspect_view_fields = self.message_fields + [f for f in self.staff_fields if f not in self.message_fields]
        self.list_display = [self.shared_column(column) for column in self.columns]
        self.filterset_class = self.build_filterset()
        if self.sheet_title:
            self.list_export, self.export_headings = self.build_export()

    def listed(self, queryset):
        """The rows of the list and of the export: add select_related or annotations here."""
        return queryset

    def shared_column(self, column):
        field, label = self.title_field
        shared = {
            "title": lambda: TitleColumn(field, label=label, url_name=self.get_url_name("edit")),
            "status": lambda: Column("status", label="Stato", accessor="get_status_display"),
            "created_at": lambda: DateColumn("created_at", label="Ricevuta il"),
        }
        return shared[column]() if isinstance(column, str) else column

    def build_filterset(self):
        meta = type("Meta", (), {"model": self.model, "fields": list(self.filters)})
        attributes = {**self.filters, "Meta": meta}
        return type(f"{self.model.__name__}FilterSet", (WagtailFilterSet,), attributes)

    def build_export(self):
        """(list_export, export_headings): a choice field exports its label under the field's name."""
        exported, headings = [], {}
        for name in self.inspect_view_fields:
            if name in self.not_exported:
                continue
            field = self.model._meta.get_field(name)
            column = f"get_{name}_display" if field.choices else name
            exported.append(column)
            headings[column] = self.export_headings.get(name, capfirst(field.verbose_name))
        return exported, headings

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(inbox=self, sheet_title=self.sheet_title, **kwargs)

    def get_edit_handler(self):
        read_only = [FieldPanel(f, read_only=True) for f in self.message_fields if f not in self.staff_fields]
        panels = [MultiFieldPanel(read_only, heading=self.message_heading)]
        panels += [FieldPanel(field) for field in self.staff_fields]
        options = {"base_form_class": self.form_class} if self.form_class else {}
        return ObjectList(panels, **options).bind_to_model(self.model)
