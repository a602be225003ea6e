"""Template tags for the parts of `base.html` that every page shares."""

from typing import NamedTuple

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page, Site

from core.language import in_active_language, localized_pages, localized_root
from core.parts import shared_part, site_setting
from core.site_settings import NavigationSettings, OrganisationSettings

register = template.Library()


class MenuLink(NamedTuple):
    """A menu entry as the cache keeps it: whether it is current is worked out per page."""

    text: str
    url: str
    page_id: int | None
    page_path: str = ""
    page_depth: int = 0


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def _localized_site_root(context):
    """The home page in the address's language (the Italian one while there is no translation)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return localized_root(site, request) or site.root_page


def _in_section(link, current):
    """A menu entry is current on its page and below it; the home entry only on the home page."""
    if link.page_id is None or current is None:
        return False
    if link.page_id == current.pk:
        return True
    return link.page_depth > 2 and current.path.startswith(link.page_path)


def _menu_links(request):
    """The menu in the address's language: on English pages an entry leads to the English translation
    of its page (titled by it, unless the editors wrote the entry's English text), else to the
    Italian page; external entries take their English text when there is one."""
    items = list(NavigationSettings.for_request(request).menu_items())
    english = in_active_language()
    translated = localized_pages([item.page for item in items])
    links = []
    for item in items:
        page = translated.get(item.page_id, item.page)
        text = item.text
        if english:
            text = item.label_en or (page.title if page is not item.page else text)
        if page is None:
            links.append(MenuLink(text, item.get_url(request), None))
        else:
            links.append(MenuLink(text, page.get_url(request), page.pk, page.path, page.depth))
    return links


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    current = context.get("page")
    if request is None:
        return {"entries": []}
    entries = [
        {
            "text": link.text,
            "url": link.url,
            "current": _in_section(link, current),
            "exact": bool(link.page_id and current and link.page_id == current.pk),
        }
        for link in shared_part("main-menu", request, lambda: _menu_links(request))
    ]
    return {"entries": entries}


@register.simple_tag(takes_context=True)
def organisation(context):
    """The organisation's details for header, footer and titles, read once per site and change."""
    request = context.get("request")
    return site_setting(OrganisationSettings, request) if request else None


def ancestors_on_route(request, page, min_depth):
    """The ancestors of `page` from `min_depth` down, if the routing passed through them (it leaves
    them in `request.route_pages`, root first: `serving.routing`), else None."""
    trail = getattr(request, "route_pages", None) if request is not None else None
    if not trail or trail[-1].pk != page.pk:
        return None
    return [ancestor for ancestor in trail[:-1] if ancestor.depth >= min_depth]


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    root = _site_root(context)
    if root is None or page.depth <= root.depth:
        return {"ancestors": []}
    request = context.get("request")
    ancestors = ancestors_on_route(request, page, root.depth)
    if ancestors is None:
        ancestors = page.get_ancestors().filter(depth__gte=root.depth).only("id", "title", "url_path", "depth")
    return {"ancestors": list(ancestors), "page": page, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def site_boxes(context):
    """The boxes every page shows, as the site's root page defines them (`site_boxes(request)`);
    `core` does not know which page type that is. The same HTML on every page, so it is cached
    whole (a preview of the root page builds it from the draft)."""
    request = context.get("request")
    page = context.get("page")

    def build():
        root = _localized_site_root(context)
        if root is None:
            return ""
        provider_page = page if page is not None and page.pk == root.pk else root.specific
        provider = getattr(provider_page, "site_boxes", None)
        return render_to_string("includes/site_boxes.html", {"boxes": provider(request) if provider else []})

    return shared_part("site-boxes", request, build)


@register.simple_tag(takes_context=True)
def page_body(context, page):
    """`page.body` (a StreamField) rendered once and kept as a shared part until editors change
    something: its blocks are the same for every visitor (embeds wait inert for consent), and their
    templates, page links and renditions are the costliest part of an uncached page."""
    return shared_part(
        f"page-body:{page.pk}", context.get("request"), lambda: page.body.render_as_block(context.flatten())
    )


@register.simple_tag(takes_context=True)
def shared_include(context, template_name):
    """An include that is the same on every page of the site (the footer, the header's brand and
    search box): rendered once per site and kept as a shared part until editors change something.
    The organisation's logo rendition, for one, is then looked up once, not on every page."""
    request = context.get("request")
    return shared_part(f"include:{template_name}", request, lambda: render_to_string(template_name, request=request))


class SocialImage(NamedTuple):
    url: str
    width: int
    height: int


@register.simple_tag(takes_context=True)
def social_image(context, page):
    """The page's sharing image (`og:image`, a 1200x630 rendition), kept per page as a shared part:
    finding it costs a query and a rendition lookup on every uncached page otherwise."""
    if not isinstance(page, Page) or not hasattr(page, "get_social_image"):  # form pages come from Wagtail
        return None

    def build():
        image = page.get_social_image()
        if image is None:
            return None
        rendition = image.get_rendition("fill-1200x630")
        return SocialImage(rendition.url, rendition.width, rendition.height)

    return shared_part(f"page-social-image:{page.pk}", context.get("request"), build)


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    """Wagtail's userbar, for signed-in editors only. Asking `request.user` reads the session and
    makes every response `Vary: Cookie`; without a session cookie there is no editor to show it to,
    so anonymous pages stay identical and cacheable."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context)
