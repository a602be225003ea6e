"""The staff's import form: one CSV file."""

from django import forms


class ImportForm(forms.Form):
    file = forms.FileField(
        label="File CSV",
        help_text="Colonne: email; nome; argomenti; lingua; data_consenso (gg/mm/aaaa). Una riga per iscritto.",
        error_messages={"required": "Scegli il file da importare.", "empty": "Il file è vuoto."},
    )
