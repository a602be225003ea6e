"""Uploaded files as the app sends them: images from MEDIA_ROOT (`make run`'s SERVE_MEDIA) and
documents through Wagtail's view, with the headers of `core.storage.file_headers`."""

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.static import serve
from wagtail.documents import get_document_model
from wagtail.documents.views import serve as documents

from core.storage import PUBLIC_FOLDERS, SANDBOX, file_headers


def serve_media(request, path):
    """Images and renditions only: documents are not under MEDIA_ROOT, and if a copy were left
    there (an old layout, a restored backup) it still would not be served here."""
    if not path.startswith(PUBLIC_FOLDERS):
        raise Http404("Not a public upload")
    return file_headers(serve(request, path, document_root=settings.MEDIA_ROOT), path)


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (privacy checks, password form), with the file sandboxed and a
    restricted document, or its password form, kept out of every shared cache; a public document
    keeps the public pages' `Cache-Control`."""
    response = documents.serve(request, document_id, document_filename)
    if response.streaming:
        response["Content-Security-Policy"] = SANDBOX  # Wagtail's `default-src 'none'`, plus no script, form or origin
        response["X-Content-Type-Options"] = "nosniff"
    document = get_document_model().objects.select_related("collection").get(id=document_id)
    if document.collection.get_view_restrictions().exists():
        patch_cache_control(response, private=True, no_store=True)
    return response
