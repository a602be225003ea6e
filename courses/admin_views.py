"""The staff's side of enquiries: their kind in the staff inbox (columns, filters, export, the
enrolment check on the edition's seats) and the "Nuove richieste" dashboard panel."""

import django_filters
from django import forms
from django.db.models import Count, Q
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.permissions import policy_registry

from core.admin_feedback import view_on_site_button
from core.dates import italian_date_range
from core.parts import notify_pages_changed
from core.words import italian_count
from inbox.admin_views import InboxViewSet, TemplateColumn, received_filter, status_filter
from outbox.delivery import waiting_count
from outbox.models import OutboundEmail

from .enquiries import CourseEnquiry, EnquiryStatus, RequestType
from .enquiries.forms import ABOUT_THE_VISITOR
from .models import CoursePage, CourseSession


class EditionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, session):
        return f"{session.course.title}: {session.edition} ({italian_date_range(session.start, session.end)})"


class EditionFilter(django_filters.ModelChoiceFilter):
    field_class = EditionChoiceField


def only_waiting_list(queryset, name, value):
    return queryset.filter(waiting_list=value == "true")


class EnquiryAdminForm(WagtailAdminModelForm):
    """Staff enrol a person by choosing the edition (any of the course's) and the status
    "Iscritto/a"; the edition's seats taken follow, within the seats it has."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seats_before = (
            (self.instance.session_id, self.instance.participants) if self.instance.takes_seats else None
        )
        if "session" in self.fields:
            self.fields["session"].queryset = CourseSession.objects.filter(course=self.instance.course_id).order_by(
                "start"
            )
            self.fields["session"].empty_label = "Nessuna in particolare"
            self.fields["session"].help_text = "Per segnare l'iscrizione scegli l'edizione."

    def clean(self):
        cleaned = super().clean()
        session = cleaned.get("session")
        if cleaned.get("status") != EnquiryStatus.ENROLLED:
            return cleaned
        if session is None:
            self.add_error("session", "Per segnare la persona come iscritta scegli l'edizione.")
            return cleaned
        already = self.instance.participants if self.seats_before == (session.pk, self.instance.participants) else 0
        left = None if session.seats is None else session.seats - session.seats_taken + already
        if left is not None and self.instance.participants > left:
            self.add_error(
                "status",
                f"L'edizione «{session.edition}» ha {italian_count(max(left, 0), 'posto libero', 'posti liberi')} su {session.seats}: per "
                f"iscrivere {italian_count(self.instance.participants, 'partecipante', 'partecipanti')} "
                "chiedi alla redazione di aumentare i posti nella pagina del corso.",
            )
        return cleaned

    def seats_changed(self):
        after = (self.instance.session_id, self.instance.participants) if self.instance.takes_seats else None
        return after != self.seats_before


class EnquiryEditView(generic.EditView):
    def save_instance(self):
        instance = super().save_instance()
        if self.form.seats_changed():
            # Visitors' writes never purge the page cache (serving/pagecache/purge.py); an enrolment
            # changes the seats and status every course page and listing shows, so it does.
            notify_pages_changed()
        return instance

    def get_success_buttons(self):
        """The course page beside Wagtail's "Modifica": where visitors see the seats an enrolment changed."""
        course = self.object.course
        buttons = super().get_success_buttons()
        if course is not None and course.live and course.get_url(self.request):
            buttons.insert(0, view_on_site_button(course))
        return buttons


class EnquiryDeleteView(generic.DeleteView):
    def delete_action(self):
        took_seats = self.object.takes_seats
        super().delete_action()
        if took_seats:
            notify_pages_changed()


class CourseEnquiryViewSet(InboxViewSet):
    model = CourseEnquiry
    icon = "mail"
    menu_label = "Richieste corsi"
    menu_order = 250
    name = "course_enquiries"
    edit_view_class = EnquiryEditView
    delete_view_class = EnquiryDeleteView
    filters = {
        "course": django_filters.ModelChoiceFilter(
            label="Corso", queryset=CoursePage.objects.order_by("title"), empty_label="Tutti"
        ),
        "session": EditionFilter(
            label="Edizione",
            queryset=CourseSession.objects.select_related("course").order_by("course__title", "start"),
            empty_label="Tutte",
        ),
        "status": status_filter(EnquiryStatus.choices),
        "request_type": django_filters.ChoiceFilter(
            label="Tipo di richiesta", choices=RequestType.choices, empty_label="Tutti"
        ),
        "waiting_list": django_filters.ChoiceFilter(
            label="Lista d'attesa",
            choices=[("true", "Solo lista d'attesa"), ("false", "Senza lista d'attesa")],
            empty_label="Tutte",
            method=only_waiting_list,
        ),
        "created_at": received_filter(),
    }
    search_fields = ["first_name", "last_name", "email", "organisation", "message", "course_title", "course_code"]
    title_field = ("full_name", "Nome")
    columns = [
        "title",
        Column("course_label", label="Corso"),
        Column("session_label", label="Edizione"),
        Column("request_type", label="Tipo", accessor="get_request_type_display"),
        BooleanColumn("waiting_list", label="Lista d'attesa"),
        "status",
        TemplateColumn("pending_emails", "courses/admin/pending_emails_cell.html", label="E-mail da inviare"),
        "created_at",
    ]
    message_heading = "Richiesta"
    message_fields = [
        "created_at",
        "course_title",
        "course_code",
        "session",
        "request_type",
        "waiting_list",
        *ABOUT_THE_VISITOR,
        "privacy_acknowledged_at",
        "marketing_consent",
    ]
    staff_fields = ["session", "status", "internal_notes"]
    form_class = EnquiryAdminForm
    sheet_title = "Richieste"
    export_filename = "richieste-corsi"
    not_exported = ["privacy_acknowledged_at"]
    export_headings = {
        "course_title": "Corso",
        "course_code": "Codice corso",
        "organisation": "Ente",
        "participants": "Partecipanti",
        "marketing_consent": "Consenso comunicazioni",
    }

    def listed(self, queryset):
        return queryset.select_related("course", "session").annotate(
            pending_emails=Count("emails", filter=~Q(emails__status=OutboundEmail.Status.SENT)),
        )


enquiry_viewset = CourseEnquiryViewSet()


class NewEnquiriesPanel(Component):
    name = "new_course_enquiries"
    template_name = "courses/admin/new_enquiries_panel.html"
    order = 90
    shown = 5

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        new = CourseEnquiry.objects.filter(status=EnquiryStatus.NEW)
        context["count"] = new.count()
        context["enquiries"] = new.select_related("course").order_by("-created_at")[: self.shown]
        context["pending_emails"] = waiting_count()
        return context

    def render_html(self, parent_context=None):
        if not policy_registry.get_by_type(CourseEnquiry).user_has_any_permission(
            self.request.user, ["view", "change"]
        ):
            return ""
        return super().render_html(parent_context)
