"""What editors do that changes pages, connected to the purge: publishing, unpublishing, moving or
deleting a page, and saving or deleting anything else pages show (every registered snippet and
setting with their inline rows, images, documents, redirects, privacy restrictions, sites), and
what features announce themselves (`core.parts.notify_pages_changed`).

Only what showed the change goes (`deps` recorded it when pages and parts were built): a publish
purges what showed the page and the listings of its type; a move or a new slug what showed the
page or any page below it (their addresses changed) and every listing of their types and of pages
of any type, as if they were all published anew; a snippet, setting, image, document or redirect
(or one of their inline rows) what read its table, or was built after it in the same request
(`deps.watch_rows`). What takes a page away or makes it private (unpublishing, deleting, privacy,
sites) empties everything at once, as a new generation. Every change purges
`core.parts.ANY_EDIT`. After a publish or a move the task worker renders the pages visitors see
most again (`tasks.rebuild_pages`).

Models are found through Wagtail's registries, not imported, so `core` knows no other app. Visitors'
own writes (enquiries, consent records, statistics) are none of these, so they never empty the cache."""

import threading
import time
from functools import cache

from cookie_consent.cache import delete_cache as delete_cookie_groups_cache
from django.apps import apps
from django.conf import settings
from django.core.cache import cache as django_cache
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Comment, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from core.parts import ANY_EDIT, pages_changed

from ..cache import outages
from . import deps, store
from . import tags as tags_store
from .tasks import RETRY_INTERVAL, ban_frontend_caches, rebuild_pages, retry_purge

_commit = threading.local()  # what to purge again, and rebuild, when this thread's transaction commits

EVERYTHING = "*"
# Changes that must take a page away from every page that showed it at once: privacy, sites.
EVERYWHERE_MODELS = (PageViewRestriction, CollectionViewRestriction, Site)
REDIRECT_MODEL = "wagtailredirects.Redirect"
# A move or new slug of a section with more pages than this starts a new generation instead: one
# tag per page would cost more than rebuilding what visitors ask next.
MOVED_PAGES_PURGED_BY_TAG = 1000


def _pending():
    if not hasattr(_commit, "tags"):
        _commit.tags, _commit.rebuild = set(), set()
    return _commit.tags


def purge_everything(**kwargs):
    """Invalidate every cached page and part now, and again when the transaction commits (a page
    rendered meanwhile from the old rows must not outlive the commit), then ban frontend caches."""
    store.bump_generation()
    _pending().add(EVERYTHING)
    transaction.on_commit(_after_commit)


def purge_tags(tags, rebuild=(), edit=True):
    """Invalidate the cached pages and parts that showed one of `tags` (`deps`), now and again when
    the transaction commits; `rebuild`: pages (their ids) the task worker renders again after it;
    `edit`: an editors' change, which `ANY_EDIT` goes with too."""
    tags = {*tags, ANY_EDIT} if edit else set(tags)
    if not tags_store.purge(tags):
        store.bump_generation()
    _pending().update(tags)
    _commit.rebuild.update(rebuild)
    transaction.on_commit(_after_commit)


def _after_commit():
    # A publish saves many rows and each one asks; the first callback of the commit does it for all.
    tags, rebuild = _pending(), _commit.rebuild
    if not tags:
        return
    _commit.tags, _commit.rebuild = set(), set()
    purged = store.bump_generation() if EVERYTHING in tags else tags_store.purge(tags) or store.bump_generation()
    if not purged:
        retry_missed_purge()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        ban_frontend_caches.enqueue()  # whether or not Redis answers
    if rebuild and settings.PAGE_CACHE_ENABLED and settings.PAGE_CACHE_REBUILD:
        rebuild_pages.enqueue(sorted(rebuild))


def retry_missed_purge():
    """The cache did not take the purge: the task worker tries again (`retry_purge`) until it does.
    With the inline task backend there is no worker: the processes that saw Redis away start a new
    generation when it answers again (serving.cache's recovery hook)."""
    if retry_purge.get_backend().supports_defer:
        retry_purge.using(run_after=timezone.now() + RETRY_INTERVAL).enqueue(time.time())


# --- what each change purges -----------------------------------------------------------------------


_was_live = threading.local()  # {page id: whether it was live before this save}, for the publish signal


def note_was_live(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a page is saved in full (a publish, a script): was it live already? A page that was
    not is new to every listing of pages; one that was changes only its own rows."""
    if raw or update_fields is not None or not issubclass(sender, Page):
        return
    if not hasattr(_was_live, "pages"):
        _was_live.pages = {}
    _was_live.pages[instance.pk] = instance.pk is not None and Page.objects.filter(pk=instance.pk, live=True).exists()


def is_first_publish(page):
    return not getattr(_was_live, "pages", {}).get(page.pk, True)


def page_tags(page, first=False):
    """The tags a page's publish purges: whatever showed it, and the listings of its type (those of
    pages of any type too when it is new: the menu, the sitemap, its parent's list of children)."""
    table = page.specific_class._meta.db_table
    tags = {f"page:{page.pk}", f"listing:{table}"}
    if first:
        tags |= {"listing:wagtailcore_page", f"new:{table}"}
    return tags


def on_publish(sender, instance, **kwargs):
    purge_tags(page_tags(instance, is_first_publish(instance)), rebuild={instance.pk})


def on_address_change(sender, instance, **kwargs):
    """A page moved, or given a new slug: its address and those of the pages below it changed.
    Whatever showed one of them, and every listing that may hold them (their types', the menus, the
    sitemap, the old and new parent's children), as for a first publish of each."""
    below = Page.objects.descendant_of(instance, inclusive=True).only("pk", "content_type")
    below = list(below[: MOVED_PAGES_PURGED_BY_TAG + 1])
    if len(below) > MOVED_PAGES_PURGED_BY_TAG:
        purge_everything()
        return
    purge_tags(set().union(*(page_tags(page, first=True) for page in below)), rebuild={instance.pk})


def on_unpublish(sender, instance, **kwargs):
    """A page taken away: gone from everything that showed it at once, whatever that was."""
    purge_everything()


@cache
def site_content_models():
    """Models whose rows appear on pages: pages, snippets and settings with their inline rows
    (saved when a page is published, or by scripts), and Wagtail's own shared content."""
    owners = {*get_snippet_models(), *settings_registry}
    owners |= {model for model in apps.get_models() if issubclass(model, Page)}
    models = owners | {relation.related_model for owner in owners for relation in get_all_child_relations(owner)}
    models.discard(Comment)  # editors' comments on a draft
    models |= {get_image_model(), get_document_model(), Site, PageViewRestriction, CollectionViewRestriction}
    if apps.is_installed("wagtail.contrib.redirects"):
        models.add(apps.get_model(REDIRECT_MODEL))
    return frozenset(models)


@cache
def row_models():
    """The models purged by their table (`row_tags`): snippets, settings, their inline rows, images,
    documents and redirects (Wagtail follows one only where the site answers "not found", an answer
    the page cache never keeps); not pages and their rows, nor what changes privacy or sites."""
    return frozenset(
        model
        for model in site_content_models()
        if deps.page_tables().get(model._meta.db_table) is None and not issubclass(model, EVERYWHERE_MODELS)
    )


def holds_only_defaults(model, instance):
    """A setting Wagtail's `for_site` just created on first read: pages showed these defaults already."""
    blank = model()
    return all(
        getattr(instance, field.attname) == getattr(blank, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name != "site"
    )


def row_tags(sender, instance):
    """The tags a saved or deleted row purges: a page's inline row its page's (and its type's
    listings), a snippet's, setting's, image's, document's or redirect's its table's (`row_models`);
    privacy and sites everything."""
    if sender in row_models():
        return {deps.table_tag(sender)}
    owner = deps.page_tables().get(sender._meta.db_table)
    if owner is None:
        return {EVERYTHING}
    parent = next(
        (getattr(instance, relation.field.attname, None) for relation in _child_relations(sender)),
        None,
    )
    return {f"listing:{owner}", *([f"page:{parent}"] if parent else [])}


@cache
def _child_relations(model):
    owners = [owner for owner in site_content_models() if issubclass(owner, Page)]
    return [
        relation for owner in owners for relation in get_all_child_relations(owner) if relation.related_model is model
    ]


def _purge_row(sender, instance):
    tags = row_tags(sender, instance)
    purge_everything() if EVERYTHING in tags else purge_tags(tags)


def on_save(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """Pages purge when published (signals below) or saved live in full outside the workflow
    (scripts, imports); a draft saved with `update_fields` changes nothing visitors see."""
    if raw:
        return
    if issubclass(sender, Page):
        if instance.live and update_fields is None:
            purge_tags(page_tags(instance, first=created or is_first_publish(instance)), rebuild={instance.pk})
        return
    if sender in settings_registry:
        changed = not (created and holds_only_defaults(sender, instance))
    else:
        changed = sender in site_content_models()
    if changed:
        _purge_row(sender, instance)


def on_delete(sender, instance=None, **kwargs):
    if issubclass(sender, Page):
        purge_everything()
    elif sender in site_content_models():
        _purge_row(sender, instance)


def on_pages_changed(tags=None, **kwargs):
    """`core.parts.notify_pages_changed`: the tags it names, or everything."""
    purge_tags(tags, edit=False) if tags else purge_everything()


def after_outage():
    """Redis answers again: purges and deletions made while it was away may have been lost. Start a
    new generation, and forget what Wagtail and cookie-consent keep outside it for an hour (site
    root paths, locale names, cookie groups)."""
    store.bump_generation()
    Site.clear_site_root_paths_cache()
    django_cache.delete("wagtail_locales_display_name")
    delete_cookie_groups_cache()


def after_migrate(**kwargs):
    """Every deploy runs `migrate`: the pages and parts the code before it kept may link static
    files the new manifest no longer has, or lack tags this code records and purges, so they go."""
    store.bump_generation()


def connect():
    # Sent once per app with models: once per run by the pages' own app (this one has no models).
    post_migrate.connect(after_migrate, sender=apps.get_app_config("wagtailcore"), dispatch_uid="pagecache-migrated")
    outages.on_recovery(after_outage)
    deps.connect()
    deps.watch_rows(row_models)
    pages_changed.connect(on_pages_changed, dispatch_uid="pagecache-pages-changed")
    page_published.connect(on_publish, dispatch_uid="pagecache-published")
    page_unpublished.connect(on_unpublish, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(on_address_change, dispatch_uid="pagecache-moved")
    page_slug_changed.connect(on_address_change, dispatch_uid="pagecache-slug-changed")
    pre_save.connect(note_was_live, dispatch_uid="pagecache-was-live")
    post_save.connect(on_save, dispatch_uid="pagecache-save")
    post_delete.connect(on_delete, dispatch_uid="pagecache-delete")
