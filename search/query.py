"""Turning what a visitor typed into something every search backend accepts."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200

# Letters and digits of any script, apostrophes and hyphens inside words; everything else (quotes,
# FTS operators, control characters such as NUL) would be syntax to a backend, so it becomes a space.
_NOT_WORD = re.compile(r"[^\w'’-]+|_+")


def clean_query(raw):
    """Return the visitor's words, or "" when nothing searchable is left."""
    words = _NOT_WORD.sub(" ", (raw or "")[: MAX_QUERY_LENGTH * 5]).split()
    words = [w.strip("'’-") for w in words]
    return " ".join(w for w in words if w)[:MAX_QUERY_LENGTH].strip()


# Italian words too common to search for (PostgreSQL's Italian configuration drops them too); the
# SQLite backend and the highlighter skip them so "fondo per l'integrazione" does not require "per".
STOPWORDS = frozenset(
    [
        "a",
        "ad",
        "al",
        "alla",
        "alle",
        "agli",
        "ai",
        "allo",
        "che",
        "chi",
        "con",
        "col",
        "da",
        "dal",
        "dalla",
        "dalle",
        "dai",
        "dagli",
        "dallo",
        "dei",
        "del",
        "della",
        "delle",
        "degli",
        "dello",
        "di",
        "e",
        "ed",
        "è",
        "gli",
        "i",
        "il",
        "in",
        "l",
        "la",
        "le",
        "lo",
        "ma",
        "ne",
        "nei",
        "nel",
        "nella",
        "nelle",
        "negli",
        "nello",
        "non",
        "o",
        "per",
        "su",
        "sul",
        "sulla",
        "sulle",
        "sui",
        "sugli",
        "sullo",
        "tra",
        "fra",
        "un",
        "una",
        "uno",
    ]
)
_FINAL_VOWELS = "aeiouàèéìòù"


def fold(word):
    """Lower case without accents: "Attività" and "attivita" compare equal."""
    if word.isascii():  # most words: nothing to decompose
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def light_stem(word):
    """A crude Italian stem for prefix matching where no real stemmer is available (SQLite, the
    highlighter): drop the final vowels of longer words, so "progetto" and "progetti" both give
    "progett"."""
    word = fold(word)
    if len(word) >= 5:
        stripped = word.rstrip(_FINAL_VOWELS)
        if len(stripped) >= 4:
            return stripped
    return word


def search_terms(query):
    """The words of a cleaned query worth matching: no stopwords, unless the query is only those."""
    words = [part for word in query.split() for part in re.split(r"['’-]+", word) if part]
    meaningful = [w for w in words if fold(w) not in STOPWORDS and len(w) > 1]
    return meaningful or words
