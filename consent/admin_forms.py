from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .models import CookieDetails


class CookieForm(WagtailAdminModelForm):
    """django-cookie-consent's Cookie plus the policy's facts kept in CookieDetails, in one form."""

    provider = forms.CharField(label="Fornitore", max_length=120, initial="ASAP (prima parte)")
    duration = forms.CharField(label="Durata", max_length=80, initial="Sessione", help_text="Ad esempio «6 mesi».")
    is_third_party = forms.BooleanField(label="Di terza parte", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        details = getattr(self.instance, "details", None) if self.instance.pk else None
        if details:
            for name in ("provider", "duration", "is_third_party"):
                self.initial[name] = getattr(details, name)

    def save(self, commit=True):
        cookie = super().save(commit=commit)
        if commit:
            CookieDetails.objects.update_or_create(
                cookie=cookie,
                defaults={name: self.cleaned_data[name] for name in ("provider", "duration", "is_third_party")},
            )
        return cookie
