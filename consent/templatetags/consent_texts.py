"""`{% load consent_texts %}`: the cookie registry's texts in the page's language.

The groups and cookies are rows of django-cookie-consent's models, typed in Italian. Their usual
texts (the demo's registry, the banner's defaults) are msgids of consent's English catalogue
(`consent/known_texts.py` names them for makemessages), so an English page shows them in English;
a text an editor wrote differently stays as written. `{% translate group.name %}` does the same for
a plain variable; this filter serves where a fallback follows (`firstof`)."""

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def known_text(value):
    return gettext(value) if value else value
