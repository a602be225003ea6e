"""`python -m scripts.bench <suite> [options]`: runs one measurement suite with its own options
(`python -m scripts.bench <suite> --help`); without a suite, lists them."""

import runpy
import subprocess
import sys

from . import ROOT

# suite: (module of this package, or a script under scripts/; what it measures)
SUITES = {
    "pages": ("pages", "every page type under gunicorn: queries, HTML size, req/s, CPU-ms (make bench)"),
    "publish": ("publish", "the page cache after a publish: p50/p99/hit rate, first request per page type, RSS"),
    "weight": ("weight", "HTML, CSS and JavaScript each page type of the demo loads (no server)"),
    "projects": ("projects", "the project catalogue with 10,000 projects: queries and median time"),
    "catalogue-scale": (
        "catalogue_scale",
        "the project catalogue at 100 and 100,000 projects: steady CPU-ms and the first request after a publish",
    ),
    "purges": (
        "purges",
        "what a snippet's or setting's change purges on the demo: stale answers (0) and cache hits left",
    ),
    "catalogue-ids": ("catalogue_ids", "reading a catalogue's kept ids at 100 and 100,000 projects (no database)"),
    "courses": ("courses", "the course catalogue with 500 courses, calendars, enquiry form"),
    "search": ("search", "site search over 10,000 projects and 1,000 courses: p50/p95 (PostgreSQL)"),
    "search-relevance": (
        "search_relevance",
        "success@3 and MRR of the everyday queries on the demo (SQLite or PostgreSQL)",
    ),
    "consent": ("consent", "consent banner, endpoints, beacon and the statistics report"),
    "admin-forms": ("measure_admin_forms.py", "time until the project and course edit forms take input"),
    "screenshots": ("screenshots", "every page type at 390 and 1366 px into screenshots/ (make screenshots)"),
    "lighthouse": ("lighthouse", "Lighthouse's mobile scores per page type (make lighthouse)"),
    "worker-outage": ("worker_outage", "does the task worker outlive a database restart (PostgreSQL)"),
    "newsletter-send": ("newsletter", "an issue to 20,000 subscribers via a fake SMTP server: time, RSS, page latency"),
    "scheduler-delay": ("scheduler_delay", "a scheduled page's delay while the mail server hangs"),
}


def usage():
    lines = [f"  {suite:16} {about}" for suite, (_, about) in SUITES.items()]
    return "python -m scripts.bench <suite> [options]\n\n" + "\n".join(lines)


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in SUITES:
        print(usage(), file=sys.stderr)
        raise SystemExit(0 if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help") else 2)
    suite, options = sys.argv[1], sys.argv[2:]
    target = SUITES[suite][0]
    if target.endswith(".py"):  # a script that stays where its owner keeps it
        raise SystemExit(subprocess.call([sys.executable, str(ROOT / "scripts" / target), *options]))
    sys.argv = [f"python -m scripts.bench {suite}", *options]
    runpy.run_module(f"{__package__}.{target}", run_name="__main__", alter_sys=True)


main()
