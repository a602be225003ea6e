"""The banner and the analytics configuration, the same markup for every visitor of a page: the
visitor's own state is read by consent.js from the uncached status endpoint."""

import json

from cookie_consent.models import CookieGroup
from django import template

from core import csp
from core.site_settings import OrganisationSettings

from ..models import AnalyticsSettings, CookieBannerSettings
from ..site_settings import AnalyticsProvider

register = template.Library()


def group_cookie_names(groups):
    """Cookie names per optional group, for deleting them in the browser on refusal; a trailing `*`
    stands for a prefix (e.g. Matomo's `_pk_id.*`)."""
    return {group.varname: [cookie.name for cookie in group.cookie_set.all()] for group in groups}


@register.inclusion_tag("consent/banner.html", takes_context=True)
def consent_banner(context):
    request = context.get("request")
    if request is None:
        return {}
    banner = CookieBannerSettings.for_request(request)
    analytics = AnalyticsSettings.for_request(request)
    groups = list(CookieGroup.objects.order_by("-is_required", "ordering", "name").prefetch_related("cookie_set"))
    optional = [group for group in groups if not group.is_required]
    page = context.get("page")
    analytics_on = analytics.is_active and not getattr(request, "is_preview", False)
    if analytics_on:
        csp.allow(request, analytics.csp_sources())
    return {
        "request": request,
        "banner": banner,
        "analytics": analytics,
        "analytics_on": analytics_on,
        "external_provider": analytics.provider
        if analytics.provider not in (AnalyticsProvider.NONE, AnalyticsProvider.FIRST_PARTY)
        else "",
        "required_groups": [group for group in groups if group.is_required],
        "optional_groups": optional,
        "group_cookies": json.dumps(group_cookie_names(optional)),
        "page_id": getattr(page, "pk", "") or "",
        "cookie_policy_page": OrganisationSettings.for_request(request).cookie_policy_page,
    }
