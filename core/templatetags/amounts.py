"""`{% load amounts %}`: `{{ page.total_cost|euros }}` -> `1.250.000,50 €` on Italian pages,
`€1,250,000.50` on English ones; `{{ threshold|euros:0 }}` without decimals (see core/amounts.py)."""

from django import template

from core import amounts

register = template.Library()


@register.filter
def euros(value, places=2):
    return amounts.euros(value, int(places))
