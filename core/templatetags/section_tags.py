"""`{% page_sections subject %}`: the sections higher apps add to a page about `subject` (`core.sections`)."""

from django import template
from django.utils.safestring import mark_safe

from core.sections import sections_for

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, subject):
    return mark_safe("".join(sections_for(context.get("request"), subject)))  # providers render templates
