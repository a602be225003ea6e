"""Parts that every page shows the same (menu, boxes, organisation details, consent banner), built
once per site and generation instead of once per page: an uncached page then costs only its own
queries. A previewed draft always builds its parts afresh (the home page's boxes may be the draft)."""

import hashlib
import time

from django.http.request import split_domain_port
from wagtail.models import Site

from . import store


def site_wide(key, build, seconds=None):
    """(when it was read, `build()`), from the cache until editors change something (or for at most
    PAGE_CACHE_SECONDS, or `seconds`): for what no request chooses, such as the view restrictions."""
    generation, entry = store.lookup(key)
    if entry:
        return entry.born, entry.value
    born = time.time()
    value = build()
    store.keep(key, generation, born, value, seconds)
    return born, value


def find_site(request):
    """`Site.find_for_request`, kept per host name and port until editors change something: Wagtail
    asks the database on every request. Keyed on what Wagtail decides by (the host's name, without
    its port or capitals, and the server's port), so no header a visitor varies makes a new entry.
    Left on the request where Wagtail looks for it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        key = f"pagecache:site:{hashlib.sha256(f'{hostname}|{request.get_port()}'.encode()).hexdigest()}"
        request._wagtail_site = site_wide(key, lambda: Site.find_for_request(request))[1]
    return request._wagtail_site


def shared_part(name, request, build, seconds=None):
    """`build()` for the request's site, from the cache until editors change something (or for at
    most PAGE_CACHE_SECONDS, or `seconds`); the value must pickle (model instances, strings,
    dataclasses)."""
    return shared_parts([name], request, lambda missing: {name: build()}, seconds)[name]


def _part_keys(names, request):
    site = find_site(request)
    return {name: f"pagecache:part:{name}:{site.pk if site else 0}" for name in names}


def first_shared_part(names, request, usable, build):
    """(name, value): the value kept under the first of `names` that `usable(name, value)` accepts,
    all asked in one cache read; else `build()`'s (name, value), kept under that name if it is one of
    `names` (a path's route kept under the part of the path that leads to a page, not per address)."""
    if request is None or getattr(request, "is_preview", False):
        return build()
    keys = _part_keys(names, request)
    generation, entries = store.lookup_many(list(keys.values()))
    for name in names:
        if (entry := entries.get(keys[name])) and usable(name, entry.value):
            store.note_born(request, entry.born)
            return name, entry.value
    born = time.time()
    name, value = build()
    if name in keys:
        store.keep(keys[name], generation, born, value)
    return name, value


def shared_parts(names, request, build_missing, seconds=None):
    """{name: value} for every name, as `shared_part` gives one but in one cache read (a catalogue's
    cards): `build_missing(names)` returns {name: value} for those not kept yet, stored in one write.
    A preview builds them all afresh."""
    if request is None or getattr(request, "is_preview", False):
        return build_missing(names)
    keys = _part_keys(names, request)
    generation, entries = store.lookup_many(list(keys.values()))
    values = {}
    for name, key in keys.items():
        if entry := entries.get(key):
            values[name] = entry.value
            store.note_born(request, entry.born)
    if missing := [name for name in names if name not in values]:
        born = time.time()
        built = build_missing(missing)
        store.keep_many({keys[name]: value for name, value in built.items()}, generation, born, seconds)
        values.update(built)
    return values


def site_setting(model, request):
    """A site setting (`BaseSiteSetting`) from the shared cache, also left where Wagtail's
    `for_request` and the `settings` template variable look for it, so later reads are free."""
    attr_name = model.get_cache_attr_name()
    if hasattr(request, attr_name):
        return getattr(request, attr_name)
    instance = shared_part(f"setting:{model._meta.label_lower}", request, lambda: model.for_request(request))
    instance._request = request
    setattr(request, attr_name, instance)
    return instance
