"""The relevance set (queries.yaml) measured as a visitor meets it: each query is sent to the search
page of its language and the first results' addresses are compared with the pages a person expects.

success@3: share of queries with an expected page among the first three results.
MRR: mean over the queries of 1 / the rank of the first expected page (0 when not in the first ten).
Shared by the test (tests/search/relevance/test_relevance.py) and `python -m scripts.bench
search-relevance`."""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES = Path(__file__).with_name("queries.yaml")
SEARCH_ADDRESS = {"it": "/cerca/", "en": "/en/search/"}
_RESULT_LINK = re.compile(r'class="search-result__title"><a href="([^"]*)"')


@dataclass
class Outcome:
    query: str
    language: str
    expected: list
    found: list  # slugs of the first results, best first

    @property
    def rank(self):
        return next((n for n, slug in enumerate(self.found, 1) if slug in self.expected), None)


def load_cases():
    return yaml.safe_load(QUERIES.read_text())


def seed_demo_pages():
    """The demo pages the set expects (pages, catalogues, English translations, search synonyms),
    without the loaders it does not need."""
    from demo.loaders import courses, english, pages, projects, search

    for loader in (pages, search, projects, courses, english):
        loader.seed()


def slugs_found(client, query, language="it"):
    html = client.get(SEARCH_ADDRESS[language], {"q": query}).content.decode()
    return [link.rstrip("/").rpartition("/")[2] for link in _RESULT_LINK.findall(html)]


def measure(client, cases=None):
    cases = cases if cases is not None else load_cases()
    outcomes = []
    for case in cases:
        language = case.get("lang", "it")
        outcomes.append(Outcome(case["q"], language, case["expect"], slugs_found(client, case["q"], language)))
    return outcomes


def success_at_3(outcomes):
    return sum(1 for o in outcomes if o.rank is not None and o.rank <= 3) / len(outcomes)


def mean_reciprocal_rank(outcomes):
    return sum(1 / o.rank for o in outcomes if o.rank is not None) / len(outcomes)


def report(outcomes):
    """Lines for a person: the figures, then each query that missed the first three."""
    lines = [
        f"queries: {len(outcomes)}",
        f"success@3: {success_at_3(outcomes):.1%}",
        f"MRR: {mean_reciprocal_rank(outcomes):.3f}",
    ]
    for o in outcomes:
        if o.rank is None or o.rank > 3:
            lines.append(f"  miss: {o.query!r} ({o.language}) rank {o.rank}; got {o.found[:3]}")
    return lines
