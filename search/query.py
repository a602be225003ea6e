"""Turning what a visitor typed into something every search backend accepts."""

import re

MAX_QUERY_LENGTH = 200

# Letters and digits of any script, apostrophes and hyphens inside words; everything else (quotes,
# FTS operators, control characters such as NUL) would be syntax to a backend, so it becomes a space.
_NOT_WORD = re.compile(r"[^\w'’-]+|_+")


def clean_query(raw):
    """Return the visitor's words, or "" when nothing searchable is left."""
    words = _NOT_WORD.sub(" ", (raw or "")[: MAX_QUERY_LENGTH * 5]).split()
    words = [w.strip("'’-") for w in words]
    return " ".join(w for w in words if w)[:MAX_QUERY_LENGTH].strip()
