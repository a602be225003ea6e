"""The receipt's form: the law wants the granting body's fiscal code, and an editor who chose a body
that lacks it can type it here instead of leaving the receipt for the organisation's page."""

from django import forms
from django.db import transaction
from wagtail.admin.forms.models import WagtailAdminModelForm

from projects.models.snippets import FISCAL_CODE_VALIDATOR

FISCAL_CODE_HELP = (
    "Solo se l'ente scelto non ha ancora il codice fiscale: lo aggiungiamo alla sua scheda "
    "(Catalogo progetti → Organizzazioni)."
)


class PublicContributionForm(WagtailAdminModelForm):
    granting_body_fiscal_code = forms.CharField(
        label="Codice fiscale dell'ente erogante",
        required=False,
        max_length=16,
        validators=[FISCAL_CODE_VALIDATOR],
        help_text=FISCAL_CODE_HELP,
    )

    def clean_granting_body_fiscal_code(self):
        return self.cleaned_data["granting_body_fiscal_code"].strip().upper()

    def clean(self):
        cleaned_data = super().clean()
        body, code = cleaned_data.get("granting_body"), cleaned_data.get("granting_body_fiscal_code")
        if body and code:
            if body.fiscal_code and body.fiscal_code != code:
                self.add_error(
                    "granting_body_fiscal_code",
                    f"{body.name} ha già il codice fiscale {body.fiscal_code}: lascia vuoto questo campo "
                    "o correggi il codice nella scheda dell'organizzazione.",
                )
            else:
                body.fiscal_code = code  # the model's check (the law's requirement) sees it
        return cleaned_data

    @transaction.atomic
    def save(self, commit=True):
        body = self.cleaned_data.get("granting_body")
        if commit and body and self.cleaned_data.get("granting_body_fiscal_code"):
            body.save(update_fields=["fiscal_code"])
        return super().save(commit=commit)
