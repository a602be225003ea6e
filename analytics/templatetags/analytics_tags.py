"""The statistics configuration, the same markup for every visitor of a page: analytics.js reads it
and starts the statistics only once consent.js reports that the visitor accepted their category."""

from django import template

from core import csp
from core.parts import site_setting

from ..models import AnalyticsProvider, AnalyticsSettings

register = template.Library()


@register.inclusion_tag("analytics/config.html", takes_context=True)
def analytics_config(context):
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return {}
    analytics = site_setting(AnalyticsSettings, request)
    if not analytics.is_active:
        return {}
    csp.allow(request, analytics.csp_sources())
    external = analytics.provider not in (AnalyticsProvider.NONE, AnalyticsProvider.FIRST_PARTY)
    return {
        "analytics": analytics,
        "external_provider": analytics.provider if external else "",
        "page_id": getattr(context.get("page"), "pk", "") or "",
    }
