"""Structured data (schema.org JSON-LD) in pages."""

import json

from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe

# schema.org types that take `inLanguage` (CreativeWork and Event kinds this site may describe).
# `Project` and `Organization` are organisations in schema.org and take none.
TYPES_WITH_LANGUAGE = frozenset(
    {"CreativeWork", "WebPage", "Article", "NewsArticle", "BlogPosting", "Dataset", "Course", "Event"}
)


def with_language(data):
    """`data` with `inLanguage`, the page's language (the address's), when its type takes one and it
    says none: a course says the language it is taught in, which the page's language does not change."""
    if isinstance(data, dict) and data.get("@type") in TYPES_WITH_LANGUAGE and "inLanguage" not in data:
        return {**data, "inLanguage": translation.get_language() or settings.LANGUAGE_CODE}
    return data


def json_ld_script(data):
    """A `<script type="application/ld+json">` element. JSON-LD is data, not code: escape what could
    close the tag or open a comment, so no text an editor types can break out of it."""
    text = json.dumps(with_language(data), ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
