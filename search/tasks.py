"""Background work: reindexing, in bulk, the pages a changed snippet appears on (search/indexing.py)."""

import logging

from django.apps import apps
from django_tasks import task
from wagtail.search.backends import get_search_backends_with_name

from core.parts import notify_pages_changed

from .results import INDEX_CHANGED

logger = logging.getLogger(__name__)


@task()
def reindex_pages(model_label, page_ids):
    """Rewrite the index entries of these pages of one model, with the relations their search
    fields read fetched up front (a fixed number of queries, however many pages); then what
    searches found goes (`results.INDEX_CHANGED`)."""
    model = apps.get_model(model_label)
    pages = list(model.get_indexed_objects().filter(pk__in=page_ids))
    if not pages:
        return
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, pages)
        except Exception:
            # As Wagtail's own indexing: an external engine being down must not lose the edit.
            logger.exception("Reindexing %d %s in the '%s' search backend failed", len(pages), model_label, name)
            if not backend.catch_indexing_errors:
                raise
    notify_pages_changed(tags=[INDEX_CHANGED])
