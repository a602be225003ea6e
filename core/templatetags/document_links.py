"""`{% load document_links %}`: a document link's text and its format and size, said once:
"Indicatori del progetto" (CSV, 12,0 KB). A title that already ends with its format, as
"Indicatori del progetto (CSV)", does not repeat it."""

import re

from django import template
from django.template.defaultfilters import filesizeformat

register = template.Library()


@register.filter
def document_title(title, document):
    """`title` without a trailing "(CSV)" (or "- CSV") naming the document's own format."""
    extension = re.escape(document.file_extension or "")
    if not extension:
        return title
    return re.sub(rf"\s*(?:\(\s*{extension}\s*\)|[-–]\s*{extension})\s*$", "", title, flags=re.IGNORECASE) or title


@register.filter
def document_meta(document):
    """ "CSV, 12,0 KB": the format, and the size when it is known."""
    parts = [document.file_extension.upper()] if document.file_extension else []
    try:
        size = document.file_size
    except (OSError, ValueError):  # the file is missing from storage: say the format only
        size = None
    if size:
        parts.append(filesizeformat(size))
    return ", ".join(parts)
