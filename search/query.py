"""Turning what a visitor typed into something every search backend accepts: clean words, without
the stop words and elisions of the address's language ("dell'integrazione" -> "integrazione")."""

import re
import unicodedata

from django.utils import translation

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
        # elided articles and prepositions ("dell'integrazione", "all'estero", "d'impatto")
        "d",
        "dell",
        "all",
        "dall",
        "nell",
        "sull",
        "coll",
        "quell",
        # the words of a question ("come si fa il budget", "cosa sono i corsi", "dove siete")
        "come",
        "cosa",
        "dove",
        "quale",
        "quali",
        "quando",
        "si",
        "fa",
        "fare",
        "sono",
        "mi",
        "ci",
        "vorrei",
        "cerco",
    ]
)
# The English site's (PostgreSQL's English configuration drops these too).
ENGLISH_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "how",
        "i",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "the",
        "to",
        "what",
        "where",
        "who",
        "with",
    ]
)
_FINAL_VOWELS = "aeiouàèéìòù"


def current_language():
    return (translation.get_language() or "it")[:2]


def stopwords(language=None):
    return ENGLISH_STOPWORDS if (language or current_language()) == "en" else STOPWORDS


def fold(word):
    """Lower case without accents: "Attività" and "attivita" compare equal."""
    if word.isascii():  # most words: nothing to decompose
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def light_stem(word, language=None):
    """A crude stem for prefix matching where no real stemmer is available (SQLite, the highlighter).
    Italian: drop the final vowels of longer words, so "progetto" and "progetti" both give "progett".
    English: drop a plural or verb ending ("projects" -> "project", "funding" -> "fund")."""
    word = fold(word)
    if (language or current_language()) == "en":
        for ending in ("ing", "ies", "es", "ed", "s"):
            if len(word) - len(ending) >= 4 and word.endswith(ending):
                return word[: -len(ending)]
        return word
    if len(word) >= 5:
        stripped = word.rstrip(_FINAL_VOWELS)
        if len(stripped) >= 4:
            return stripped
    return word


def search_terms(query, language=None):
    """The words of a cleaned query worth matching: no stopwords, unless the query is only those.
    Elisions split off their article ("dell'integrazione" -> "dell", "integrazione"), a stop word."""
    words = [part for word in query.split() for part in re.split(r"['’-]+", word) if part]
    common = stopwords(language)
    meaningful = [w for w in words if fold(w) not in common and len(w) > 1]
    return meaningful or words
