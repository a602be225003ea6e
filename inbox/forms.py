"""What every visitor's form shares: errors tied to their fields, a honeypot against spam, and the
field for what the visitor writes in their own words."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

from core.forms import ErrorsDescribedMixin

HONEYPOT_FIELD = "sito_web"


class HoneypotMixin(ErrorsDescribedMixin, forms.Form):
    """A field people never see or fill in; automated spam usually does. A form that `is_spam()`
    should look accepted to the sender and store nothing."""

    sito_web = forms.CharField(
        label=_("Non compilare questo campo"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())


class MessageField(forms.CharField):
    """A visitor's free text: a six-line box, at most 4000 characters, said in Italian when exceeded."""

    default_error_messages = {"max_length": _("Scrivi al massimo %(limit_value)d caratteri (ora sono %(show_value)d).")}

    def __init__(self, *, max_length=4000, widget=None, **kwargs):
        super().__init__(max_length=max_length, widget=widget or forms.Textarea(attrs={"rows": 6}), **kwargs)


class HoneypotFormBuilder(FormBuilder):
    """Wagtail's form builder with the honeypot added to the fields editors define."""

    def get_form_class(self):
        return type("ContactForm", (HoneypotMixin, super().get_form_class()), {})
