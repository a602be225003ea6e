"""Template tags for the parts of `base.html` that every page shares."""

from django import template
from django.conf import settings
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Site

from core.site_settings import NavigationSettings

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def _in_section(item_page, current):
    """A menu entry is current on its page and below it; the home entry only on the home page."""
    if item_page is None or current is None:
        return False
    if item_page.pk == current.pk:
        return True
    return not item_page.is_root() and item_page.depth > 2 and current.path.startswith(item_page.path)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    current = context.get("page")
    if request is None:
        return {"entries": []}
    entries = [
        {
            "text": item.text,
            "url": item.get_url(request),
            "current": _in_section(item.page, current),
            "exact": bool(item.page and current and item.page.pk == current.pk),
        }
        for item in NavigationSettings.for_request(request).menu_items()
    ]
    return {"entries": entries}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    root = _site_root(context)
    if root is None or page.depth <= root.depth:
        return {"ancestors": []}
    ancestors = page.get_ancestors().filter(depth__gte=root.depth).only("id", "title", "url_path", "depth")
    return {"ancestors": list(ancestors), "page": page, "request": context.get("request")}


@register.inclusion_tag("includes/site_boxes.html", takes_context=True)
def site_boxes(context):
    """The boxes every page shows, as the site's root page defines them (`site_boxes(request)`);
    `core` does not know which page type that is."""
    request = context.get("request")
    page = context.get("page")
    root = _site_root(context)
    if root is None:
        return {"boxes": []}
    if page is None or page.pk != root.pk:
        page = root.specific
    provider = getattr(page, "site_boxes", None)
    return {"boxes": provider(request) if provider else []}


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    """Wagtail's userbar, for signed-in editors only. Asking `request.user` reads the session and
    makes every response `Vary: Cookie`; without a session cookie there is no editor to show it to,
    so anonymous pages stay identical and cacheable."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context)
