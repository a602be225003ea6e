"""The visitor's forms: sign-up (e-mail, optional name, topics, consent) and preferences (topics).
Labels and errors in Italian (English under /en/), shown next to their fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ErrorsDescribedMixin
from inbox.forms import HoneypotMixin

from .models import Topic


class TopicsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(
            queryset=Topic.objects.all(),
            label=_("Argomenti"),
            error_messages={
                "required": _("Scegli almeno un argomento."),
                "invalid_choice": _("Scegli gli argomenti dall'elenco."),
                "invalid_pk_value": _("Scegli gli argomenti dall'elenco."),
            },
            **kwargs,
        )

    def label_from_instance(self, topic):
        return topic.label


class SignupForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        error_messages={
            "required": _("Scrivi il tuo indirizzo e-mail."),
            "invalid": _("Scrivi un indirizzo e-mail valido, ad esempio nome@esempio.it."),
            "max_length": _("L'indirizzo e-mail è troppo lungo."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=_("Nome (facoltativo)"),
        max_length=120,
        required=False,
        error_messages={"max_length": _("Scrivi al massimo %(limit_value)d caratteri.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    topics = TopicsField()
    consent = forms.BooleanField(
        label=_("Acconsento a ricevere la newsletter"),
        error_messages={"required": _("Per iscriverti devi dare il consenso a ricevere la newsletter.")},
    )

    field_order = ["email", "name", "topics", "consent", "sito_web"]


class PreferencesForm(ErrorsDescribedMixin, forms.Form):
    topics = TopicsField()
