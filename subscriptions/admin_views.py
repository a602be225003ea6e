"""The staff's list of newsletter subscribers ("Iscritti newsletter"): the staff inbox's list with
filters (stato, argomento, lingua, dates), the Italian CSV/XLSX export, a read-only detail with
the consent log, and the CSV import. Nobody adds or edits a subscriber by hand: consent comes from
the subscriber (or from an import that states its dates). Moderatori and superusers only
(migration 0002)."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import HeaderButton

from inbox.admin_views import InboxIndexView, InboxViewSet, status_filter

from .forms_admin import ImportForm
from .imports import import_subscribers
from .models import Subscriber, Topic


def may_import(user):
    return user.is_active and user.has_perm("subscriptions.add_subscriber")


class SubscriberIndexView(InboxIndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if may_import(self.request.user):
            buttons.append(
                HeaderButton("Importa da CSV", url=reverse("newsletter_subscribers:import"), icon_name="upload")
            )
        return buttons


def import_view(request):
    """Upload a CSV: all rows imported, or none and the errors by row."""
    if not may_import(request.user):
        raise PermissionDenied
    result = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            result = import_subscribers(form.cleaned_data["file"])
    else:
        form = ImportForm()
    status = 400 if result is not None and result.errors else 200
    context = {"form": form, "result": result, "topics": Topic.objects.all()}
    return TemplateResponse(request, "subscriptions/admin/import.html", context, status=status)


class SubscriberViewSet(InboxViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = "Iscritti newsletter"
    menu_order = 258
    name = "newsletter_subscribers"
    index_view_class = SubscriberIndexView
    filters = {
        "status": status_filter(Subscriber.Status.choices),
        "topics": django_filters.ModelChoiceFilter(
            label="Argomento", queryset=Topic.objects.all(), empty_label="Tutti"
        ),
        "language": django_filters.ChoiceFilter(
            label="Lingua", choices=Subscriber.Language.choices, empty_label="Tutte"
        ),
        "created_at": django_filters.DateFromToRangeFilter(label="Iscritto tra", widget=DateRangePickerWidget),
        "confirmed_at": django_filters.DateFromToRangeFilter(label="Confermato tra", widget=DateRangePickerWidget),
    }
    search_fields = ["email", "name"]
    title_field = ("email", "E-mail")
    columns = [
        "title",
        Column("name", label="Nome"),
        "status",
        Column("topic_names", label="Argomenti"),
        Column("language", label="Lingua", accessor="get_language_display"),
        DateColumn("created_at", label="Iscritto il"),
        DateColumn("confirmed_at", label="Confermato il"),
    ]
    message_heading = "Iscrizione"
    message_fields = [
        "email",
        "name",
        "language",
        "status",
        "consent_version",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "undeliverable_at",
        "undeliverable_reason",
    ]
    staff_fields = []
    sheet_title = "Iscritti"
    export_filename = "iscritti-newsletter"
    not_exported = ["undeliverable_at"]

    def __init__(self, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        self.inspect_view_fields = [*self.inspect_view_fields, "topic_names", "consent_log"]

    def listed(self, queryset):
        return queryset.prefetch_related("topics")

    def build_export(self):
        exported, headings = super().build_export()
        exported.insert(2, "topic_names")
        headings["topic_names"] = "Argomenti"
        return exported, headings

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("importa/", import_view, name="import")]


subscriber_viewset = SubscriberViewSet()
