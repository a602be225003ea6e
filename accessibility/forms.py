"""The "Segnala un problema di accessibilità" form: Italian labels and errors next to their fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inbox.forms import HoneypotMixin, MessageField

from .feedback import AccessibilityFeedback


class AccessibilityFeedbackForm(HoneypotMixin, forms.ModelForm):
    page_url = forms.URLField(
        label=_("Indirizzo della pagina"),
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "L'indirizzo della pagina dove hai trovato il problema, per esempio copiato dalla barra del browser."
        ),
        widget=forms.URLInput(attrs={"inputmode": "url"}),
        error_messages={
            "required": _("Scrivi l'indirizzo della pagina in cui hai trovato il problema."),
            "invalid": _("Scrivi un indirizzo web completo, per esempio https://www.esempio.it/pagina/."),
            "max_length": _("L'indirizzo è troppo lungo: al massimo 500 caratteri."),
        },
    )
    description = MessageField(
        label=_("Descrizione del problema"),
        help_text=_(
            "Che cosa stavi facendo, che cosa non ha funzionato e, se vuoi, con quale browser o tecnologia assistiva."
        ),
        error_messages={"required": _("Descrivi il problema che hai incontrato.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The hint has the id `components/form_field.html` gives it (Django would point at `<id>_helptext`).
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs.setdefault("aria-describedby", f"{self[name].auto_id}-aiuto")

    class Meta:
        model = AccessibilityFeedback
        fields = ["name", "email", "page_url", "description"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        error_messages = {
            "name": {"required": _("Scrivi il tuo nome e cognome.")},
            "email": {
                "required": _("Scrivi il tuo indirizzo e-mail: ti serve per ricevere la risposta."),
                "invalid": _("Scrivi un indirizzo e-mail valido, per esempio nome@esempio.it."),
            },
        }
