"""The outbox in the admin (E-mail in uscita): what is queued, sent or of uncertain outcome. An e-mail
whose sending timed out or was interrupted is "esito incerto": nothing resends it by itself, so a
recipient never gets it twice. Staff check (ask the recipient, look in the mail server's log for its
Message-ID) and record the answer: arrived (inviata) or not (da inviare: it goes out again, with
the same Message-ID)."""

import django_filters
from django import forms
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from core.permissions import NoAddPermissionPolicy

from .models import OutboundEmail
from .tasks import send_after_commit

Status = OutboundEmail.Status
OUTCOMES = [
    (Status.UNCERTAIN, "Esito incerto: da verificare"),
    (Status.SENT, "Arrivata: segna come inviata"),
    (Status.PENDING, "Non arrivata: inviala di nuovo (stesso Message-ID)"),
]


class OutboundEmailFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="Stato", choices=Status.choices, empty_label="Tutti")

    class Meta:
        model = OutboundEmail
        fields = ["status"]


class OutcomeForm(WagtailAdminModelForm):
    """Only an e-mail of uncertain outcome changes status here, and only to what staff verified."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.was = self.instance.status
        if self.was == Status.UNCERTAIN:
            self.fields["status"] = forms.ChoiceField(label="Stato", choices=OUTCOMES)

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status != self.was and self.was != Status.UNCERTAIN:
            raise forms.ValidationError("Si può cambiare solo lo stato di un'e-mail con esito incerto.")
        return status

    def save(self, commit=True):
        email = super().save(commit=False)
        if email.status == Status.SENT and self.was != Status.SENT:
            email.sent_at = email.sent_at or email.claimed_at
        if commit:
            email.save()
        if email.status == Status.PENDING and self.was == Status.UNCERTAIN:
            send_after_commit([email])
        return email


class OutboundEmailViewSet(ModelViewSet):
    model = OutboundEmail
    icon = "mail"
    menu_label = "E-mail in uscita"
    menu_order = 260
    add_to_admin_menu = True
    name = "email_in_uscita"
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = OutboundEmailFilterSet
    search_fields = ["to", "subject", "message_id"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    list_display = [
        DateColumn("created_at", label="Creata il"),
        TitleColumn("subject", label="Oggetto", url_name="email_in_uscita:edit"),
        Column("to", label="Destinatari"),
        Column("status", label="Stato", accessor="get_status_display"),
        Column("attempts", label="Tentativi"),
    ]
    inspect_view_fields = [
        "created_at",
        "kind",
        "to",
        "subject",
        "message_id",
        "status",
        "attempts",
        "claimed_at",
        "sent_at",
        "last_error",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("to", read_only=True),
                    FieldPanel("subject", read_only=True),
                    FieldPanel("claimed_at", read_only=True),
                    FieldPanel("attempts", read_only=True),
                    FieldPanel("last_error", read_only=True),
                ],
                heading="E-mail",
            ),
            FieldPanel(
                "status",
                help_text="Un'e-mail con esito incerto potrebbe essere arrivata: verificalo (chiedi al "
                "destinatario o cerca il Message-ID nel registro del server di posta) prima di inviarla di nuovo.",
            ),
        ],
        base_form_class=OutcomeForm,
    )


outbox_permission_policy = NoAddPermissionPolicy(OutboundEmail)
outbox_viewset = OutboundEmailViewSet()
