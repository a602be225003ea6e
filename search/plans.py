"""How a visitor's words become a search, in the order a person would expect (issue 25):

1. words that name a kind of result ("corsi", "progetti") steer to that type and are not required text,
   when that type has matches for the other words (when the visitor picks a type, or every type, from
   the facets, the other words in that type);
2. every word, as typed (a course about "corsi di lingua" is still found), in every type;
3. every word but the type words, in every type;
4. the words corrected from the site's own vocabulary ("rendicontazzione" -> "rendicontazione");
5. any of the words, pages matching more of them first;
6. the text as typed inside a title: a query made only of words the language's stemmer drops as
   too common ("chi siamo" on PostgreSQL) still finds its page.

Stop words and elisions never count (search/query.py); editors' synonyms widen each word or phrase
(search/synonyms.py). The first plan with results wins; its description is kept with the results."""

from dataclasses import dataclass

from modelsearch.query import And, Or, PlainText

from .query import fold, search_terms
from .synonyms import expand, synonym_groups
from .types import result_types
from .vocabulary import corrected_terms


@dataclass(frozen=True)
class Plan:
    terms: tuple[str, ...]
    any_word: bool = False  # False: every word (or one of its synonyms) must match
    steer: str = ""  # slug of the type the query's words named
    corrected: str = ""  # the corrected text, when the words were corrected
    in_titles: bool = False  # the text as typed, inside titles (no full-text search)

    @property
    def text(self):
        return " ".join(self.terms)


def read(query, request=None, explicit_type=False):
    """The plans to try, in order: a generator, so later plans (the corrections read the site's
    vocabulary) cost nothing when an earlier one finds something."""
    terms = search_terms(query)
    named = [result_types.named_by(fold(term)) for term in terms]
    steer = next((t for t in named if t is not None), None)
    other = tuple(term for term, kind in zip(terms, named, strict=True) if kind is None) or tuple(terms)
    if other != tuple(terms):
        # The visitor chose a type (or "tutti") from the steered results' facets: the same words.
        yield Plan(other) if explicit_type else Plan(other, steer=steer.slug)
    yield Plan(tuple(terms))
    if other != tuple(terms) and not explicit_type:
        yield Plan(other)
    corrected = corrected_terms(other, request)
    if corrected:
        yield Plan(tuple(corrected), corrected=" ".join(corrected))
    if len(other) > 1:
        yield Plan(other, any_word=True)
    if len(query) >= 3:
        yield Plan(tuple(query.split()), in_titles=True)


def backend_query(plan, request=None):
    """What the search backend is given: plain text, or And/Or of the synonyms' alternatives."""
    slots = expand(list(plan.terms), synonym_groups(request))
    if all(len(alternatives) == 1 for alternatives in slots):
        return PlainText(plan.text, operator="or" if plan.any_word else "and")
    parts = []
    for alternatives in slots:
        options = [PlainText(" ".join(words), operator="and") for words in alternatives]
        parts.append(options[0] if len(options) == 1 else Or(options))
    if plan.any_word:
        return Or([option for part in parts for option in (part.subqueries if isinstance(part, Or) else [part])])
    return parts[0] if len(parts) == 1 else And(parts)


def word_queries(plan, request=None):
    """One query per word (with its synonyms): counting which match ranks the any-word plan."""
    slots = expand(list(plan.terms), synonym_groups(request))
    queries = []
    for alternatives in slots:
        options = [PlainText(" ".join(words), operator="and") for words in alternatives]
        queries.append(options[0] if len(options) == 1 else Or(options))
    return queries
