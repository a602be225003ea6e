"""The Content-Security-Policy of every response (django-csp does the writing).

Public pages get the strict policy of CONTENT_SECURITY_POLICY: nothing loads unless listed, scripts
and styles only from the site itself. A page widens it only for what it actually shows, as it asked
while it rendered (`core.csp.allow`). The Wagtail and Django admins, preview included, get
CSP_ADMIN_DIRECTIVES: Wagtail still ships some inline scripts."""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

from core.csp import EXTRA_SOURCES


def is_admin_path(path):
    return path.startswith(tuple(settings.CSP_ADMIN_URL_PREFIXES))


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware choosing the admin policy for admin URLs and adding the sources the
    page asked for (the full-page cache, outside it, keeps the header it wrote)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if is_admin_path(request.path_info):
            parts.config = parts.config or default_config(settings.CSP_ADMIN_DIRECTIVES)
            return parts
        extra = getattr(request, EXTRA_SOURCES, None)
        if extra:
            update = dict(parts.update or {})
            for directive, sources in extra.items():
                update[directive] = sorted(set(update.get(directive) or ()) | sources)
            parts.update = update
        return parts
