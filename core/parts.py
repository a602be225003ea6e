"""Parts of pages that every visitor gets the same (a menu, a card, a page's article), and the
changes that make them stale: the one way a feature takes part in the page cache.

- `@cached_part("page-article:{page.pk}")` on a function that takes the request: what it returns
  is kept as a shared part; `shared_part(name, request, build)` is the same for a value built in
  place, `shared_parts` for several in one cache read, `site_setting` for a site setting.
- `{% cachedpart "name" %}...{% endcachedpart %}` (library `cached_parts`) in a template.
- `site_wide(name, build)` for what no request chooses (the view restrictions).
- `listed_by_first_publish(Model, facts=[tag])` around a listing that only new pages change (newest
  first), or a change of what it orders by, which `purge_when_facts_change(Model, facts, tag)` purges.
- `keep_out_of_shared_caches(response)`: a public answer that must reach the view every time.
- `notify_pages_changed` (also a signal receiver): something pages show changed that is not a
  page, snippet, setting, image or document (the runtime hears those itself), e.g. the seats an
  enrolment takes.

A part is kept for the request's site and language (the address's: a part may hold text and page
URLs) until editors change something it shows, in either language (or for at most
PAGE_CACHE_SECONDS, or `seconds`): what it shows is recorded while it is built (the pages it
loads, the page types it lists, the tables it reads; `tags` declares anything else, and
`pages_changed` with `tags` purges them); its value must pickle (model instances, strings, dataclasses);
a preview builds it afresh. `core` says what a part is; who keeps it is the serving runtime
(`serving.pagecache`), which installs itself at start-up (`install`). Without it every part is
built when asked and a change empties nothing."""

import contextlib
import functools
import inspect
import time

from django.conf import settings
from django.db.models.signals import post_delete, pre_save
from django.dispatch import Signal
from django.utils import translation
from django.utils.cache import patch_cache_control

# Sent by `notify_pages_changed`; the serving runtime purges the page cache on it.
pages_changed = Signal()

# A tag every editors' change purges, for what depends on the latest change anywhere (declared with
# `site_wide(..., tags=[ANY_EDIT])`: the API's Last-Modified).
ANY_EDIT = "any-edit"


class BuildEveryTime:
    """The keeper until the runtime installs its own: nothing is kept."""

    @staticmethod
    def shared_parts(names, request, build_missing, seconds=None, tags=()):
        return build_missing(list(names))

    @staticmethod
    def site_wide(name, build, seconds=None, tags=()):
        return time.time(), build()

    @staticmethod
    def listed_by_first_publish(*models, facts=()):
        return contextlib.nullcontext()


_keeper = BuildEveryTime()


def install(keeper):
    """Keep parts with `keeper` (anything with `shared_parts` and `site_wide` as above)."""
    global _keeper
    _keeper = keeper


def shared_parts(names, request, build_missing, seconds=None, tags=()):
    """{name: value} for every name in one cache read: `build_missing(names)` returns {name: value}
    for those not kept yet, kept in one write. `tags`: what they depend on that their queries don't
    show (the runtime records the pages, page types and tables they read by itself)."""
    return _keeper.shared_parts(names, request, build_missing, seconds, tags)


def shared_part(name, request, build, seconds=None, tags=()):
    """`build()`, kept as the part `name` of the request's site."""
    return shared_parts([name], request, lambda missing: {name: build()}, seconds, tags)[name]


def site_wide(name, build, seconds=None, tags=()):
    """(when it was read, `build()`), kept as `name` for every site until editors change something
    it shows (or one of `tags` is purged)."""
    return _keeper.site_wide(name, build, seconds, tags)


def listed_by_first_publish(*models, facts=()):
    """Around the query of a listing of these page types that only a page's first publication or
    removal can change (newest first by `first_published_at`, e.g. the "Progetti" box), or a change
    of what it is ordered and chosen by, which the app purges as the tags `facts`
    (`purge_when_facts_change`): an everyday republish then purges it only if it shows the
    republished page, instead of every page that shows the listing.
    `with listed_by_first_publish(ProjectPage): entries = list(...)`"""
    return _keeper.listed_by_first_publish(*models, facts=facts)


def purge_when_facts_change(model, facts, tag):
    """Purge `tag` when a row of `model` (a page type, or a page's inline rows) is saved with other
    `facts(row)` than the database holds, or is created or deleted: what a listing declared with
    `listed_by_first_publish(..., facts=[tag])` is ordered and chosen by. A new page (a draft until
    its first publish, which purges the listings that may now list it) or a page saved with
    `update_fields` (a draft's bookkeeping) changes nothing visitors see."""
    from wagtail.models import Page

    is_page = issubclass(model, Page)

    def before_save(sender, instance, raw=False, update_fields=None, **kwargs):
        if raw or (is_page and (instance.pk is None or update_fields is not None)):
            return
        saved = sender._base_manager.filter(pk=instance.pk).first() if instance.pk is not None else None
        if saved is None or facts(saved) != facts(instance):
            notify_pages_changed(tags=[tag])

    def after_delete(sender, instance, **kwargs):
        notify_pages_changed(tags=[tag])

    uid = f"facts-{tag}-{model._meta.label_lower}"
    pre_save.connect(before_save, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(after_delete, sender=model, weak=False, dispatch_uid=uid)


def cached_part(name, seconds=None, tags=()):
    """Keep what the decorated function returns as a shared part. `name` is formatted with the
    function's arguments by name (`"eu-visibility:{fund.pk}"`, `"page-article:{self.pk}"` on a
    method); one argument is the `request`. The name must say everything the value depends on."""

    def decorate(function):
        signature = inspect.signature(function)

        @functools.wraps(function)
        def kept(*args, **kwargs):
            arguments = signature.bind(*args, **kwargs)
            arguments.apply_defaults()
            part = name.format(**arguments.arguments)
            request = arguments.arguments["request"]
            return shared_part(part, request, lambda: function(*args, **kwargs), seconds, tags)

        return kept

    return decorate


def site_setting(model, request):
    """A site setting (`BaseSiteSetting`) kept as a shared part, also left where Wagtail's
    `for_request` and the `settings` template variable look for it, so later reads are free."""
    attr_name = model.get_cache_attr_name()
    if hasattr(request, attr_name):
        return getattr(request, attr_name)

    def build():
        setting = model.for_request(request)
        # A setting with texts in other languages (`in_language`) gives the address's language's.
        return setting.in_language(translation.get_language()) if hasattr(setting, "in_language") else setting

    instance = shared_part(f"setting:{model._meta.label_lower}", request, build)
    instance._request = request
    setattr(request, attr_name, instance)
    return instance


def notify_pages_changed(tags=None, **kwargs):
    """Something pages show changed: kept pages and parts are stale from now on (only those that
    showed one of `tags`, when given). Takes any keyword arguments, so it can be connected to a
    model's `post_save` as it is."""
    pages_changed.send(sender=notify_pages_changed, tags=tags)


def keep_out_of_shared_caches(response):
    """For a public answer that must reach the view every time it is asked (e.g. a search that is
    counted): no shared cache may keep it, and the browser only as long as public pages
    (PAGE_BROWSER_CACHE_SECONDS, by default asking again each time, so a publish shows)."""
    patch_cache_control(response, private=True, max_age=settings.PAGE_BROWSER_CACHE_SECONDS)
    return response


def changes_in(response, seconds):
    """A page that reads differently by the clock alone in `seconds` (an event ends, a call expires):
    no cache keeps it longer (None: nothing changes by the clock). Returns the response."""
    if seconds is not None:
        response.shared_cache_seconds = seconds
    return response
