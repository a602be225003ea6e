"""The catalogue's template tags: its filter form, kept per field values."""

from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag(takes_context=True)
def catalogue_filters(context, title):
    """A catalogue's filter form (`components/catalogue_filters.html`, its lists as long as the
    organisations), kept per field values as sent: every page of a listing, for every visitor,
    reuses it until editors change something."""
    filterset = context["filterset"]

    def build():
        filterset.count_options()
        return render_to_string("components/catalogue_filters.html", {**context.flatten(), "title": title})

    return filterset.shared_for_form("catalogue-filters", build)
