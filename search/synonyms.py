"""Editors' synonyms (the `SearchSynonym` snippet) applied when a query is read: a query word or phrase
that is one of a group's terms matches pages that use any term of the group ("FSE" finds "Fondo
sociale europeo", "stranieri" finds "cittadini di Paesi terzi"). Nothing is reindexed: editing a
group changes the next search (the groups are a shared part, renewed when editors change something)."""

from core.language import active_locale_id
from core.parts import shared_part

from .query import current_language, fold, search_terms


def _term_words(term, language):
    return tuple(fold(word) for word in search_terms(term, language))


def synonym_groups(request=None):
    """[[(word, ...), ...]]: each group's terms as folded words, for the address's language."""
    language = current_language()

    def build():
        from .models import SearchSynonym

        groups = []
        for row in SearchSynonym.objects.filter(locale_id=active_locale_id()).order_by("pk"):
            terms = [_term_words(term, language) for term in row.term_list()]
            terms = [words for words in terms if words]
            if len(terms) > 1:
                groups.append(terms)
        return groups

    return shared_part(f"search-synonyms:{language}", request, build)


def expand(terms, groups):
    """The query's words as a list of alternatives per position: [[("fse",), ("fondo", "sociale",
    "europeo")], [("corsi",)]]. The longest term of any group that the words at a position spell wins."""
    folded = [fold(term) for term in terms]
    slots, position = [], 0
    while position < len(folded):
        best = None
        for group in groups:
            for words in group:
                if tuple(folded[position : position + len(words)]) == words and (best is None or len(words) > best[0]):
                    best = (len(words), group, words)
        if best is None:
            slots.append([(terms[position],)])
            position += 1
        else:
            length, group, words = best
            slots.append([words, *(other for other in group if other != words)])
            position += length
    return slots
