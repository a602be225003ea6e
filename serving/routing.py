"""Wagtail's page routing in two queries at any depth, and none once a path has been seen: every page
along the path in one query by `url_path`, then the specific page that answers, kept per path until
editors change something. Wagtail's own `Page.route` asks twice per level (the child by slug, then
its specific row).

The result is what Wagtail's walk would give: a page that routes on its own (`route` overridden, or
a `RoutablePageMixin` route matching the rest of the path) gets the rest of the path from where it
stands, exactly as Wagtail would hand it over; the pages `Page.route` would step through are
stepped over. The pages along the path are kept on the request, so the breadcrumbs need no query
of their own."""

import hashlib

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from core.language import localized_root
from serving.pagecache.parts import find_site, first_shared_part


def _answers(page, components):
    """Whether `page` routes `components` itself rather than handing them to a child as `Page.route`
    does: a routable page answers the paths its routes match (while live), any other override all."""
    page_class = page.specific_class
    if page_class is None or page_class.route is Page.route:
        return False
    if page_class.route is not RoutablePageMixin.route:
        return True
    if not page.live:
        return False
    try:
        page_class.get_resolver().resolve("/" + "".join(f"{component}/" for component in components))
    except Http404:
        return False
    return True


def _specific(page):
    """`page.specific`, with the relations its type lists in `select_related_on_serve` fetched in the
    same query (a project's fund and image)."""
    related = getattr(page.specific_class, "select_related_on_serve", ())
    if not related:
        return page.specific
    specific = page.specific_class._default_manager.select_related(*related).get(pk=page.pk)
    for name, value in page.__dict__.items():  # as Wagtail's `specific` does (the cached parent...)
        specific.__dict__.setdefault(name, value)
    page.__dict__["specific"] = specific
    return specific


def _pages_along(root, components):
    """{url_path: page} for the pages `components` lead through below `root`, in one query. The
    slugs (indexed; `url_path` is not, and `path LIKE` is no index range on SQLite) keep it from
    reading every page of a large site."""
    url_paths, prefix = [], root.url_path
    for component in components:
        prefix = f"{prefix}{component}/"
        url_paths.append(prefix)
    pages = Page.objects.filter(
        slug__in=components, url_path__in=url_paths, path__startswith=root.path, depth__gt=root.depth
    )
    return {page.url_path: page for page in pages}


def _walk(root, components):
    """(the pages passed, root first; the specific page that answers; the components left for it),
    or Http404 when no page lies on the path."""
    along = _pages_along(root, components) if components else {}
    page, trail, url_path = root, [root], root.url_path
    while components and not _answers(page, components):
        url_path = f"{url_path}{components[0]}/"
        child = along.get(url_path)
        if child is None or child.depth != page.depth + 1:
            raise Http404
        child._cached_parent_obj = page
        page, components = child, components[1:]
        trail.append(page)
    return trail, _specific(page), components


def _route_name(root, components):
    return f"route:{root.pk}:{hashlib.sha256('/'.join(components).encode()).hexdigest()}"


def route(request, root, components):
    """`root.route(request, components)` as Wagtail's walk answers it. The walk is the same for every
    visitor, so it is kept as a shared part until editors change something, under the part of the
    path that leads to the page that answers: a page found before costs no query, and the addresses
    a routable page answers (`/progetti/ente/<n>/`) share its entry instead of making one each (a
    path that leads nowhere is not kept, so made-up addresses don't fill the cache).
    `request.route_pages` keeps the pages passed on the way (root first)."""
    names = {_route_name(root, components[:n]): n for n in range(len(components), -1, -1)}

    def usable(name, walked):
        """A kept walk of the first n components serves these if the walk would stop where it did:
        no page on the way answers the rest, and the page reached answers it (or nothing is left)."""
        trail, specific = walked
        n = names[name]
        rest_at = [components[page.depth - root.depth :] for page in trail]
        return not any(_answers(page, rest) for page, rest in zip(trail[:-1], rest_at[:-1], strict=True)) and (
            n == len(components) or _answers(specific, components[n:])
        )

    def walk():
        trail, specific, rest = _walk(root, components)
        return _route_name(root, components[: len(components) - len(rest)]), (trail, specific)

    name, (trail, specific) = first_shared_part(list(names), request, usable, walk)
    components = components[names.get(name, len(components)) :]
    request.route_pages = trail
    if components or _answers(specific, components):
        return specific.route(request, components)
    if not specific.live:
        raise Http404
    return RouteResult(specific)


def route_for_request(request, path):
    """`Page.route_for_request` (cached on the request where Wagtail's `serve` looks for it)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            site = find_site(request)
            components = [component for component in path.split("/") if component]
            root = localized_root(site, request) if site else None
            request._wagtail_route_for_request = route(request, root, components) if root else None
        except Http404:
            request._wagtail_route_for_request = None
    return request._wagtail_route_for_request
