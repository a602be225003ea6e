"""Wagtail's page view restrictions ("privacy"), read once per cache generation rather than on every
page: Wagtail asks the database for them twice per page served (the page's ancestors, then their
restrictions) and once more per listing that keeps to public pages. Saving or deleting a restriction
empties what is kept (the serving runtime hears it), so a new one applies from the next request."""

from django.db.models import Q
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from core.parts import site_wide


def restricted_sections():
    """(path, depth) of every page with a view restriction: the sections visitors may not see."""
    _, sections = site_wide(
        "restricted-sections",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()),
    )
    return sections


class PublicPageQuerySet(PageQuerySet):
    """`public()` without reading the restrictions from the database each time."""

    def private_q(self):
        q = Q()
        for path, depth in restricted_sections():
            q |= Q(path__startswith=path, depth__gte=depth)
        return q if q else Q(pk__in=[])


def public(pages):
    """`pages.public()` for any page queryset, without the query."""
    return pages.exclude(PublicPageQuerySet.private_q(pages))
