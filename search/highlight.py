"""Summaries with the matched words marked, built from escaped text (never trusting page content)."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .query import fold, light_stem, search_terms

EXCERPT_WORDS = 40
_WORD = re.compile(r"\w+", re.UNICODE)


def term_stems(query):
    return tuple(sorted({light_stem(term) for term in search_terms(query) if len(term) > 1}, key=len, reverse=True))


def _matches(word, stems):
    return fold(word).startswith(stems)


def excerpt(texts, query, words=EXCERPT_WORDS):
    """The first text that mentions a query word, cut to `words` words around the first mention;
    otherwise the start of the first text. `texts` is read only as far as needed."""
    stems = term_stems(query)
    first = None
    for text in texts:
        text = " ".join(text.split())
        first = text if first is None else first
        match = next((m for m in _WORD.finditer(text) if _matches(m.group(), stems)), None)
        if match is None:
            continue
        before = text[: match.start()].split()
        start_words = max(0, len(before) - words // 4)
        tail = " ".join(text.split()[start_words:])
        prefix = "… " if start_words else ""
        return prefix + Truncator(tail).words(words, truncate=" …")
    return Truncator(first).words(words, truncate=" …") if first is not None else ""


def highlight(text, query):
    """`text` escaped, with each word that matches the query wrapped in <mark>."""
    stems = term_stems(query)
    parts, last = [], 0
    for match in _WORD.finditer(text):
        if stems and _matches(match.group(), stems):
            parts.append(escape(text[last : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))
