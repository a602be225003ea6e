"""The banner, the same markup for every visitor of a page: the visitor's own state is read by
consent.js from the uncached status endpoint."""

import json

from cookie_consent.models import CookieGroup
from django import template
from django.utils.translation import get_language

from core.language import localized_pages
from core.parts import cached_part, site_setting
from core.site_settings import OrganisationSettings

from ..models import CookieBannerSettings

register = template.Library()


def group_cookie_names(groups):
    """Cookie names per optional group, for deleting them in the browser on refusal; a trailing `*`
    stands for a prefix (e.g. Matomo's `_pk_id.*`)."""
    return {group.varname: [cookie.name for cookie in group.cookie_set.all()] for group in groups}


def policy_page(page):
    """The cookie policy in the address's language (its English translation on English pages when
    there is one), looked up while the banner's part is built rather than on every page."""
    return localized_pages([page]).get(page.pk, page) if page else None


@cached_part("consent-banner")
def site_wide_banner(request):
    """The banner's content: the same for every page of a site, so kept as a shared part until an
    editor changes a setting or the cookie registry."""
    banner = CookieBannerSettings.for_request(request)
    title, text = banner.texts(get_language())
    groups = list(CookieGroup.objects.order_by("-is_required", "ordering", "name").prefetch_related("cookie_set"))
    optional = [group for group in groups if not group.is_required]
    return {
        "banner": banner,
        "banner_title": title,
        "banner_text": text,
        "required_groups": [group for group in groups if group.is_required],
        "optional_groups": optional,
        "group_cookies": json.dumps(group_cookie_names(optional)),
        "cookie_policy_page": policy_page(site_setting(OrganisationSettings, request).cookie_policy_page),
    }


@register.inclusion_tag("consent/banner.html", takes_context=True)
def consent_banner(context):
    request = context.get("request")
    if request is None:
        return {}
    return {**site_wide_banner(request), "request": request}
