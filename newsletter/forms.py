"""The sending page's form: when to send, typed as Italian editors type dates, in Rome time."""

from django import forms
from django.utils import timezone

from core.admin_inputs import DATETIME_HINT, ItalianDateTimeField


class ScheduleForm(forms.Form):
    send_at = ItalianDateTimeField(
        label="Data e ora dell'invio",
        help_text=f"Ora di Roma. {DATETIME_HINT}",
        input_formats=["%d/%m/%Y %H:%M", "%d/%m/%Y %H.%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"],
    )

    def __init__(self, *args, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now or timezone.now()

    def clean_send_at(self):
        value = self.cleaned_data["send_at"]
        if value <= self.now:
            raise forms.ValidationError("Scegli un momento futuro; per inviare subito usa «Invia ora».")
        return value
