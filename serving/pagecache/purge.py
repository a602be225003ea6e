"""What editors do that changes pages, connected to the purge: publishing, unpublishing, moving or
deleting a page, and saving or deleting anything else pages show (every registered snippet and
setting with their inline rows, images, documents, redirects, privacy restrictions, sites), and
what features announce themselves (`core.parts.notify_pages_changed`).

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
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Comment, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from core.parts import pages_changed

from ..cache import outages
from . import store
from .tasks import RETRY_INTERVAL, ban_frontend_caches, retry_purge

_commit = threading.local()  # `purging`: a purge since this thread's last commit purge


def purge_everything(**kwargs):
    """Invalidate every cached page and part now, and again when the transaction commits (a page
    rendered meanwhile from the old rows must not outlive the commit), then ban frontend caches."""
    store.bump_generation()
    _commit.purging = True
    transaction.on_commit(_after_commit)


def _after_commit():
    # A publish saves many rows and each one asks; the first callback of the commit does it for all.
    if not getattr(_commit, "purging", False):
        return
    _commit.purging = False
    if not store.bump_generation():
        retry_missed_purge()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        ban_frontend_caches.enqueue()  # whether or not Redis answers


def retry_missed_purge():
    """The cache did not take the purge: the task worker tries again (`retry_purge`) until it does.
    With the inline task backend there is no worker: the processes that saw Redis away start a new
    generation when it answers again (serving.cache's recovery hook)."""
    if retry_purge.get_backend().supports_defer:
        retry_purge.using(run_after=timezone.now() + RETRY_INTERVAL).enqueue(time.time())


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
        models.add(apps.get_model("wagtailredirects", "Redirect"))
    return frozenset(models)


def holds_only_defaults(model, instance):
    """A setting Wagtail's `for_site` just created on first read: pages showed these defaults already."""
    blank = model()
    return all(
        getattr(instance, field.attname) == getattr(blank, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name != "site"
    )


def on_save(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """Pages purge when published (signals below) or saved live in full outside the workflow
    (scripts, imports); a draft saved with `update_fields` changes nothing visitors see."""
    if raw:
        return
    if issubclass(sender, Page):
        changed = instance.live and update_fields is None
    elif sender in settings_registry:
        changed = not (created and holds_only_defaults(sender, instance))
    else:
        changed = sender in site_content_models()
    if changed:
        purge_everything()


def on_delete(sender, **kwargs):
    if sender in site_content_models():
        purge_everything()


def after_outage():
    """Redis answers again: purges and deletions made while it was away may have been lost. Start a
    new generation, and forget what Wagtail and cookie-consent keep outside it for an hour (site
    root paths, locale names, cookie groups)."""
    store.bump_generation()
    Site.clear_site_root_paths_cache()
    django_cache.delete("wagtail_locales_display_name")
    delete_cookie_groups_cache()


def connect():
    outages.on_recovery(after_outage)
    pages_changed.connect(purge_everything, dispatch_uid="pagecache-pages-changed")
    page_published.connect(purge_everything, dispatch_uid="pagecache-published")
    page_unpublished.connect(purge_everything, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(purge_everything, dispatch_uid="pagecache-moved")
    post_save.connect(on_save, dispatch_uid="pagecache-save")
    post_delete.connect(on_delete, dispatch_uid="pagecache-delete")
