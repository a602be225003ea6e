"""Where uploads live, and how they are sent back.

Images and their renditions are public: `make run` serves them from MEDIA_ROOT (`SERVE_MEDIA`), in
production the proxy or the bucket does. Documents may sit in a collection restricted by password or
login, so they live where nothing serves them but Wagtail's document view after its privacy checks:
on disk under PRIVATE_MEDIA_ROOT (outside MEDIA_ROOT, so a proxy serving MEDIA_ROOT cannot reach
them), in a bucket as private objects (`core.bucket`). The names stay `documents/...`, so the
database does not change; `core/migrations/0006_private_documents.py` moves existing files.

Every file the site hands out carries FILE_HEADERS: an SVG or an HTML file opened on its own must not
run scripts on the site's origin. Only raster images are shown inline; anything else is a download."""

import logging
import os
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils._os import safe_join
from django.utils.http import content_disposition_header

logger = logging.getLogger(__name__)

DOCUMENTS = "documents/"
# Served by `make run` (SERVE_MEDIA) and by the proxy snippet (deploy/nginx/asap.conf): nothing else.
PUBLIC_FOLDERS = ("images/", "original_images/")
INLINE_EXTENSIONS = {".gif", ".jpg", ".jpeg", ".png", ".webp", ".avif", ".ico"}
SANDBOX = "sandbox; default-src 'none'"


def is_document(name):
    return name.replace("\\", "/").lstrip("/").startswith(DOCUMENTS)


def file_headers(response, name, *, inline=None):
    """The headers of an uploaded file: no script or style runs if it is opened as a page, no
    sniffing of another type, and a download (not a page) for what is not a raster image."""
    response["Content-Security-Policy"] = SANDBOX
    response["X-Content-Type-Options"] = "nosniff"
    if inline is None:
        inline = PurePosixPath(name).suffix.lower() in INLINE_EXTENSIONS
    response["Content-Disposition"] = content_disposition_header(not inline, PurePosixPath(name).name)
    return response


class MediaStorage(FileSystemStorage):
    """MEDIA_ROOT for images, PRIVATE_MEDIA_ROOT for documents; a write that fails (a full disk)
    leaves no partial file behind."""

    def path(self, name):
        if is_document(name):
            return safe_join(settings.PRIVATE_MEDIA_ROOT, name)
        return super().path(name)

    def _save(self, name, content):
        full_path = self.path(name)
        existed = os.path.exists(full_path)
        # Django gives a saved file its root's group, so MEDIA_ROOT must exist even for a document.
        os.makedirs(self.location, exist_ok=True)
        try:
            saved = super()._save(name, content)  # relative to MEDIA_ROOT, i.e. `../...` for a document
        except OSError:
            if not existed and os.path.exists(full_path):
                os.remove(full_path)
                logger.warning("Upload not saved, partial file removed: %s", full_path)
            raise
        if not is_document(name):
            return saved
        return os.path.relpath(os.path.join(self.location, saved), settings.PRIVATE_MEDIA_ROOT).replace("\\", "/")
