"""Structured data (schema.org JSON-LD) in pages."""

import json

from django.utils.safestring import mark_safe


def json_ld_script(data):
    """A `<script type="application/ld+json">` element. JSON-LD is data, not code: escape what could
    close the tag or open a comment, so no text an editor types can break out of it."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
