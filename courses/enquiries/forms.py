"""The course enquiry form. Labels and errors are Italian (English on English pages) and shown next to
their fields."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.dates import italian_date_range
from inbox.forms import HoneypotMixin, MessageField

from .models import CourseEnquiry, RequestType

# What the visitor writes about herself, in the order the form asks and the staff inbox shows it.
ABOUT_THE_VISITOR = ["first_name", "last_name", "email", "phone", "organisation", "participants", "message"]


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, session):
        label = f"{session.edition}: {italian_date_range(session.start, session.end)}, {session.place_label}"
        return gettext("{label} (posti esauriti — lista d'attesa)").format(label=label) if session.is_full else label


class CourseEnquiryForm(HoneypotMixin, forms.ModelForm):
    session = SessionChoiceField(
        label=_("Edizione"), queryset=None, required=False, empty_label=_("Nessuna in particolare")
    )
    participants = forms.IntegerField(
        label=_("Numero di partecipanti"),
        min_value=1,
        max_value=500,
        initial=1,
        error_messages={
            "invalid": _("Scrivi un numero intero, ad esempio 1."),
            "min_value": _("Indica almeno un partecipante."),
            "max_value": _("Per più di 500 partecipanti scrivici direttamente."),
        },
    )
    message = MessageField(label=_("Messaggio"), required=False)
    privacy = forms.BooleanField(
        label=_("Ho letto l'informativa privacy"),
        error_messages={"required": _("Per inviare la richiesta devi dichiarare di aver letto l'informativa privacy.")},
    )
    marketing_consent = forms.BooleanField(
        label=_("Voglio ricevere per e-mail notizie sui prossimi corsi (facoltativo)"), required=False
    )

    class Meta:
        model = CourseEnquiry
        fields = [
            "first_name",
            "last_name",
            "email",
            "phone",
            "organisation",
            "request_type",
            "session",
            "participants",
            "message",
            "marketing_consent",
        ]
        widgets = {
            "request_type": forms.RadioSelect,
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        error_messages = {
            "email": {"invalid": _("Scrivi un indirizzo e-mail valido, ad esempio nome@esempio.it.")},
            "request_type": {"invalid_choice": _("Scegli uno dei tipi di richiesta proposti.")},
        }

    field_order = ["request_type", "session", *ABOUT_THE_VISITOR, "privacy", "marketing_consent", "sito_web"]

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.course = course
        # Every edition open for enrolment is offered, the full ones marked: asking for a full one
        # puts the visitor on that edition's waiting list. When they are all full, the whole form is
        # a waiting-list request (a pre-enrolment, flagged so that staff see it apart).
        sessions = course.enquirable_sessions()
        self.waiting_list = bool(sessions) and all(s.is_full for s in sessions)
        if self.waiting_list:
            del self.fields["request_type"]
        else:
            self.fields["request_type"].choices = RequestType.choices
            self.fields["request_type"].initial = RequestType.INFORMATION
        self.fields["session"].queryset = course.sessions.filter(pk__in=[s.pk for s in sessions]).select_related(
            "venue"
        )
        self.fields["session"].error_messages["invalid_choice"] = _("Scegli una delle edizioni proposte.")
        if self.waiting_list:
            self.fields["session"].empty_label = _("La prima che si libera")
        if len(sessions) < 2:
            # With one session (or none) there is nothing to choose: it is taken automatically.
            del self.fields["session"]
            self.only_session = sessions[0] if sessions else None

    def clean_first_name(self):
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self):
        return self.cleaned_data["last_name"].strip()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("request_type") == RequestType.DEDICATED_EDITION and not cleaned.get("organisation"):
            self.add_error("organisation", _("Per un'edizione dedicata indica l'ente o l'organizzazione."))
        return cleaned

    def save(self, commit=True):
        enquiry = super().save(commit=False)
        enquiry.course = self.course
        if "session" not in self.fields:
            enquiry.session = self.only_session
        # Whether the edition is full is read now, not when the form was shown.
        session_full = enquiry.session is not None and enquiry.session.is_full
        if self.waiting_list or (session_full and enquiry.request_type != RequestType.DEDICATED_EDITION):
            enquiry.waiting_list, enquiry.request_type = True, RequestType.PRE_ENROLMENT
        enquiry.privacy_acknowledged_at = timezone.now()
        if commit:
            enquiry.save()
        return enquiry
