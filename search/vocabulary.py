""" "Forse cercavi": corrections from the site's own words, the titles of its live pages in the address's
language. A query word the titles do not know is replaced by the closest title word of similar length
(difflib's ratio, which a one-letter slip keeps above 0.8), the most frequent one on a tie. The same
on SQLite and PostgreSQL, and cheap: the vocabulary is a shared part, read once per editors' change."""

import difflib
from collections import Counter

from wagtail.models import Page

from core.language import active_locale_id
from core.parts import shared_part

from .query import current_language, fold, light_stem, stopwords

MIN_WORD_LENGTH = 4
CLOSE_ENOUGH = 0.8


def site_vocabulary(request=None):
    """{folded title word: how many titles use it} for the address's language."""
    language = current_language()

    def build():
        words = Counter()
        titles = Page.objects.live().filter(locale_id=active_locale_id(), depth__gt=1).values_list("title", flat=True)
        for title in titles.iterator():
            words.update(w for w in (fold(part.strip(".,:;()'’«»\"")) for part in title.split()) if w.isalpha())
        common = stopwords(language)
        return {word: count for word, count in words.items() if len(word) >= MIN_WORD_LENGTH and word not in common}

    return shared_part(f"search-vocabulary:{language}", request, build)


def _known(word, vocabulary):
    """A title word, or another form of one ("progetti" for "progetto")."""
    stem = light_stem(word)
    return word in vocabulary or any(light_stem(known) == stem for known in vocabulary)


def correct_word(word, vocabulary):
    """The title word closest to `word`, or None when it is known or nothing is close enough."""
    folded = fold(word)
    if len(folded) < MIN_WORD_LENGTH or not folded.isalpha() or _known(folded, vocabulary):
        return None
    candidates = [known for known in vocabulary if abs(len(known) - len(folded)) <= 2]
    close = difflib.get_close_matches(folded, candidates, n=3, cutoff=CLOSE_ENOUGH)
    if not close:
        return None
    best_ratio = difflib.SequenceMatcher(None, folded, close[0]).ratio()
    ties = [w for w in close if difflib.SequenceMatcher(None, folded, w).ratio() == best_ratio]
    return max(ties, key=lambda w: vocabulary[w])


def corrected_terms(terms, request=None):
    """The terms with every unknown word corrected, or None when no word needed a correction."""
    vocabulary = site_vocabulary(request)
    corrected = [correct_word(term, vocabulary) or term for term in terms]
    return corrected if corrected != list(terms) else None
