"""The registration form: who comes, and the privacy acknowledgement. Labels and errors are in the
visitor's language and shown next to their fields."""

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from inbox.forms import HoneypotMixin

from .models.registrations import EventRegistration

ABOUT_THE_VISITOR = ["first_name", "last_name", "email", "organisation"]


class RegistrationForm(HoneypotMixin, forms.ModelForm):
    privacy = forms.BooleanField(
        label=_("Ho letto l'informativa privacy"),
        error_messages={"required": _("Per iscriverti devi dichiarare di aver letto l'informativa privacy.")},
    )

    class Meta:
        model = EventRegistration
        fields = ABOUT_THE_VISITOR
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        error_messages = {
            "first_name": {"required": _("Scrivi il tuo nome.")},
            "last_name": {"required": _("Scrivi il tuo cognome.")},
            "email": {
                "required": _("Scrivi il tuo indirizzo e-mail."),
                "invalid": _("Scrivi un indirizzo e-mail valido, ad esempio nome@esempio.it."),
            },
        }

    field_order = [*ABOUT_THE_VISITOR, "privacy", "sito_web"]

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event

    def clean_first_name(self):
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self):
        return self.cleaned_data["last_name"].strip()

    def save(self, commit=True):
        registration = super().save(commit=False)
        registration.event = self.event
        registration.language = (get_language() or "it")[:10]
        registration.privacy_acknowledged_at = timezone.now()
        if commit:
            registration.save()
        return registration
