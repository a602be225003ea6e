"""Parts that every page shows the same (menu, boxes, organisation details, consent banner), built
once per site, language and generation instead of once per page: an uncached page then costs only
its own queries. A previewed draft always builds its parts afresh (the home page's boxes may be the draft).

This module is the keeper behind `core.parts` (installed by `serving.apps`), the way features
declare a part; the routing and the site lookup use it directly."""

import hashlib
import time

from django.conf import settings
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Site

from . import deps, store
from .deps import listed_by_first_publish  # noqa: F401 (the keeper's share of `core.parts`)


def site_wide(name, build, seconds=None, tags=()):
    """(when it was read, `build()`), from the cache until editors change something (or for at most
    PAGE_CACHE_SECONDS, or `seconds`): for what no request chooses, such as the view restrictions."""
    key = f"pagecache:{name}"
    version, entry = store.lookup(key)
    if entry:
        deps.note(entry.tags)
        return entry.born, entry.value
    born = time.time()
    with deps.recording() as recorded:
        deps.note(tags)
        value = build()
    store.keep(key, version, born, value, seconds, recorded)
    return born, value


def find_site(request):
    """`Site.find_for_request`, kept per host name and port until editors change something: Wagtail
    asks the database on every request. Keyed on what Wagtail decides by (the host's name, without
    its port or capitals, and the server's port), so no header a visitor varies makes a new entry.
    Left on the request where Wagtail looks for it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        name = f"site:{hashlib.sha256(f'{hostname}|{request.get_port()}'.encode()).hexdigest()}"
        request._wagtail_site = site_wide(name, lambda: Site.find_for_request(request))[1]
    return request._wagtail_site


def _part_keys(names, request):
    """Every part is kept per site and per language of the address: most hold text or page URLs
    (menu, footer, boxes, cards, facets), and for the rest a second copy costs one build per
    language, less than a flag every feature would have to get right."""
    site = find_site(request)
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {name: f"pagecache:part:{name}:{site.pk if site else 0}:{language}" for name in names}


def given_pages(names, request):
    """What a part may use without loading it, which it depends on like what it loads (`deps.recording`
    arguments): the pages its name names by id (`core.parts`: a page's part names the page,
    `page-article:{page.pk}`; a number that is no page's id costs nothing) and its site's home
    (every part can reach it through the site, kept with its root page)."""
    site = find_site(request)
    return {
        "named_pages": {token for name in names for token in str(name).split(":") if token.isdigit()},
        "home": site.root_page_id if site is not None else None,
    }


def first_shared_part(names, request, usable, build):
    """(name, value): the value kept under the first of `names` that `usable(name, value)` accepts,
    all asked in one cache read; else `build()`'s (name, value), kept under that name if it is one of
    `names` (a path's route kept under the part of the path that leads to a page, not per address)."""
    if request is None or getattr(request, "is_preview", False):
        return build()
    keys = _part_keys(names, request)
    version, entries = store.lookup_many(list(keys.values()))
    for name in names:
        if (entry := entries.get(keys[name])) and usable(name, entry.value):
            store.note_born(request, entry.born, entry.tags)
            return name, entry.value
    born = time.time()
    with deps.recording(**given_pages(names, request)) as tags:
        name, value = build()
    if name in keys:
        store.keep(keys[name], version, born, value, tags=tags)
    return name, value


def shared_parts(names, request, build_missing, seconds=None, tags=()):
    """{name: value} for every name, as `shared_part` gives one but in one cache read (a catalogue's
    cards): `build_missing(names)` returns {name: value} for those not kept yet, stored in one write
    with what they were seen to depend on (`deps`) and the `tags` declared. A preview builds them
    all afresh."""
    if request is None or getattr(request, "is_preview", False):
        deps.note(tags)
        return build_missing(names)
    keys = _part_keys(names, request)
    version, entries = store.lookup_many(list(keys.values()))
    values = {}
    for name, key in keys.items():
        if entry := entries.get(key):
            values[name] = entry.value
            store.note_born(request, entry.born, entry.tags)
    if missing := [name for name in names if name not in values]:
        born = time.time()
        with deps.recording(**given_pages(missing, request)) as recorded:
            deps.note(tags)
            built = build_missing(missing)
        store.keep_many({keys[name]: value for name, value in built.items()}, version, born, seconds, recorded)
        values.update(built)
    return values
