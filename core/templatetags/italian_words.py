"""`{% load italian_words %}`: nouns that agree with their number (see `core/words.py`), e.g.
`{{ page.total_hours|quantity:"ora,ore" }}` -> 1 ora, 1,5 ore;
`{{ module.teachers|names_label:"Docente,Docenti" }}` -> Docente for one name."""

from django import template

from core import words

register = template.Library()


def _forms(arg):
    singular, _, plural = arg.partition(",")
    return singular, plural or singular


@register.filter
def quantity(value, arg):
    if value is None or value == "":
        return ""
    return words.italian_count(value, *_forms(arg))


@register.filter
def names_label(value, arg):
    return words.label_for_names(value or "", *_forms(arg))
