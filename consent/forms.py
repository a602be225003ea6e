from cookie_consent.forms import CookieGroupsChoiceField
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ConsentRecord


class DecisionForm(forms.Form):
    """A decision from the banner or the preferences page: the optional groups the visitor accepts
    (none for "Rifiuta" and the X). Group choices come from django-cookie-consent's cached registry."""

    action = forms.ChoiceField(
        label="Azione",
        choices=ConsentRecord.Action.choices,
        initial=ConsentRecord.Action.CUSTOM,
        error_messages={"invalid_choice": _("Azione non valida."), "required": _("Azione mancante.")},
    )
    cookie_groups = CookieGroupsChoiceField(
        label="Categorie accettate",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Categoria di cookie sconosciuta: %(value)s.")},
    )

    def accepted_groups(self):
        from cookie_consent.cache import all_cookie_groups

        if self.cleaned_data["action"] == ConsentRecord.Action.ACCEPT_ALL:
            return list(all_cookie_groups().values())
        if self.cleaned_data["action"] in (ConsentRecord.Action.REJECT_ALL, ConsentRecord.Action.CLOSE):
            return []
        return list(self.cleaned_data["cookie_groups"])
