"""Keeping pages findable by the snippets they show.

A page's index entry copies the names of its snippets (a project's fund, organisations, themes ...;
a course's venues). Wagtail reindexes a page when the page is saved, not when one of those snippets
is renamed or deleted; `reindex_pages_using` closes that gap, one call per snippet and page model:

    reindex_pages_using(Fund, ProjectPage, "fund")
    reindex_pages_using(Organisation, ProjectPage, "organisation_roles__organisation")

The affected pages are reindexed in one background task (`search.tasks`), in bulk.
"""

from django.db.models.signals import post_delete, post_save, pre_delete

from .tasks import reindex_pages


def _enqueue(page_model, page_ids):
    if page_ids:
        reindex_pages.enqueue(page_model._meta.label, sorted(page_ids))


def reindex_pages_using(snippet_model, page_model, lookup):
    """After a `snippet_model` is saved or deleted, reindex the `page_model` pages that reach it
    through `lookup` (a queryset lookup from the page, e.g. "sessions__venue")."""
    uid = f"reindex-{page_model._meta.label}-{lookup}"

    def pages_using(snippet):
        return set(page_model.objects.filter(**{lookup: snippet}).values_list("pk", flat=True).distinct())

    def after_save(sender, instance, created=False, raw=False, **kwargs):
        if not created and not raw:  # a new snippet is not on any page yet
            _enqueue(page_model, pages_using(instance))

    # Deleting a snippet first deletes the rows linking it to pages (themes, territories), so the
    # pages are looked up before the delete and reindexed after it.
    def before_delete(sender, instance, **kwargs):
        instance.__dict__.setdefault("_pages_to_reindex", {})[uid] = pages_using(instance)

    def after_delete(sender, instance, **kwargs):
        _enqueue(page_model, instance.__dict__.get("_pages_to_reindex", {}).get(uid))

    post_save.connect(after_save, sender=snippet_model, weak=False, dispatch_uid=uid)
    pre_delete.connect(before_delete, sender=snippet_model, weak=False, dispatch_uid=uid)
    post_delete.connect(after_delete, sender=snippet_model, weak=False, dispatch_uid=uid)
