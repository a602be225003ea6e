"""What every visitor's form shares: errors tied to their fields, and a honeypot against spam."""

from django import forms
from wagtail.contrib.forms.forms import FormBuilder

from core.forms import ErrorsDescribedMixin

HONEYPOT_FIELD = "sito_web"


class HoneypotMixin(ErrorsDescribedMixin, forms.Form):
    """A field people never see or fill in; automated spam usually does. A form that `is_spam()`
    should look accepted to the sender and store nothing."""

    sito_web = forms.CharField(
        label="Non compilare questo campo",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())


class HoneypotFormBuilder(FormBuilder):
    """Wagtail's form builder with the honeypot added to the fields editors define."""

    def get_form_class(self):
        return type("ContactForm", (HoneypotMixin, super().get_form_class()), {})
