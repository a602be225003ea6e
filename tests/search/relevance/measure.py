"""The relevance set (queries.yaml) measured as a visitor meets it: each query is sent to the search
page of its language and the first results' addresses are compared with the pages a person expects.

success@3: share of queries with an expected page among the first three results.
MRR: mean over the queries of 1 / the rank of the first expected page (0 when not in the first ten).
Shared by the test (tests/search/relevance/test_relevance.py) and `python -m scripts.bench
search-relevance`."""

import itertools
import re
import statistics
import time
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
    cpu_ms: float = 0.0  # the whole response, with nothing kept from an earlier one

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


_fresh = itertools.count()


def slugs_found(client, query, language="it"):
    """(slugs of the results, CPU-ms of the response): a fresh query, whose results nobody asked for
    before (an extra parameter makes a new query string); the site's other parts warm, as in use."""
    started = time.process_time()
    html = client.get(SEARCH_ADDRESS[language], {"q": query, "n": next(_fresh)}).content.decode()
    cpu_ms = (time.process_time() - started) * 1000
    return [link.rstrip("/").rpartition("/")[2] for link in _RESULT_LINK.findall(html)], cpu_ms


def measure(client, cases=None):
    cases = cases if cases is not None else load_cases()
    for language in ("it", "en"):  # a first request loads templates, code and the shared parts
        client.get(SEARCH_ADDRESS[language], {"q": "riscaldamento"})
    outcomes = []
    for case in cases:
        language = case.get("lang", "it")
        found, cpu_ms = slugs_found(client, case["q"], language)
        outcomes.append(Outcome(case["q"], language, case["expect"], found, cpu_ms))
    return outcomes


def measure_again(client, cases=None, rounds=3):
    """[(CPU-ms, queries)] of each query sent again `rounds` times, each time as a new query string:
    the pages it finds were shown before (their hits kept), the search log past its rate limit."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cases = cases if cases is not None else load_cases()
    sent = []
    for _ in range(rounds):
        for case in cases:
            with CaptureQueriesContext(connection) as queries:
                _, cpu_ms = slugs_found(client, case["q"], case.get("lang", "it"))
            sent.append((cpu_ms, len(queries)))
    return sent


def again_report(sent):
    timings = [cpu_ms for cpu_ms, _ in sent]
    queries = sorted(count for _, count in sent)
    return [
        f"CPU-ms per new string, pages shown before ({len(sent)} requests): {cpu_figures_of(timings)}",
        f"queries per such string: median {statistics.median(queries):g}, max {queries[-1]}",
    ]


def success_at_3(outcomes):
    return sum(1 for o in outcomes if o.rank is not None and o.rank <= 3) / len(outcomes)


def mean_reciprocal_rank(outcomes):
    return sum(1 / o.rank for o in outcomes if o.rank is not None) / len(outcomes)


def cpu_figures(outcomes):
    return cpu_figures_of([o.cpu_ms for o in outcomes])


def cpu_figures_of(timings):
    timings = sorted(timings)
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return f"median {statistics.median(timings):.1f}, p95 {p95:.1f}, max {timings[-1]:.1f}"


def report(outcomes):
    """Lines for a person: the figures, then each query that missed the first three."""
    lines = [
        f"queries: {len(outcomes)}",
        f"success@3: {success_at_3(outcomes):.1%}",
        f"MRR: {mean_reciprocal_rank(outcomes):.3f}",
        f"CPU-ms per fresh query (whole response): {cpu_figures(outcomes)}",
    ]
    for o in outcomes:
        if o.rank is None or o.rank > 3:
            lines.append(f"  miss: {o.query!r} ({o.language}) rank {o.rank}; got {o.found[:3]}")
    return lines
