""" "Forse cercavi": corrections from the site's own words, the titles of its live pages in the address's
language. A query word the titles do not know is replaced by the closest title word of similar length
(difflib's ratio, which a one-letter slip keeps above 0.8), the most frequent one on a tie. On
PostgreSQL the candidates are first narrowed by pg_trgm's trigram similarity; the choice is the same
on both databases. Cheap: the vocabulary (with its stems) is a shared part, read once per editors'
change."""

import difflib
from collections import Counter

from django.db import DatabaseError, connection, transaction
from wagtail.models import Page

from core.language import active_locale_id
from core.parts import shared_part

from .query import current_language, fold, light_stem, stopwords

MIN_WORD_LENGTH = 4
CLOSE_ENOUGH = 0.8
# pg_trgm's similarity a one-letter slip keeps above ("fondi"/"fondo" 0.5, "fami"/"fame" 0.43).
TRIGRAM_FLOOR = 0.3


def site_vocabulary(request=None):
    """({folded title word: how many titles use it}, their stems) for the address's language."""
    language = current_language()

    def build():
        words = Counter()
        titles = Page.objects.live().filter(locale_id=active_locale_id(), depth__gt=1).values_list("title", flat=True)
        for title in titles.iterator():
            words.update(w for w in (fold(part.strip(".,:;()'’«»\"")) for part in title.split()) if w.isalpha())
        common = stopwords(language)
        kept = {word: count for word, count in words.items() if len(word) >= MIN_WORD_LENGTH and word not in common}
        return kept, frozenset(light_stem(word) for word in kept)

    return shared_part(f"search-vocabulary:{language}", request, build)


def _known(word, vocabulary, stems):
    """A title word, or another form of one ("progetti" for "progetto"): the stems are made once
    with the vocabulary, not for every word of it at each search."""
    return word in vocabulary or light_stem(word) in stems


def trigram_neighbours(folded, candidates):
    """The candidates pg_trgm finds similar to `folded` (PostgreSQL, issue 25 item 2); the final
    choice is then made as on SQLite, so both databases suggest the same word. Without the
    extension (search/migrations/0007_pg_trgm.py could not create it), every candidate."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM unnest(%s::text[]) AS word WHERE similarity(word, %s) >= %s",
                [candidates, folded, TRIGRAM_FLOOR],
            )
            return [word for (word,) in cursor.fetchall()]
    except DatabaseError:
        return candidates


def correct_word(word, vocabulary, stems):
    """The title word closest to `word`, or None when it is known or nothing is close enough."""
    folded = fold(word)
    if len(folded) < MIN_WORD_LENGTH or not folded.isalpha() or _known(folded, vocabulary, stems):
        return None
    candidates = [known for known in vocabulary if abs(len(known) - len(folded)) <= 2]
    if connection.vendor == "postgresql" and candidates:
        candidates = trigram_neighbours(folded, candidates)
    close = difflib.get_close_matches(folded, candidates, n=3, cutoff=CLOSE_ENOUGH)
    if not close:
        return None
    best_ratio = difflib.SequenceMatcher(None, folded, close[0]).ratio()
    ties = [w for w in close if difflib.SequenceMatcher(None, folded, w).ratio() == best_ratio]
    return max(ties, key=lambda w: vocabulary[w])


def corrected_terms(terms, request=None):
    """The terms with every unknown word corrected, or None when no word needed a correction."""
    vocabulary, stems = site_vocabulary(request)
    corrected = [correct_word(term, vocabulary, stems) or term for term in terms]
    return corrected if corrected != list(terms) else None
