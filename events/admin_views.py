"""The staff's side of registrations: their kind in the staff inbox (list, filters by event and
status, Italian CSV/XLSX export) and the attendance sheet, a page to print with the registered
names and a column to sign. Staff changes to a registration's status change the seats left, so
they purge the page cache as course enrolments do."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.widgets import HeaderButton
from wagtail.permissions import policy_registry

from core.parts import notify_pages_changed
from inbox.admin_views import InboxIndexView, InboxViewSet, received_filter, status_filter

from .forms import ABOUT_THE_VISITOR
from .models import EventPage, EventRegistration, RegistrationStatus


class RegistrationIndexView(InboxIndexView):
    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, HeaderButton("Fogli presenze", url=reverse("event_registrations:sheets"))]


class RegistrationEditView(generic.EditView):
    def save_instance(self):
        before = EventRegistration.objects.filter(pk=self.object.pk).values_list("status", flat=True).first()
        instance = super().save_instance()
        if before != instance.status:
            notify_pages_changed()  # a seat taken or freed: "Posti esauriti" may change
        return instance


class RegistrationDeleteView(generic.DeleteView):
    def delete_action(self):
        super().delete_action()
        notify_pages_changed()


def may_read_registrations(user):
    return policy_registry.get_by_type(EventRegistration).user_has_any_permission(user, ["view", "change"])


def attendance_sheets(request):
    """The events that have registrations, latest first, each opening its sheet."""
    if not may_read_registrations(request.user):
        raise PermissionDenied
    events = EventPage.objects.filter(registrations__isnull=False).distinct().order_by("-start")
    return TemplateResponse(request, "events/admin/attendance_sheets.html", {"events": events})


def attendance_sheet(request, pk):
    """The confirmed registrations of one event in alphabetical order, with a signature column;
    the waiting list follows apart. Printed from the browser."""
    if not may_read_registrations(request.user):
        raise PermissionDenied
    event = get_object_or_404(EventPage.objects.select_related("venue"), pk=pk)
    registrations = event.registrations.exclude(status=RegistrationStatus.CANCELLED).order_by("last_name", "first_name")
    context = {
        "event": event,
        "confirmed": [r for r in registrations if r.status == RegistrationStatus.CONFIRMED],
        "waiting": [r for r in registrations if r.status == RegistrationStatus.WAITING_LIST],
    }
    return TemplateResponse(request, "events/admin/attendance_sheet.html", context)


class EventRegistrationViewSet(InboxViewSet):
    model = EventRegistration
    icon = "date"
    menu_label = "Iscrizioni eventi"
    menu_order = 252
    name = "event_registrations"
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    delete_view_class = RegistrationDeleteView
    filters = {
        "event": django_filters.ModelChoiceFilter(
            label="Evento", queryset=EventPage.objects.order_by("-start"), empty_label="Tutti"
        ),
        "status": status_filter(RegistrationStatus.choices),
        "created_at": received_filter(),
    }
    search_fields = ["first_name", "last_name", "email", "organisation", "event_title"]
    title_field = ("full_name", "Nome")
    columns = [
        "title",
        Column("event_label", label="Evento"),
        Column("organisation", label="Ente"),
        "status",
        "created_at",
    ]
    message_heading = "Iscrizione"
    message_fields = ["created_at", "event_title", *ABOUT_THE_VISITOR, "privacy_acknowledged_at"]
    staff_fields = ["status", "internal_notes"]
    sheet_title = "Iscrizioni"
    export_filename = "iscrizioni-eventi"
    not_exported = ["privacy_acknowledged_at"]
    export_headings = {"event_title": "Evento", "organisation": "Ente"}

    def listed(self, queryset):
        return queryset.select_related("event")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("presenze/", attendance_sheets, name="sheets"),
            path("presenze/<int:pk>/", attendance_sheet, name="sheet"),
        ]


registration_viewset = EventRegistrationViewSet()
